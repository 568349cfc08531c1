import { createRequire } from 'node:module';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDependencies, TypeBoxRequests } from './http/api.js';
import { API_TAGS, addSecurityRequirement, SECURITY_SCHEMES } from './http/api-description.js';
import { registerAuthentication } from './http/authenticate.js';
import { answerRouterError, registerErrorHandling } from './http/error-handler.js';
import { ErrorSchema } from './http/error-schema.js';
import { registerSecurityHeaders, registerWebApp } from './http/web-app.js';
import { registerAssessmentRoutes } from './modules/assessments/assessments.routes.js';
import { registerCouncilRoutes } from './modules/assessments/council.routes.js';
import { registerOfflineRoutes } from './modules/assessments/offline.routes.js';
import { registerRebuttalRoutes } from './modules/assessments/rebuttal.routes.js';
import { registerStatusBoardRoutes } from './modules/assessments/status-board.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { actorForToken } from './modules/auth/auth.service.js';
import { registerDocumentRoutes } from './modules/documents/documents.routes.js';
import { registerEvidenceRoutes } from './modules/evidence/evidence.routes.js';
import { registerFrameworkEditingRoutes } from './modules/frameworks/framework-editing.routes.js';
import { registerFrameworkRoutes } from './modules/frameworks/frameworks.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerJobRoutes } from './modules/jobs/jobs.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerPeriodRoutes } from './modules/periods/periods.routes.js';
import { registerPlanDashboardRoutes } from './modules/plans/plan-dashboard.routes.js';
import { registerPlanExchangeRoutes } from './modules/plans/plan-exchange.routes.js';
import { registerPlanRoutes } from './modules/plans/plans.routes.js';
import { registerProgressRoutes } from './modules/plans/progress.routes.js';
import { registerPublicResultRoutes } from './modules/results/public-results.routes.js';
import { registerUnitMapRoutes } from './modules/unit-maps/unit-maps.routes.js';
import { registerUnitImportRoutes } from './modules/units/unit-import.routes.js';
import { registerUnitRoutes } from './modules/units/units.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import { createEvidenceStorage } from './storage/create-evidence-storage.js';

/** A validator compiler factory as Fastify calls it: (shared schemas, its `ajv` option) → per-route compiler. */
type ValidatorBuilder = (
  externalSchemas: unknown,
  options?: { customOptions?: Record<string, unknown> },
) => (route: { httpPart?: string }) => unknown;
/** Fastify's own validator compiler (@fastify/ajv-compiler, a dependency of fastify itself). */
const buildAjvValidator = (
  createRequire(import.meta.resolve('fastify'))('@fastify/ajv-compiler') as { AjvCompiler: () => ValidatorBuilder }
).AjvCompiler();

const buildValidatorWithoutBodyCoercion: ValidatorBuilder = (externalSchemas, options) => {
  const coercing = buildAjvValidator(externalSchemas, options);
  const exact = buildAjvValidator(externalSchemas, {
    ...options,
    customOptions: { ...options?.customOptions, coerceTypes: false },
  });
  return (route) => (route.httpPart === 'body' ? exact(route) : coercing(route));
};

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
    // Query strings and path parameters are text, coerced to their schema's types; JSON bodies are
    // already typed and are checked without coercion. With it, the null branch of a nullable field
    // swallowed 0, "" and false: a save of 0 points stored no points at all.
    schemaController: {
      compilersFactory: {
        buildValidator: buildValidatorWithoutBodyCoercion as unknown as NonNullable<
          NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
        >,
      },
    },
    // The router's own refusals (an undecodable URL, an over-long parameter) in the one error shape.
    frameworkErrors: answerRouterError,
  }).withTypeProvider<TypeBoxRequests>();
  const storage = dependencies.storage ?? createEvidenceStorage(config, app.log);

  registerSecurityHeaders(app, { production: config.production });
  const servesWebApp = await registerWebApp(app, dependencies.webRoot, { production: config.production });
  registerErrorHandling(app, servesWebApp);
  await app.register(cookie);
  registerAuthentication(app, (token, now) => actorForToken(dependencies.database.db, token, now));
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 20, parts: 30 },
  });
  // The error shape is shared: routes reference it as `ApiError`, the document shows it once.
  app.addSchema(ErrorSchema);
  await app.register(swagger, {
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenDTI API',
        version: '1',
        description:
          'Đánh giá chỉ số chuyển đổi số: kỳ đánh giá, tự đánh giá, thẩm định, công bố. Errors: { "error": { "code", "message" } }.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      // Relative: the API is served by the same origin as the document (and the web app).
      servers: [{ url: '/', description: 'Máy chủ này / this server' }],
      tags: API_TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: addSecurityRequirement,
  });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      registerHealthRoutes(api, dependencies);
      registerAuthRoutes(api, dependencies);
      registerUserRoutes(api, dependencies);
      registerUnitRoutes(api, dependencies);
      registerUnitImportRoutes(api, dependencies);
      registerUnitMapRoutes(api, dependencies);
      registerFrameworkRoutes(api, dependencies);
      registerFrameworkEditingRoutes(api, dependencies);
      registerPeriodRoutes(api, dependencies);
      registerAssessmentRoutes(api, dependencies);
      registerOfflineRoutes(api, dependencies);
      registerCouncilRoutes(api, dependencies);
      registerStatusBoardRoutes(api, dependencies);
      registerRebuttalRoutes(api, dependencies);
      registerEvidenceRoutes(api, { ...dependencies, storage });
      registerAuditRoutes(api, dependencies);
      registerNotificationRoutes(api, dependencies);
      registerJobRoutes(api, dependencies);
      registerPlanRoutes(api, dependencies);
      registerProgressRoutes(api, { ...dependencies, storage });
      registerPlanExchangeRoutes(api, dependencies);
      registerPlanDashboardRoutes(api, dependencies);
      registerDocumentRoutes(api, dependencies);
      registerPublicResultRoutes(api, dependencies);
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
