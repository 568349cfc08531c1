import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config/env.js';
import type { DatabaseHandle } from './db/database.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';

export interface AppDependencies {
  config: ServerConfig;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the HTTP application. Every plugin and route family is registered here, explicitly, in one
 * place (fastify/demo): reading this function tells what the server does. Services take plain
 * arguments (the database handle, the actor), never the Fastify instance.
 */
export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { config } = dependencies;
  const app = Fastify({
    logger: dependencies.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Requests in flight finish on shutdown; idle keep-alive sockets close at once.
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 20, parts: 30 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenDTI API',
        version: '1',
        description:
          'Đánh giá chỉ số chuyển đổi số: kỳ đánh giá, tự đánh giá, thẩm định, công bố. Errors: { "error": { "code", "message" } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'opendti_session' },
        },
      },
    },
  });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      registerHealthRoutes(api, dependencies);
    },
    { prefix: '/api/v1' },
  );
  // The load balancer's probe lives at the root, outside the versioned API.
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    await dependencies.database.db.execute('select 1');
    return reply.send({ status: 'ok', database: dependencies.database.kind });
  });
  return app;
}
