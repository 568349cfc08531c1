import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { errorResponses } from '../../http/error-schema.js';
import type { EvidenceStorage } from '../../storage/evidence-storage.js';
import { isInlineMediaType } from '../../storage/file-type.js';
import { readUploadedFiles } from '../evidence/evidence.routes.js';
import { PlanParams, PlanTaskParams } from './plan-schemas.js';
import {
  addTaskComment,
  addTaskEvidence,
  listReportingRounds,
  listRoundReports,
  listTaskComments,
  loadTaskEvidence,
  requireTaskEvidenceWritable,
  saveProgressReport,
} from './progress.service.js';
import {
  CommentBody,
  CommentSchema,
  PlanRoundsSchema,
  ProgressReportBody,
  ProgressReportSchema,
  RoundParams,
  RoundReportsSchema,
  TaskEvidenceParams,
  TaskEvidenceSchema,
  TaskRoundParams,
} from './progress-schemas.js';

const TAGS = ['plans'];

/** Unit roles reach their own unit only: the resource is the caller's unit; the task's party decides the rest. */
function authorizeTask(request: FastifyRequest, capability: 'plan.task.read' | 'plan.task.update') {
  const unitId = request.actor?.unitId;
  return authorize(request, capability, unitId === undefined ? {} : { unitId });
}

/**
 * A plan's progress (issue 11): reporting rounds derived from the schedule, the lead unit's report
 * per task and round with files and links, and comments. The manager reads every task; a unit reads
 * the tasks it leads or coordinates (anything else is 404 to it), reports and uploads on those it
 * leads, and comments on all of them.
 */
export function registerProgressRoutes(api: Api, dependencies: AppDependencies & { storage: EvidenceStorage }): void {
  const db = dependencies.database.db;
  const { storage } = dependencies;

  api.get(
    '/plans/:planId/reporting-rounds',
    {
      schema: {
        tags: TAGS,
        summary: 'Các kỳ báo cáo của kế hoạch / the plan’s reporting rounds',
        operationId: 'listReportingRounds',
        description:
          "Rounds derived from the plan's reporting schedule (quarterly: 15/03, 15/06, 15/09, 15/12; half-yearly: 15/06, 15/12; or days), each with the counts of tasks owing a report: submitted on time, late, missing, not due yet. The manager counts every task; a unit its own tasks (lead or coordinating) of an issued or closed plan.",
        params: PlanParams,
        response: { 200: PlanRoundsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorizeTask(request, 'plan.task.read');
      return listReportingRounds(db, actor, request.params.planId);
    },
  );

  api.get(
    '/plans/:planId/reporting-rounds/:dueOn/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Báo cáo tiến độ trong một kỳ / progress reports of one round',
        operationId: 'listRoundReports',
        description:
          'One row per task owing a report in the round (cancelled tasks and tasks reported done in an earlier round owe none), with its status (submitted, late, missing, pending) and the report with its links and files. 404 for a day that is not a round.',
        params: RoundParams,
        response: { 200: RoundReportsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorizeTask(request, 'plan.task.read');
      return listRoundReports(db, actor, request.params.planId, request.params.dueOn);
    },
  );

  api.put(
    '/plans/:planId/tasks/:taskId/reports/:dueOn',
    {
      schema: {
        tags: TAGS,
        summary: 'Báo cáo tiến độ nhiệm vụ trong kỳ / report a task’s progress in a round',
        operationId: 'saveProgressReport',
        description:
          "The lead unit's report (text, percent, state, links, uploaded files); `version` when editing (409 when stale). The state moves the task through core's task workflow. Refused: another party (403), a plan not issued or a round not open yet (409), a cancelled task and bad fields (400 at their path).",
        params: TaskRoundParams,
        body: ProgressReportBody,
        response: { 200: ProgressReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorizeTask(request, 'plan.task.update');
      const { planId, taskId, dueOn } = request.params;
      return saveProgressReport(db, actor, planId, taskId, dueOn, request.body);
    },
  );

  api.post(
    '/plans/:planId/tasks/:taskId/evidence',
    {
      config: { uploadLimitBytes: dependencies.config.maxUploadBytes },
      schema: {
        tags: TAGS,
        summary: 'Tải lên tài liệu kiểm chứng của nhiệm vụ (trường "files") / upload task evidence (field "files")',
        operationId: 'uploadTaskEvidence',
        description:
          'multipart/form-data, by the lead unit of a task of an issued plan; the assessment evidence rules apply (PDF, images, office documents, UTF-8 text; at most MAX_UPLOAD_MB each, 413 above; programs, macros and mismatched content refused, nothing stored). Attach the returned ids to a report.',
        consumes: ['multipart/form-data'],
        params: PlanTaskParams,
        response: {
          201: Type.Object({ items: Type.Array(TaskEvidenceSchema) }),
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const actor = authorizeTask(request, 'plan.task.update');
      const { planId, taskId } = request.params;
      // Refused before megabytes are read.
      await requireTaskEvidenceWritable(db, actor, planId, taskId);
      const files = await readUploadedFiles(request);
      const items = await addTaskEvidence(db, storage, actor, planId, taskId, files);
      return reply.status(201).send({ items });
    },
  );

  api.get(
    '/plans/:planId/tasks/:taskId/evidence/:evidenceId',
    {
      schema: {
        tags: TAGS,
        summary: 'Tệp kiểm chứng của nhiệm vụ / a task evidence file',
        operationId: 'downloadTaskEvidence',
        description:
          'The bytes, verified against their hash; PDF and images inline, others as attachment. The manager and the lead and coordinating units of the task.',
        params: TaskEvidenceParams,
        response: {
          200: {
            description: 'The file, with its own media type (Content-Type), and an ETag',
            content: { '*/*': { schema: Type.String({ format: 'binary' }) } },
          },
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const actor = authorizeTask(request, 'plan.task.read');
      const { planId, taskId, evidenceId } = request.params;
      const row = await loadTaskEvidence(db, actor, planId, taskId, evidenceId);
      const etag = `"${row.sha256}"`;
      if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).send();
      const bytes = await storage.get(row.sha256);
      return reply
        .header('content-type', row.mediaType)
        .header(
          'content-disposition',
          contentDisposition(isInlineMediaType(row.mediaType) ? 'inline' : 'attachment', row.fileName),
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', 'sandbox')
        .header('cache-control', 'private, no-cache')
        .header('etag', etag)
        .send(bytes);
    },
  );

  api.get(
    '/plans/:planId/tasks/:taskId/comments',
    {
      schema: {
        tags: TAGS,
        summary: 'Trao đổi về nhiệm vụ / comments on a task',
        operationId: 'listTaskComments',
        description: 'Oldest first. The manager and the lead and coordinating units of the task.',
        params: PlanTaskParams,
        response: { 200: Type.Array(CommentSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorizeTask(request, 'plan.task.read');
      return listTaskComments(db, actor, request.params.planId, request.params.taskId);
    },
  );

  api.post(
    '/plans/:planId/tasks/:taskId/comments',
    {
      schema: {
        tags: TAGS,
        summary: 'Góp ý về nhiệm vụ / comment on a task',
        operationId: 'addTaskComment',
        description:
          'A comment (at most 2,000 characters) by the manager or the lead or a coordinating unit, on a task of an issued plan (409 otherwise). Audited.',
        params: PlanTaskParams,
        body: CommentBody,
        response: { 201: CommentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorizeTask(request, 'plan.task.update');
      return reply.status(201).send(await addTaskComment(db, actor, request.params.planId, request.params.taskId, request.body));
    },
  );
}
