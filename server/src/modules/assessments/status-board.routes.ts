import { Type } from '@fastify/type-provider-typebox';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATES,
  PARTICIPATIONS,
  PERIOD_STATES,
  UNIT_ACTIONS,
  UNIT_KINDS,
  UNIT_PROGRESS_STATUSES,
} from '@opendti/core';
import { ActionBlockSchema, actionFields } from '../../http/action-schemas.js';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { loadAssessmentContext } from './assessment-context.js';
import { SelfTotalSchema } from './assessment-schemas.js';
import { extendDeadline, getStatusBoard, setParticipation } from './status-board.service.js';

const StatusBoardRow = Type.Object({
  unit: Type.Object({
    id: Type.String({ format: 'uuid' }),
    code: Type.String(),
    name: Type.String(),
    kind: StringEnum(UNIT_KINDS),
  }),
  assessmentId: Nullable(Type.String({ format: 'uuid', description: 'None before the period opens' })),
  state: Nullable(StringEnum(ASSESSMENT_STATES)),
  status: StringEnum(UNIT_PROGRESS_STATUSES, {
    description: "Where the unit stands with its self-assessment (core's unitProgressStatus)",
  }),
  participation: StringEnum(PARTICIPATIONS),
  participationReason: Nullable(Type.String()),
  answered: Type.Integer(),
  indicators: Type.Integer({ description: 'Indicators (or main indices) the unit answers' }),
  evidenceMissing: Type.Integer({ description: 'Answered with points, without any evidence' }),
  selfTotal: Nullable(SelfTotalSchema),
  lastActivity: Nullable(Timestamp({ description: 'Latest answer, evidence or workflow step' })),
  deadline: CalendarDay({ description: "The unit's last day to submit: its extension, or the period's deadline" }),
  deadlineExtended: Type.Boolean(),
  submittedAt: Nullable(Timestamp()),
  submittedAtClose: Type.Boolean({ description: 'Submitted by the system when the self-assessment closed, not by the unit' }),
  submittedLate: Type.Boolean({ description: "Submitted by the unit after the period's own deadline (by an extension)" }),
  ...actionFields(ASSESSMENT_ACTIONS),
  unitActions: Type.Array(StringEnum(UNIT_ACTIONS), {
    description: "The manager's controls open now (each needs a reason but extendDeadline's date)",
  }),
  unitActionsDenied: Type.Array(
    Type.Object({ action: StringEnum(UNIT_ACTIONS), reason: ActionBlockSchema, message: Type.String() }),
  ),
});

const StatusBoard = Type.Object({
  period: Type.Object({
    id: Type.String({ format: 'uuid' }),
    year: Type.Integer(),
    name: Type.String(),
    state: StringEnum(PERIOD_STATES),
    selfAssessmentDeadline: CalendarDay(),
  }),
  items: Type.Array(StatusBoardRow),
});

const AssessmentParams = Type.Object({ assessmentId: Type.String({ format: 'uuid' }) });
const Reason = Type.String({ minLength: 1, maxLength: 5000 });

/** The period manager's board and controls over one unit: deadline extension and participation. */
export function registerStatusBoardRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/periods/:periodId/status-board',
    {
      schema: {
        tags: ['periods'],
        summary: 'Bảng theo dõi tiến độ các đơn vị / per-unit status board',
        operationId: 'getStatusBoard',
        description:
          "For the period manager: every unit of the period with its state, answered / total, evidence missing, self points, last activity, deadline, late or automatic submission, and the manager's actions.",
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        response: { 200: StatusBoard, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.manage');
      return getStatusBoard(db, actor, request.params.periodId, requestLocale(request));
    },
  );

  api.put(
    '/assessments/:assessmentId/deadline',
    {
      schema: {
        tags: ['periods'],
        summary: 'Gia hạn nộp cho một đơn vị / extend one unit’s deadline',
        operationId: 'updateAssessmentDeadline',
        description:
          "Gives one unit its own last day to submit, later than the period's deadline, with a reason (audited). Only while units self-assess and before the unit submits.",
        params: AssessmentParams,
        body: Type.Object({ date: CalendarDay(), reason: Reason }),
        response: {
          200: Type.Object({ id: Type.String({ format: 'uuid' }), deadline: CalendarDay() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      const actor = authorize(request, 'period.manage', { unitId: context.unit.id });
      return extendDeadline(db, actor, context, request.body, new Date());
    },
  );

  api.put(
    '/assessments/:assessmentId/participation',
    {
      schema: {
        tags: ['periods'],
        summary: 'Đơn vị không tham gia, tính 0 điểm, hoặc tham gia lại / participation of one unit',
        operationId: 'updateAssessmentParticipation',
        description:
          'notParticipating takes the unit out of the period (publish guard, results, ranking); scoredAsZero ranks a unit that entered nothing by the close with zero points; participating undoes either. Always with a reason, audited.',
        params: AssessmentParams,
        body: Type.Object({ participation: StringEnum(PARTICIPATIONS), reason: Reason }),
        response: {
          200: Type.Object({ id: Type.String({ format: 'uuid' }), participation: StringEnum(PARTICIPATIONS) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      const actor = authorize(request, 'period.manage', { unitId: context.unit.id });
      return setParticipation(db, actor, context, request.body);
    },
  );
}
