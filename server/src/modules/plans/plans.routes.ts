import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '@opendti/core';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { importOwnership, readOwnership, replaceOwnership } from './ownership.service.js';
import {
  FrameworkParams,
  MyPlanTaskSchema,
  OwnershipBody,
  OwnershipImportBody,
  OwnershipSchema,
  PlanBody,
  PlanDraftBody,
  PlanListItemSchema,
  PlanParams,
  PlanSchema,
  PlanSummarySchema,
  PlanTargetsBody,
  PlanTaskBody,
  PlanTaskParams,
  PlanTaskSchema,
  PlanTaskTransitionBody,
  PlanTaskUpdateBody,
  PlanTransitionBody,
  PlanUpdateBody,
} from './plan-schemas.js';
import {
  addPlanTask,
  createPlan,
  deletePlanTask,
  generatePlanDraft,
  getPlan,
  listPlans,
  listUnitPlanTasks,
  replacePlanTargets,
  taskParty,
  transitionPlan,
  transitionPlanTask,
  updatePlan,
  updatePlanTask,
} from './plans.service.js';
import { taskReportingOf } from './progress.service.js';

const TAGS = ['plans'];

/**
 * Improvement plans (issue 11). The provincial office (period manager, administrator) owns plans
 * and the ownership table; a unit sees only its own tasks of issued plans (as lead or coordinating
 * unit) and moves those it leads through core's task workflow. The public sees nothing.
 */
export function registerPlanRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/plans',
    {
      schema: {
        tags: TAGS,
        summary: 'Danh sách kế hoạch nâng cao chỉ số / improvement plans',
        operationId: 'listPlans',
        description: 'Every plan, the newest year first, with its tasks counted by state. Period manager and administrator.',
        response: { 200: Type.Array(PlanListItemSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'plan.manage');
      return listPlans(db);
    },
  );
  api.post(
    '/plans',
    {
      schema: {
        tags: TAGS,
        summary: 'Tạo kế hoạch trống / create an empty plan',
        operationId: 'createPlan',
        description: 'A draft plan with no tasks, to fill by hand. Period manager and administrator.',
        body: PlanBody,
        response: { 201: PlanSummarySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'plan.manage');
      return reply.status(201).send(await createPlan(db, actor, request.body));
    },
  );
  api.post(
    '/plans/drafts',
    {
      schema: {
        tags: TAGS,
        summary: 'Lập dự thảo kế hoạch từ kết quả đã công bố / draft a plan from published results',
        operationId: 'createPlanDraft',
        description:
          "Writes a draft plan from a published period's cohort (or one unit of it): every indicator with points lost becomes a task, the largest gain first (core's draftPlan over the published snapshot only), owners pre-filled from the framework's ownership table, targets at full marks. 404 when the cohort's results are not published.",
        body: PlanDraftBody,
        response: { 201: PlanSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'plan.manage');
      return reply.status(201).send(await generatePlanDraft(db, actor, request.body));
    },
  );
  api.get(
    '/plans/:planId',
    {
      schema: {
        tags: TAGS,
        summary: 'Một kế hoạch, chỉ tiêu và nhiệm vụ / one plan with its targets and tasks',
        operationId: 'getPlan',
        description: 'The plan, its targets and its tasks (with the derived overdue state and the actions open to the caller).',
        params: PlanParams,
        response: { 200: PlanSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return getPlan(db, actor, request.params.planId);
    },
  );
  api.patch(
    '/plans/:planId',
    {
      schema: {
        tags: TAGS,
        summary: 'Sửa thông tin kế hoạch / edit a plan',
        operationId: 'updatePlan',
        description: 'Title, purpose, document number and date, reporting schedule. Refused (409) once the plan is closed.',
        params: PlanParams,
        body: PlanUpdateBody,
        response: { 200: PlanSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return updatePlan(db, actor, request.params.planId, request.body);
    },
  );
  api.post(
    '/plans/:planId/transitions',
    {
      schema: {
        tags: TAGS,
        summary: 'Ban hành hoặc kết thúc kế hoạch / issue or close a plan',
        operationId: 'transitionPlan',
        description:
          'issue (draft → issued; needs the document number) or close (issued → closed). 409 with the reason otherwise.',
        params: PlanParams,
        body: PlanTransitionBody,
        response: { 200: PlanSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return transitionPlan(db, actor, request.params.planId, request.body.action);
    },
  );
  api.put(
    '/plans/:planId/targets',
    {
      schema: {
        tags: TAGS,
        summary: 'Thay các chỉ tiêu của kế hoạch / replace the plan’s targets',
        operationId: 'replacePlanTargets',
        description:
          "Replaces the targets (chỉ tiêu) as a whole: an indicator or main index of the plan's framework, a baseline, a target and a due date not before the plan's date (400 at targets[i].field otherwise).",
        params: PlanParams,
        body: PlanTargetsBody,
        response: { 200: PlanSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return replacePlanTargets(db, actor, request.params.planId, request.body);
    },
  );
  api.post(
    '/plans/:planId/tasks',
    {
      schema: {
        tags: TAGS,
        summary: 'Thêm nhiệm vụ / add a task',
        operationId: 'addPlanTask',
        description:
          "Adds a task at the end. Checked by core (unknown indicator or unit, a lead not active in the plan's year, a due date before the plan's date or the start, a duplicate): 400 naming each field.",
        params: PlanParams,
        body: PlanTaskBody,
        response: { 201: PlanTaskSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'plan.manage');
      return reply.status(201).send(await addPlanTask(db, actor, request.params.planId, request.body));
    },
  );
  api.patch(
    '/plans/:planId/tasks/:taskId',
    {
      schema: {
        tags: TAGS,
        summary: 'Sửa nhiệm vụ / edit a task',
        operationId: 'updatePlanTask',
        description: 'Edits a task (checked as when added); `version` is the version edited (409 when stale).',
        params: PlanTaskParams,
        body: PlanTaskUpdateBody,
        response: { 200: PlanTaskSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return updatePlanTask(db, actor, request.params.planId, request.params.taskId, request.body);
    },
  );
  api.delete(
    '/plans/:planId/tasks/:taskId',
    {
      schema: {
        tags: TAGS,
        summary: 'Xoá nhiệm vụ / remove a task',
        operationId: 'deletePlanTask',
        description: 'Removes a task from a plan that is not closed (an issued plan’s task is better cancelled, with a reason).',
        params: PlanTaskParams,
        response: { 204: Type.Null({ description: 'Removed' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'plan.manage');
      await deletePlanTask(db, actor, request.params.planId, request.params.taskId);
      return reply.status(204).send();
    },
  );
  api.post(
    '/plans/:planId/tasks/:taskId/transitions',
    {
      schema: {
        tags: TAGS,
        summary: 'Chuyển trạng thái nhiệm vụ / move a task',
        operationId: 'transitionPlanTask',
        description:
          "start, complete (the lead unit), reopen, cancel, restore (the manager), by core's task workflow, in an issued plan: 403 naming who may, 409 with the state that forbids it. A unit that is no party to the task gets 404.",
        params: PlanTaskParams,
        body: PlanTaskTransitionBody,
        response: { 200: PlanTaskSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const unitId = request.actor?.unitId;
      // Unit roles reach their own unit only: the resource is the caller's unit, and the task workflow says what its party may do.
      const actor = authorize(request, 'plan.task.update', unitId === undefined ? {} : { unitId });
      const { planId, taskId } = request.params;
      const party = await taskParty(db, actor, planId, taskId);
      return transitionPlanTask(db, actor, party, planId, taskId, request.body);
    },
  );
  api.get(
    '/units/me/plan-tasks',
    {
      schema: {
        tags: TAGS,
        summary: 'Nhiệm vụ kế hoạch của đơn vị tôi / my unit’s plan tasks',
        operationId: 'listMyPlanTasks',
        description:
          "The caller's unit's tasks in issued plans, as lead or coordinating unit, each with `reporting`: every reporting round of its plan with the task's report status and report, and the round being reported now. Unit roles only.",
        response: { 200: Type.Array(MyPlanTaskSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const unitId = request.actor?.unitId;
      const actor = authorize(request, 'plan.task.read', unitId === undefined ? {} : { unitId });
      if (actor.unitId === undefined) throw new DomainError('forbidden', [{ code: 'http.forbidden' }]);
      const tasks = await listUnitPlanTasks(db, actor, actor.unitId);
      const reporting = await taskReportingOf(db, tasks);
      return tasks.map((task) => ({ ...task, reporting: reporting.get(task.id) ?? { currentRound: null, rounds: [] } }));
    },
  );
  api.get(
    '/frameworks/:frameworkId/ownership',
    {
      schema: {
        tags: TAGS,
        summary: 'Phân công theo dõi chỉ số / indicator ownership',
        operationId: 'listIndicatorOwnership',
        description: "Per indicator of the framework, its lead unit and coordinating units (by code), in the framework's order.",
        params: FrameworkParams,
        response: { 200: Type.Array(OwnershipSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request, 'plan.manage');
      return readOwnership(db, request.params.frameworkId);
    },
  );
  api.put(
    '/frameworks/:frameworkId/ownership',
    {
      schema: {
        tags: TAGS,
        summary: 'Thay bảng phân công theo dõi chỉ số / replace the indicator ownership',
        operationId: 'replaceIndicatorOwnership',
        description: 'Replaces the whole table (bulk). Every bad row is refused at owners[i].field, and nothing is saved.',
        params: FrameworkParams,
        body: OwnershipBody,
        response: { 200: Type.Array(OwnershipSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return replaceOwnership(db, actor, request.params.frameworkId, request.body);
    },
  );
  api.post(
    '/frameworks/:frameworkId/ownership/import',
    {
      schema: {
        tags: TAGS,
        summary: 'Nhập owners.csv / import owners.csv',
        operationId: 'importIndicatorOwnership',
        description:
          'owners.csv (indicator,lead,coordinating; coordinating separated by ;) replaces the table, all or nothing, with a per-row report of bad rows. dryRun checks only.',
        params: FrameworkParams,
        body: OwnershipImportBody,
        response: { 200: Type.Array(OwnershipSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return importOwnership(db, actor, request.params.frameworkId, request.body);
    },
  );
}
