import type {} from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '@opendti/core';
import type { FastifyRequest } from 'fastify';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { loadAssessmentContext } from './assessment-context.js';
import { importAnswers, requireAnswersEditable, type UploadedSheet } from './offline-import.service.js';
import { writeUnitTemplate } from './offline-template.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AssessmentParams = Type.Object({ assessmentId: Type.String({ format: 'uuid' }) });

const ImportReportSchema = Type.Object({
  file: Type.String(),
  imported: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'The row as the spreadsheet shows it (the header is row 1)' }),
      indicator: Type.String({ description: 'The indicator code as written in the row' }),
      status: Type.Unsafe<'imported' | 'unchanged' | 'rejected'>({ type: 'string', enum: ['imported', 'unchanged', 'rejected'] }),
      message: Type.String({ description: 'Why the row was rejected, in the request language; empty otherwise' }),
      selfPoints: Type.Union([Type.Null(), Type.Number()], { description: 'The self points stored after the row' }),
    }),
  ),
});

/** The one spreadsheet of an import request, whatever its field name; a second file is refused. */
async function readOneFile(request: FastifyRequest): Promise<UploadedSheet> {
  if (!request.isMultipart()) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  const files: UploadedSheet[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    // Drained even when refused: the next part arrives only after this one is read.
    files.push({ fileName: part.filename || 'upload', bytes: await part.toBuffer() });
  }
  const [file] = files;
  if (!file) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  if (files.length > 1) {
    throw new DomainError('invalid-input', [
      { code: 'http.validation', params: { detail: `gửi một tệp .xlsx hoặc .csv, không phải ${files.length} tệp` } },
    ]);
  }
  return file;
}

/**
 * Offline filling: the unit's answer template, pre-filled, and its upload back. Reading the template
 * needs `assessment.read` on the unit; importing needs `assessment.answer`, like every other save.
 */
export function registerOfflineRoutes(api: Api, { database, config }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/assessments/:assessmentId/template.xlsx',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Phiếu tự đánh giá (Excel) của đơn vị, đã điền sẵn / the unit’s answer template, pre-filled',
        operationId: 'downloadAnswerTemplate',
        description:
          'The spreadsheet of `opendti template` for this unit only, with the answers stored now in the Giá trị, Điểm tự đánh giá, Không đánh giá and Giải trình columns. Fill it in and POST it back to /import.',
        params: AssessmentParams,
        response: {
          200: {
            description: 'An .xlsx workbook (attachment)',
            content: { [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      authorize(request, 'assessment.read', { unitId: context.unit.id });
      const template = await writeUnitTemplate(db, context);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', template.fileName))
        .header('cache-control', 'private, no-store')
        .send(template.bytes);
    },
  );

  api.post(
    '/assessments/:assessmentId/import',
    {
      config: { uploadLimitBytes: config.maxUploadBytes },
      schema: {
        tags: ['assessments'],
        summary: 'Nhập tự đánh giá từ tệp Excel/CSV / import answers from a spreadsheet',
        operationId: 'importAnswers',
        description:
          'multipart/form-data with one .xlsx or .csv file (the answer template, or any table with the columns Mã đơn vị, Mã chỉ số and Giá trị / Điểm tự đánh giá / Không đánh giá / Giải trình). Each row of this unit is saved like a web save, on the version stored now; a row of another unit, an unknown indicator or an unreadable value is rejected with the reason. A file is refused whole (400, nothing saved) at its first row past one row per indicator and main index of the framework plus 50 (`input.too-many-rows`), and an .xlsx that unzips to more than 50 MB before it is read (`input.too-large-unzipped`). 409 when the assessment is not open for editing.',
        consumes: ['multipart/form-data'],
        params: AssessmentParams,
        response: { 200: ImportReportSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      // Authorized before the body is read: a stranger's upload is never buffered.
      const actor = authorize(request, 'assessment.answer', { unitId: context.unit.id });
      const locale = requestLocale(request);
      requireAnswersEditable(context, locale);
      const upload = await readOneFile(request);
      return importAnswers(db, actor, context, upload, locale);
    },
  );
}
