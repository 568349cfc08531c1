import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { getPlanDashboard, getPublicPlan, listPublicPlans, setPlanPublication } from './plan-dashboard.service.js';
import { PlanDashboardSchema, PlanPublicationBody, PublicPlanSchema, PublicPlanSummarySchema } from './plan-dashboard-schemas.js';
import { PlanParams, PlanSummarySchema } from './plan-schemas.js';

/**
 * The plan's dashboard (the manager's), its public summary (published by the manager), and the two
 * public reads of published summaries. The public reads take the capability every published
 * result takes (`results.readPublished`, open to anyone): a published plan summary is one of them.
 */
export function registerPlanDashboardRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/plans/:planId/dashboard',
    {
      schema: {
        tags: ['plans'],
        summary: 'Tổng quan kế hoạch / plan dashboard',
        operationId: 'getPlanDashboard',
        description:
          "Tasks per main index and per lead unit by state (overdue derived from today in Vietnam), and the targets with baseline, target and — once the next period after the basis period publishes the same cohort — the current value, measured as the draft measured the baseline (core's targetCurrent), and whether it was met. Period manager and administrator.",
        params: PlanParams,
        response: { 200: PlanDashboardSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request, 'plan.manage');
      return getPlanDashboard(db, request.params.planId);
    },
  );
  api.put(
    '/plans/:planId/publication',
    {
      schema: {
        tags: ['plans'],
        summary: 'Công khai tóm tắt kế hoạch / publish the plan’s summary',
        operationId: 'updatePlanPublication',
        description:
          'Saves the public summary and publishes it (published: true; issued or closed plans only, 409 otherwise) or withdraws it. The public then sees the title, number, date, summary, task counts by state and the targets with met/missed — nothing of the units’ reports. `version` is the plan version edited (409 when stale). Audited.',
        params: PlanParams,
        body: PlanPublicationBody,
        response: { 200: PlanSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return setPlanPublication(db, actor, request.params.planId, request.body);
    },
  );
  api.get(
    '/public/plans',
    {
      schema: {
        tags: ['public'],
        summary: 'Kế hoạch nâng cao chỉ số đã công khai / published improvement plans',
        operationId: 'listPublicPlans',
        description: 'The plans whose summary the manager published, the newest year first. Public.',
        security: [],
        response: { 200: Type.Object({ items: Type.Array(PublicPlanSummarySchema) }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      reply.header('Cache-Control', 'public, max-age=60');
      return listPublicPlans(db);
    },
  );
  api.get(
    '/public/plans/:planId',
    {
      schema: {
        tags: ['public'],
        summary: 'Tóm tắt một kế hoạch đã công khai / one published plan summary',
        operationId: 'getPublicPlan',
        description:
          'A published plan: title, number, date, summary, task counts by state, the targets with baseline, target, current value and met/missed, and the period they are judged against. Not found for an unpublished plan. Public.',
        security: [],
        params: PlanParams,
        response: { 200: PublicPlanSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      reply.header('Cache-Control', 'public, max-age=60');
      return getPublicPlan(db, request.params.planId);
    },
  );
}
