import type {} from '@fastify/multipart';
import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { DomainError, type Problem } from '@opendti/core';
import type { FastifyRequest } from 'fastify';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageQuery, pageOf } from '../../http/pagination.js';
import type { EvidenceStorage } from '../../storage/evidence-storage.js';
import { isInlineMediaType } from '../../storage/file-type.js';
import { loadAssessmentContext, requireAnswerableNode } from '../assessments/assessment-context.js';
import { IndicatorParams } from '../assessments/assessment-schemas.js';
import {
  addEvidenceFiles,
  addEvidenceReference,
  deleteEvidence,
  evidenceWriteCapability,
  listEvidence,
  loadEvidenceFile,
  requireEvidenceWritable,
  type UploadedFile,
} from './evidence.service.js';
import { ReferenceBody } from './evidence-schemas.js';

const EvidenceParams = Type.Object({
  assessmentId: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String({ maxLength: 40 }),
  evidenceId: Type.String({ format: 'uuid' }),
});

const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

const EvidenceItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String(),
  kind: Type.Union([Type.Literal('file'), Type.Literal('reference')]),
  supplementary: Type.Boolean({ description: 'Added in answer to a supplementation request (bổ sung).' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
  fileName: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  sizeBytes: Nullable(Type.Integer()),
  sha256: Nullable(Type.String()),
  contentUrl: Nullable(Type.String({ description: 'GET for the file; null for a document reference.' })),
  inline: Type.Boolean({ description: 'PDF or image: show in the viewer rather than download.' }),
  documentNumber: Nullable(Type.String()),
  documentDate: Nullable(Type.String({ description: 'yyyy-mm-dd' })),
  issuer: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  link: Nullable(Type.String()),
});

const UPLOAD_FIELD = 'files';

/**
 * Reads every file of a multipart/form-data request into memory, each bounded by MAX_UPLOAD_MB
 * (@fastify/multipart's `fileSize` limit: a bigger file ends the request with 413 before it is
 * buffered whole), at most 10 files (its `files` limit, also 413). Other form fields are ignored.
 */
export async function readUploadedFiles(request: FastifyRequest): Promise<UploadedFile[]> {
  if (!request.isMultipart()) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  const files: UploadedFile[] = [];
  const problems: Problem[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    // Read even a misnamed part: the stream must be drained for the next part to arrive.
    const bytes = await part.toBuffer();
    if (part.fieldname === UPLOAD_FIELD) files.push({ fileName: part.filename, bytes });
    else problems.push({ code: 'evidence.unexpected-field', params: { field: part.fieldname } });
  }
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return files;
}

/**
 * Evidence (tài liệu kiểm chứng) of one indicator of an assessment: uploaded files and document
 * references. Reading needs `assessment.read` on the unit; changing needs `assessment.answer` while
 * the unit edits its self-assessment, or `assessment.supplement` when the council asked for more.
 */
export function registerEvidenceRoutes(api: Api, dependencies: AppDependencies & { storage: EvidenceStorage }): void {
  const db = dependencies.database.db;
  const { storage } = dependencies;
  const base = '/assessments/:assessmentId/indicators/:indicatorCode/evidence';

  api.get(
    base,
    {
      schema: {
        tags: ['evidence'],
        summary: 'Tài liệu kiểm chứng của một chỉ số / evidence of one indicator',
        operationId: 'listEvidence',
        description: 'The files and document references attached to one indicator of an assessment.',
        params: IndicatorParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(EvidenceItem),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      requireAnswerableNode(context.framework, indicatorCode);
      authorize(request, 'assessment.read', { unitId: context.assessment.unitId });
      return pageOf(await listEvidence(db, context, indicatorCode), request.query);
    },
  );

  api.post(
    base,
    {
      config: { uploadLimitBytes: dependencies.config.maxUploadBytes },
      schema: {
        tags: ['evidence'],
        summary: 'Tải lên tệp kiểm chứng (trường "files", nhiều tệp) / upload evidence files (field "files")',
        operationId: 'uploadEvidence',
        description:
          'multipart/form-data. Accepted by content: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT, ODS, UTF-8 TXT/CSV; each at most MAX_UPLOAD_MB (413 above). Programs, scripts, macros and files whose content does not match their extension are refused (400, nothing stored).',
        consumes: ['multipart/form-data'],
        params: IndicatorParams,
        response: { 201: Type.Object({ items: Type.Array(EvidenceItem) }), ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      requireAnswerableNode(context.framework, indicatorCode);
      // Authorized before the body is read: a stranger's upload is never buffered.
      const actor = authorize(request, evidenceWriteCapability(context.assessment.state), { unitId: context.assessment.unitId });
      // …and a locked assessment is refused before megabytes are read (checked again when writing).
      await requireEvidenceWritable(db, context.assessment.id, indicatorCode);
      const files = await readUploadedFiles(request);
      const items = await addEvidenceFiles(db, storage, actor, context, indicatorCode, files);
      return reply.status(201).send({ items });
    },
  );

  api.post(
    `${base}/references`,
    {
      schema: {
        tags: ['evidence'],
        summary: 'Thêm văn bản dẫn chứng (số hiệu, ngày, cơ quan ban hành, trích yếu) / add a document reference',
        operationId: 'addEvidenceReference',
        description:
          'Cites a document (number, date, issuer, abstract, optional link) as evidence of one indicator instead of uploading it.',
        params: IndicatorParams,
        body: ReferenceBody,
        response: { 201: EvidenceItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      requireAnswerableNode(context.framework, indicatorCode);
      const actor = authorize(request, evidenceWriteCapability(context.assessment.state), { unitId: context.assessment.unitId });
      const item = await addEvidenceReference(db, actor, context, indicatorCode, request.body);
      return reply.status(201).send(item);
    },
  );

  api.delete(
    `${base}/:evidenceId`,
    {
      schema: {
        tags: ['evidence'],
        summary: 'Xoá một tài liệu kiểm chứng / remove one piece of evidence',
        operationId: 'deleteEvidence',
        description: 'Removes one file or reference while the assessment may still be edited by the unit (409 otherwise).',
        params: EvidenceParams,
        response: { 204: Type.Null({ description: 'Removed' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { assessmentId, indicatorCode, evidenceId } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      requireAnswerableNode(context.framework, indicatorCode);
      const actor = authorize(request, evidenceWriteCapability(context.assessment.state), { unitId: context.assessment.unitId });
      await deleteEvidence(db, actor, context, indicatorCode, evidenceId);
      return reply.status(204).send();
    },
  );

  api.get(
    '/evidence/:evidenceId/content',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Nội dung tệp kiểm chứng / the bytes of an evidence file',
        operationId: 'downloadEvidence',
        description:
          'PDF and images inline (for the viewer), other types as attachment; hash verified before sending (500 storage.corrupt).',
        params: Type.Object({ evidenceId: Type.String({ format: 'uuid' }) }),
        response: {
          200: {
            description: 'The file, with its own media type (Content-Type), and an ETag',
            content: { '*/*': { schema: Type.String({ format: 'binary' }) } },
          },
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { row, unitId } = await loadEvidenceFile(db, request.params.evidenceId);
      authorize(request, 'assessment.read', { unitId });
      const etag = `"${row.sha256}"`;
      if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).send();
      // Verified whole before the first byte goes out: a damaged file must fail, not arrive half-served.
      const bytes = await storage.get(row.sha256);
      const mediaType = row.mediaType ?? 'application/octet-stream';
      return (
        reply
          .header('content-type', mediaType)
          .header(
            'content-disposition',
            contentDisposition(isInlineMediaType(mediaType) ? 'inline' : 'attachment', row.fileName ?? 'evidence'),
          )
          .header('x-content-type-options', 'nosniff')
          // Were a browser ever to render the bytes as a page, they would run in an opaque origin, without scripts.
          .header('content-security-policy', 'sandbox')
          .header('cache-control', 'private, no-cache')
          .header('etag', etag)
          .send(bytes)
      );
    },
  );
}
