import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { readAuditLog } from './audit-read.service.js';
import { AuditPageSchema, AuditQuery } from './audit-schemas.js';

/** The whole audit log, for the administrator; a unit reads its own through /assessments/:id/audit. */
export function registerAuditRoutes(api: Api, { database }: AppDependencies): void {
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký hệ thống (quản trị) / audit log (administrator)',
        operationId: 'listAuditEntries',
        description:
          'Every audited change, newest first, filtered by period, unit, assessment, actor, action or time, a page at a time. Administrator only.',
        querystring: AuditQuery,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'audit.readAll');
      return readAuditLog(database.db, request.query);
    },
  );
}
