import { Type } from '@fastify/type-provider-typebox';
import { DomainError, englishNamesOf, named, periodActionCapability } from '@opendti/core';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../../app.js';
import { authorize } from '../../http/authenticate.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageOf, PageQuery, pageOf } from '../../http/pagination.js';
import { ResultSetSchema } from '../../http/result-schemas.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { computeCohortScores } from '../results/compute-results.js';
import { withEnglishNames } from '../results/english-result-names.js';
import { PeriodDetailSchema, PeriodSchema } from './period-schemas.js';
import { createPeriod, getPeriod, listPeriods, type PeriodInput, periodActionsFor, transitionPeriod } from './periods.service.js';

// A real day (2023-02-30 is refused here, not by the database).
const IsoDate = Type.String({ format: 'date' });
const PeriodParams = Type.Object({ periodId: Type.String({ format: 'uuid' }) });

export function registerPeriodRoutes(api: FastifyInstance, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Các kỳ đánh giá / periods',
        querystring: PageQuery,
        response: { 200: PageOf(PeriodSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      authorize(request, 'period.read');
      return pageOf(await listPeriods(db, false), request.query as { page?: number; pageSize?: number });
    },
  );

  api.post(
    '/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Tạo kỳ đánh giá / create a period',
        body: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          cohorts: Type.Array(
            Type.Object({ unitKind: Type.String({ maxLength: 20 }), frameworkId: Type.String({ maxLength: 80 }) }),
            {
              minItems: 1,
              maxItems: 10,
            },
          ),
          unitIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5000 })),
          selfAssessmentDeadline: Type.Optional(IsoDate),
          appraisalDeadline: Type.Optional(Type.Union([Type.Null(), IsoDate])),
          publicationDue: Type.Optional(Type.Union([Type.Null(), IsoDate])),
        }),
        response: { 201: PeriodSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'period.manage');
      return reply.status(201).send(await createPeriod(db, actor, request.body as PeriodInput));
    },
  );

  api.get(
    '/periods/:periodId',
    {
      schema: {
        tags: ['periods'],
        summary: 'Một kỳ đánh giá: nhóm, đơn vị, trạng thái các bản đánh giá / one period with cohorts, units, states',
        params: PeriodParams,
        response: { 200: PeriodDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.read');
      const period = await getPeriod(db, (request.params as { periodId: string }).periodId);
      return { ...period, ...periodActionsFor(actor, period, requestLocale(request)) };
    },
  );

  api.post(
    '/periods/:periodId/transitions',
    {
      schema: {
        tags: ['periods'],
        summary: 'Mở tự đánh giá, chuyển thẩm định, công bố… / open, start appraisal, publish…',
        params: PeriodParams,
        body: Type.Object({ action: Type.String({ maxLength: 40 }), reason: Type.Optional(Type.String({ maxLength: 5000 })) }),
        response: { 200: PeriodSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { action, reason } = request.body as { action: string; reason?: string };
      const capability = periodActionCapability(action);
      if (!capability)
        throw new DomainError('invalid-input', [
          { code: 'http.validation', params: { detail: `thao tác "${action}" không tồn tại` } },
        ]);
      const actor = authorize(request, capability);
      return transitionPeriod(db, actor, (request.params as { periodId: string }).periodId, action, reason, new Date());
    },
  );

  api.get(
    '/periods/:periodId/results/:unitKind',
    {
      schema: {
        tags: ['results'],
        summary: 'Kết quả tạm tính (chưa công bố) / provisional results',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitKind: Type.String({ maxLength: 20 }) }),
        response: { 200: ResultSetSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { periodId, unitKind } = request.params as { periodId: string; unitKind: string };
      authorize(request, 'results.readUnpublished');
      const period = await getPeriod(db, periodId);
      const cohort = period.cohorts.find((item) => item.unitKind === unitKind);
      if (!cohort) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('cohort', unitKind) } }]);
      const framework = await getCompiledFramework(db, cohort.frameworkId);
      const { results } = await computeCohortScores(db, { periodId, unitKind, framework });
      return withEnglishNames(results, englishNamesOf(framework.document));
    },
  );
}
