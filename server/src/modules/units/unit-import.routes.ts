import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { importUnits } from './unit-import.service.js';
import { UnitImportBody } from './unit-schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([Type.Null(), schema]);

const ImportReportSchema = Type.Object({
  fileName: Type.String(),
  applied: Type.Boolean({ description: 'True when the units were written; false for a preview (dryRun)' }),
  counts: Type.Object({
    create: Type.Integer(),
    update: Type.Integer(),
    unchanged: Type.Integer(),
    rejected: Type.Integer(),
  }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row in the file, the header being row 1' }),
      code: Type.String(),
      name: Type.String(),
      kind: Nullable(Type.String()),
      parentCode: Nullable(Type.String()),
      activeFrom: Nullable(Type.String({ format: 'date' })),
      activeTo: Nullable(Type.String({ format: 'date' })),
      action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged'), Type.Literal('rejected')]),
      changes: Type.Array(Type.String(), { description: 'Fields an update changes' }),
      problems: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

/** CSV import of units, all or nothing, with a per-row report (and a preview that writes nothing). */
export function registerUnitImportRoutes(api: Api, { database }: AppDependencies): void {
  api.post(
    '/units/import',
    {
      schema: {
        tags: ['units'],
        summary: 'Nhập danh sách đơn vị từ tệp CSV / import units from a CSV file',
        operationId: 'importUnits',
        description:
          'Columns code, name, kind, parent_code, active_from, active_to (Vietnamese headers accepted: Mã đơn vị, Tên đơn vị, Loại, Mã đơn vị cấp trên, Hiệu lực từ, Hiệu lực đến). ' +
          'New codes are created, known codes updated. dryRun: report only. Otherwise all or nothing: a file with a rejected row is refused (400) and nothing is written.',
        body: UnitImportBody,
        response: { 200: ImportReportSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'unit.manage');
      return importUnits(database.db, actor, request.body, requestLocale(request));
    },
  );
}
