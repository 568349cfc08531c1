import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../../app.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageQuery } from '../../http/pagination.js';
import { type AuditFilter, readAuditLog } from './audit-read.service.js';
import { AuditPageSchema } from './audit-schemas.js';

/** The whole audit log, for the administrator; a unit reads its own through /assessments/:id/audit. */
export function registerAuditRoutes(api: FastifyInstance, { database }: AppDependencies): void {
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký hệ thống (quản trị) / audit log (administrator)',
        operationId: 'listAuditEntries',
        description:
          'Every audited change, newest first, filtered by period, unit, assessment, actor, action or time, a page at a time. Administrator only.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            periodId: Type.Optional(Type.String({ format: 'uuid' })),
            unitId: Type.Optional(Type.String({ format: 'uuid' })),
            assessmentId: Type.Optional(Type.String({ format: 'uuid' })),
            actorId: Type.Optional(Type.String({ format: 'uuid' })),
            action: Type.Optional(Type.String({ maxLength: 60 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          }),
        ]),
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'audit.readAll');
      return readAuditLog(database.db, request.query as AuditFilter);
    },
  );
}
