import { PassThrough } from 'node:stream';
import type {} from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '@opendti/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOCUMENT_NAMES } from '../../documents/layouts.js';
import { type RenderedDocument, readDefaultTemplate } from '../../documents/render-document.js';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { errorResponses } from '../../http/error-schema.js';
import { loadAssessmentContext } from '../assessments/assessment-context.js';
import {
  DOCX_TYPE,
  DocumentFormatQuery,
  DocumentKindParams,
  DocumentSettingsSchema,
  MAX_TEMPLATE_BYTES,
  PDF_TYPE,
  TemplateSummarySchema,
  UpdateDocumentSettingsBody,
  ZIP_TYPE,
} from './document-schemas.js';
import {
  deleteTemplate,
  listTemplates,
  readDocumentSettings,
  templateFor,
  updateDocumentSettings,
  uploadTemplate,
} from './document-settings.service.js';
import { renderPlanDocument } from './plan-document.service.js';
import {
  findPublishedUnit,
  loadPublishedPeriod,
  renderPeriodDocument,
  renderScoreSheet,
  unitIdOf,
  writeAllScoreSheets,
} from './published-documents.service.js';
import { renderSelfAssessment } from './self-assessment-document.service.js';

const PeriodParams = Type.Object({ periodId: Type.String({ format: 'uuid' }) });

/** A document response: .docx or PDF, said which program made it (decision 0014). */
const documentResponse = (what: string) => ({
  description: `${what}; X-Document-Renderer says which program made it (docxtemplater, libreoffice or pdfmake)`,
  content: {
    [DOCX_TYPE]: { schema: Type.String({ format: 'binary' }) },
    [PDF_TYPE]: { schema: Type.String({ format: 'binary' }) },
  },
});

function sendDocument(reply: FastifyReply, document: RenderedDocument & { fileName: string }) {
  return reply
    .header('content-type', document.fileName.endsWith('.pdf') ? PDF_TYPE : DOCX_TYPE)
    .header('content-disposition', contentDisposition('attachment', document.fileName))
    .header('cache-control', 'private, no-store')
    .header('x-document-renderer', document.renderer)
    .send(document.bytes);
}

/** The one .docx of a template upload, whatever its field name. */
async function readTemplateUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  const files: { fileName: string; bytes: Buffer }[] = [];
  // A bigger file ends the request with 413 (the route's uploadLimitBytes names the limit).
  for await (const part of request.parts({ limits: { fileSize: MAX_TEMPLATE_BYTES, files: 2 } })) {
    if (part.type !== 'file') continue;
    files.push({ fileName: part.filename || 'mau.docx', bytes: await part.toBuffer() });
  }
  const [file] = files;
  if (!file) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  if (files.length > 1) {
    throw new DomainError('invalid-input', [
      { code: 'http.validation', params: { detail: `gửi một tệp .docx, không phải ${files.length} tệp` } },
    ]);
  }
  return file;
}

/**
 * Official documents (issue 13): the province's header settings and Word templates (the
 * administrator's), the documents of a published period (the provincial office and the council chair;
 * a unit its own score sheet), a unit's self-assessment report (whoever may read the assessment), and
 * an improvement plan's document (the plan's manager).
 */
export function registerDocumentRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/document-settings',
    {
      schema: {
        tags: ['documents'],
        summary: 'Thông tin cơ quan ban hành trên văn bản / the header settings of every document',
        operationId: 'getDocumentSettings',
        description:
          'Issuing body, parent body, place, signer, council chair and recipients, filled into every document; the defaults (version 0) until saved.',
        response: { 200: DocumentSettingsSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'document.manage');
      return readDocumentSettings(db);
    },
  );

  api.put(
    '/document-settings',
    {
      schema: {
        tags: ['documents'],
        summary: 'Sửa thông tin cơ quan ban hành / change the header settings',
        operationId: 'updateDocumentSettings',
        description: 'Saves the header settings on the version they were read at (409 when someone saved in between). Audited.',
        body: UpdateDocumentSettingsBody,
        response: { 200: DocumentSettingsSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'document.manage');
      return updateDocumentSettings(db, actor, request.body);
    },
  );

  api.get(
    '/document-templates',
    {
      schema: {
        tags: ['documents'],
        summary: 'Các mẫu văn bản / the document templates',
        operationId: 'listDocumentTemplates',
        description:
          'Each document with the template in use (uploaded or shipped) and the fields ({tag}) a template may hold and must keep.',
        response: { 200: Type.Object({ items: Type.Array(TemplateSummarySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'document.manage');
      return { items: await listTemplates(db) };
    },
  );

  api.get(
    '/document-templates/:kind',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải mẫu văn bản / download a template',
        operationId: 'downloadDocumentTemplate',
        description: 'The template in use (default=true: the shipped one), to edit in Word and upload back.',
        params: DocumentKindParams,
        querystring: Type.Object({ default: Type.Optional(Type.Boolean()) }),
        response: {
          200: { description: 'A .docx template', content: { [DOCX_TYPE]: { schema: Type.String({ format: 'binary' }) } } },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'document.manage');
      const { kind } = request.params;
      const template =
        request.query.default === true
          ? { bytes: await readDefaultTemplate(kind), fileName: `mau-${DOCUMENT_NAMES[kind].file}.docx` }
          : await templateFor(db, kind);
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', contentDisposition('attachment', template.fileName))
        .header('cache-control', 'private, no-store')
        .send(template.bytes);
    },
  );

  api.put(
    '/document-templates/:kind',
    {
      config: { uploadLimitBytes: MAX_TEMPLATE_BYTES },
      schema: {
        tags: ['documents'],
        summary: 'Tải lên mẫu văn bản đã sửa / upload an edited template',
        operationId: 'uploadDocumentTemplate',
        description:
          'multipart/form-data with one .docx (at most 5 MB). Its fields are checked against the document: a malformed field, a field the document does not fill, or a required field missing is refused (400, each named); nothing is stored then. Otherwise it replaces the template in use. Audited.',
        consumes: ['multipart/form-data'],
        params: DocumentKindParams,
        response: { 200: TemplateSummarySchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'document.manage');
      return uploadTemplate(db, actor, request.params.kind, await readTemplateUpload(request));
    },
  );

  api.delete(
    '/document-templates/:kind',
    {
      schema: {
        tags: ['documents'],
        summary: 'Trở về mẫu mặc định / back to the shipped template',
        operationId: 'deleteDocumentTemplate',
        description: 'Deletes the uploaded template; the shipped default is used again. Audited.',
        params: DocumentKindParams,
        response: { 204: Type.Null({ description: 'Deleted (audited)' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'document.manage');
      await deleteTemplate(db, actor, request.params.kind);
      return reply.status(204).send();
    },
  );

  for (const kind of ['result-report', 'decision-appendix'] as const) {
    const report = kind === 'result-report';
    api.get(
      `/periods/:periodId/documents/${kind}`,
      {
        schema: {
          tags: ['documents'],
          summary: report
            ? 'Báo cáo kết quả đánh giá (Word/PDF) / the result report'
            : 'Phụ lục quyết định công bố (Word/PDF) / the publication decision’s appendix',
          operationId: report ? 'downloadResultReport' : 'downloadDecisionAppendix',
          description: report
            ? 'The result report of a published period: ranking tables per cohort with the change from the previous published year, main indices, strongest and weakest indicators, a ranking chart, and an appendix of main-index values and ranks. Numbers exactly as published. 409 while the period is not published.'
            : 'The official ranking tables attached to the publication decision, per cohort. Numbers exactly as published. 409 while the period is not published.',
          params: PeriodParams,
          querystring: DocumentFormatQuery,
          response: { 200: documentResponse(report ? 'The report' : 'The appendix'), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        authorize(request, 'document.read');
        const published = await loadPublishedPeriod(db, request.params.periodId);
        return sendDocument(reply, await renderPeriodDocument(db, published, kind, request.query.format ?? 'docx'));
      },
    );
  }

  api.get(
    '/periods/:periodId/documents/score-sheets/:unitCode',
    {
      schema: {
        tags: ['documents'],
        summary: 'Phiếu tổng hợp kết quả chấm điểm của một đơn vị / a unit’s score sheet',
        operationId: 'downloadScoreSheet',
        description:
          'Every indicator with self and appraised points and the council’s reason for each adjustment, the totals, the index and rank as published, and the signature blocks. A unit reads its own only. 409 while the period is not published; 404 for a unit not in its results.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitCode: Type.String({ maxLength: 40 }) }),
        querystring: DocumentFormatQuery,
        response: { 200: documentResponse('The score sheet'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { periodId, unitCode } = request.params;
      authorize(request, 'document.read', { unitId: await unitIdOf(db, unitCode) });
      const published = await loadPublishedPeriod(db, periodId);
      findPublishedUnit(published, unitCode);
      return sendDocument(reply, await renderScoreSheet(db, published, unitCode, request.query.format ?? 'docx'));
    },
  );

  api.get(
    '/periods/:periodId/documents/score-sheets.zip',
    {
      schema: {
        tags: ['documents'],
        summary: 'Phiếu chấm điểm của mọi đơn vị (ZIP) / every unit’s score sheet in one ZIP',
        operationId: 'downloadAllScoreSheets',
        description:
          'Every unit’s score sheet of a published period, one file per unit in a folder per cohort, streamed as each sheet is made (the response starts at once; its size is not known beforehand). 409 while the period is not published.',
        params: PeriodParams,
        querystring: DocumentFormatQuery,
        response: {
          200: { description: 'A ZIP archive', content: { [ZIP_TYPE]: { schema: Type.String({ format: 'binary' }) } } },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'document.read');
      const published = await loadPublishedPeriod(db, request.params.periodId);
      const format = request.query.format ?? 'docx';
      const stream = new PassThrough();
      // Refusals happen above; a failure midway can only cut the stream (logged), the archive then lacks its end.
      writeAllScoreSheets(db, published, format, stream).catch((error: unknown) => {
        request.log.error({ err: error }, 'score sheets ZIP failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .header('content-type', ZIP_TYPE)
        .header('content-disposition', contentDisposition('attachment', `phieu-cham-diem-${published.facts.year}-${format}.zip`))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  api.get(
    '/assessments/:assessmentId/documents/self-assessment',
    {
      schema: {
        tags: ['documents'],
        summary: 'Báo cáo tự đánh giá của đơn vị (Word/PDF) / the unit’s self-assessment report',
        operationId: 'downloadSelfAssessmentReport',
        description:
          'What the unit’s leader signs when submitting: every answer with its self points and explanation, the evidence list (file names, document numbers and dates), and the totals. For whoever may read the assessment.',
        params: Type.Object({ assessmentId: Type.String({ format: 'uuid' }) }),
        querystring: DocumentFormatQuery,
        response: { 200: documentResponse('The report'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      authorize(request, 'assessment.read', { unitId: context.unit.id });
      return sendDocument(reply, await renderSelfAssessment(db, context, request.query.format ?? 'docx'));
    },
  );

  api.get(
    '/plans/:planId/document',
    {
      schema: {
        tags: ['documents'],
        summary: 'Văn bản kế hoạch nâng cao chỉ số (Word/PDF) / the improvement plan document',
        operationId: 'downloadPlanDocument',
        description:
          'The plan as its document (Decree 30 header, the plan’s number and date): purpose, targets, the task table (lead and coordinating units by name, due dates), and the reporting rounds in words. A draft is marked "DỰ THẢO" and numbered "…/KH-" blank. Period manager and administrator.',
        params: Type.Object({ planId: Type.String({ format: 'uuid' }) }),
        querystring: DocumentFormatQuery,
        response: { 200: documentResponse('The plan'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      authorize(request, 'plan.manage');
      return sendDocument(reply, await renderPlanDocument(db, request.params.planId, request.query.format ?? 'docx'));
    },
  );
}
