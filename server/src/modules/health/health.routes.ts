import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { errorResponses } from '../../http/error-schema.js';

/** Version and database kind, for operators. */
export function registerHealthRoutes(api: Api, dependencies: AppDependencies): void {
  api.get(
    '/status',
    {
      schema: {
        tags: ['health'],
        summary: 'Trạng thái máy chủ / server status',
        operationId: 'getStatus',
        description: 'Answers when the server and its database respond; for operators and probes. Public.',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }), ...errorResponses() },
      },
    },
    async () => {
      await dependencies.database.db.execute('select 1');
      return { status: 'ok' as const, database: dependencies.database.kind };
    },
  );
}
