import { Type } from '@fastify/type-provider-typebox';
import { DomainError, englishNamesOf, named, PUBLICATION_WARNING_KINDS, periodActionCapability } from '@opendti/core';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { Nullable, StringEnum } from '../../http/common-schemas.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageOf, PageQuery, pageOf } from '../../http/pagination.js';
import { PublicationFields, ResultSetSchema } from '../../http/result-schemas.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { computeCohortScores } from '../results/compute-results.js';
import { withEnglishNames } from '../results/english-result-names.js';
import { NewPeriodBody, PeriodDetailSchema, PeriodSchema, PeriodTransitionBody, RebuttalSettingsBody } from './period-schemas.js';
import {
  changeRebuttalSettings,
  createPeriod,
  getPeriod,
  listPeriods,
  periodActionsFor,
  transitionPeriod,
} from './periods.service.js';
import { getPublicationPreview } from './publication-preview.js';

const PeriodParams = Type.Object({ periodId: Type.String({ format: 'uuid' }) });

export function registerPeriodRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Các kỳ đánh giá / periods',
        operationId: 'listPeriods',
        description: 'Assessment periods by year, a page at a time.',
        querystring: PageQuery,
        response: { 200: PageOf(PeriodSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      authorize(request, 'period.read');
      return pageOf(await listPeriods(db, false), request.query);
    },
  );

  api.post(
    '/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Tạo kỳ đánh giá / create a period',
        operationId: 'createPeriod',
        description:
          'Creates a draft period for a year with its cohorts: a unit kind, the framework it is assessed with, and its units.',
        body: NewPeriodBody,
        response: { 201: PeriodSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'period.manage');
      return reply.status(201).send(await createPeriod(db, actor, request.body));
    },
  );

  api.get(
    '/periods/:periodId',
    {
      schema: {
        tags: ['periods'],
        summary: 'Một kỳ đánh giá: nhóm, đơn vị, trạng thái các bản đánh giá / one period with cohorts, units, states',
        operationId: 'getPeriod',
        description: "One period with its cohorts, their units and the state of each unit's assessment.",
        params: PeriodParams,
        response: { 200: PeriodDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.read');
      const { candidates, ...period } = await getPeriod(db, request.params.periodId);
      return { ...period, ...periodActionsFor(actor, { ...period, candidates }, requestLocale(request)) };
    },
  );

  api.post(
    '/periods/:periodId/transitions',
    {
      schema: {
        tags: ['periods'],
        summary: 'Mở tự đánh giá, chuyển thẩm định, công bố… / open, start appraisal, publish…',
        operationId: 'transitionPeriod',
        description:
          "Moves the period through its workflow: openSelfAssessment, startAppraisal, publish (scores every cohort and stores the published results; requires `decision`: the publication decision's number, date and signer, 400 with a problem per field when missing or wrong), archive, reopenPeriod. Who may do which, and from which state, is core's workflow table; 409 when the state forbids it.",
        params: PeriodParams,
        body: PeriodTransitionBody,
        response: { 200: PeriodSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { action, reason, decision } = request.body;
      const capability = periodActionCapability(action);
      if (!capability)
        throw new DomainError('invalid-input', [
          { code: 'http.validation', params: { detail: `thao tác "${action}" không tồn tại` } },
        ]);
      const actor = authorize(request, capability);
      return transitionPeriod(db, actor, request.params.periodId, action, reason, new Date(), decision);
    },
  );

  api.get(
    '/periods/:periodId/results/:unitKind',
    {
      schema: {
        tags: ['results'],
        summary: 'Kết quả tạm tính (chưa công bố) / provisional results',
        operationId: 'getProvisionalResults',
        description:
          'The ranking of a cohort computed now from the current answers and appraisals, before publication; not for the public.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitKind: Type.String({ maxLength: 20 }) }),
        response: { 200: ResultSetSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { periodId, unitKind } = request.params;
      authorize(request, 'results.readUnpublished');
      const period = await getPeriod(db, periodId);
      const cohort = period.cohorts.find((item) => item.unitKind === unitKind);
      if (!cohort) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('cohort', unitKind) } }]);
      const framework = await getCompiledFramework(db, cohort.frameworkId);
      const { results } = await computeCohortScores(db, { periodId, unitKind, framework });
      return withEnglishNames(results, englishNamesOf(framework.document));
    },
  );

  api.get(
    '/periods/:periodId/publication-preview',
    {
      schema: {
        tags: ['results'],
        summary: 'Xem trước bảng công bố và cảnh báo / publication preview with warnings',
        operationId: 'getPublicationPreview',
        description:
          "Before publishing: every cohort's table exactly as publishing would store it and the public ranking would send it (same computation, same shape; publishedAt and publicationDecision are null), the previous published table of the cohort it will be compared with, and warnings naming each unit: no answers at all, assessment not finalised, indicators the council has not decided, a large change from the previous published year (rank change ≥ thresholds.rankPlaces, or index change ≥ thresholds.indexChange). For those who may publish (period.publish); others 403.",
        params: PeriodParams,
        response: {
          200: Type.Object({
            periodId: Type.String({ format: 'uuid' }),
            year: Type.Integer(),
            state: Type.String(),
            thresholds: Type.Object({
              rankPlaces: Type.Integer({ description: 'A rank change of this many places or more is a large swing' }),
              indexChange: Type.Number({ description: 'An index change (0–1 scale) of this much or more is a large swing' }),
            }),
            cohorts: Type.Array(
              Type.Object({
                unitKind: Type.String(),
                frameworkId: Type.String(),
                results: Type.Intersect([
                  ResultSetSchema,
                  Type.Object({ publishedAt: Nullable(Type.String({ format: 'date-time' })), ...PublicationFields }),
                ]),
                previous: Nullable(
                  Type.Object({
                    periodId: Type.String({ format: 'uuid' }),
                    year: Type.Integer(),
                    units: Type.Array(
                      Type.Object({ code: Type.String(), rank: Nullable(Type.Number()), value: Nullable(Type.Number()) }),
                    ),
                  }),
                ),
              }),
            ),
            warnings: Type.Array(
              Type.Object({
                kind: StringEnum(PUBLICATION_WARNING_KINDS),
                unitKind: Type.String(),
                unitCode: Type.String(),
                unitName: Type.String(),
                message: Type.String({ description: 'In Vietnamese, or English with ?lang=en / Accept-Language: en' }),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      authorize(request, 'period.publish');
      const preview = await getPublicationPreview(db, request.params.periodId, requestLocale(request));
      return {
        ...preview,
        cohorts: preview.cohorts.map((cohort) => ({
          ...cohort,
          previous: cohort.previous
            ? {
                periodId: cohort.previous.periodId,
                year: cohort.previous.year,
                units: cohort.previous.results.units.map(({ code, rank, value }) => ({ code, rank, value })),
              }
            : null,
        })),
      };
    },
  );

  api.put(
    '/periods/:periodId/rebuttal-settings',
    {
      schema: {
        tags: ['periods'],
        summary: 'Vòng giải trình, kiến nghị của kỳ: bật/tắt, số ngày làm việc / the period’s rebuttal round',
        operationId: 'changeRebuttalSettings',
        description:
          'Switches the rebuttal round on or off and sets its window in working days (Monday–Friday; public holidays are not counted). Assessments already in a round keep their window.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        body: RebuttalSettingsBody,
        response: { 200: PeriodSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.manage');
      return changeRebuttalSettings(db, actor, request.params.periodId, request.body);
    },
  );
}
