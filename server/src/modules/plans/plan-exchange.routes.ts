import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { errorResponses } from '../../http/error-schema.js';
import { MAX_PLAN_XLSX_BYTES } from '../../spreadsheets/read-plan-workbook.js';
import {
  CarryOverBody,
  CarryOverSchema,
  PLAN_IMPORT_BODY_LIMIT,
  PlanTasksImportBody,
  PlanTasksImportSchema,
} from './plan-dashboard-schemas.js';
import { carryOverOwnership, exportPlanTasks, importPlanTasks } from './plan-exchange.service.js';
import { FrameworkParams, PlanParams } from './plan-schemas.js';

const TAGS = ['plans'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The plan's task table as the official workbook, out and back in, and the ownership table carried
 * from last year's framework. The manager's (plan.manage), like the rest of the plan.
 */
export function registerPlanExchangeRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/plans/:planId/tasks.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: 'Xuất bảng nhiệm vụ (Excel) / export the task table (Excel)',
        operationId: 'downloadPlanTasks',
        description:
          'The task table as the official workbook: STT, Nhiệm vụ, Chỉ số, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Sản phẩm, Trạng thái, then the start date, the cancel reason and the (hidden) task id, so that importing it back gives the same tasks.',
        params: PlanParams,
        response: {
          200: {
            description: 'An .xlsx workbook (attachment)',
            content: { [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'plan.manage');
      const { fileName, bytes } = await exportPlanTasks(db, request.params.planId);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', fileName))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );
  api.post(
    '/plans/:planId/tasks/import',
    {
      bodyLimit: PLAN_IMPORT_BODY_LIMIT,
      config: { uploadLimitBytes: MAX_PLAN_XLSX_BYTES },
      schema: {
        tags: TAGS,
        summary: 'Nhập bảng nhiệm vụ từ Excel / import the task table from Excel',
        operationId: 'importPlanTasks',
        description:
          "Replaces a DRAFT plan's tasks with the workbook's (the exported one, or a clerk's own with the same column titles), all or nothing: rows with one of the plan's task ids update that task, rows without add one, tasks missing from the file are removed. Every bad row is reported (200, `imported: false`, `problems` with the sheet row, column title and the message in both languages) and nothing is saved; a draft's tasks must be not started. dryRun checks only. An unreadable or oversized file: 400. An issued or closed plan: 409.",
        params: PlanParams,
        body: PlanTasksImportBody,
        response: { 200: PlanTasksImportSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return importPlanTasks(db, actor, request.params.planId, request.body);
    },
  );
  api.post(
    '/frameworks/:frameworkId/ownership/carry-over',
    {
      schema: {
        tags: TAGS,
        summary: 'Kế thừa phân công theo dõi chỉ số từ bộ chỉ số khác / carry the ownership over from another framework',
        operationId: 'importOwnershipFromFramework',
        description:
          "Copies another framework's ownership table (last year's) into this one, by indicator code and by `mapping` where codes changed; replaces this framework's table (audited). Returns the rows carried, the old codes not carried (no place in this framework) and this framework's indicators left unowned. dryRun shows the result only. A mapping code unknown to its framework: 400 at mapping[i].from / mapping[i].to.",
        params: FrameworkParams,
        body: CarryOverBody,
        response: { 200: CarryOverSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'plan.manage');
      return carryOverOwnership(db, actor, request.params.frameworkId, request.body);
    },
  );
}
