import { Type } from '@fastify/type-provider-typebox';
import { ASSESSMENT_ACTIONS, ASSESSMENT_STATES, PERIOD_STATES } from '@opendti/core';
import { actionFields, VerdictSchema } from '../../http/action-schemas.js';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { getCouncilOverview } from './council-overview.service.js';
import {
  createAssignment,
  createMinutes,
  deleteAssignment,
  getAssignments,
  getMinutes,
  updateMinutes,
} from './council-work.service.js';

const decisionCounts = {
  indicators: Type.Integer({ description: 'Indicators the unit answers.' }),
  accepted: Type.Integer(),
  adjusted: Type.Integer(),
  lowered: Type.Integer({ description: 'Adjusted below the self points (cuts).' }),
  awaitingSupplementation: Type.Integer({ description: 'Decision is a supplementation request.' }),
  undecided: Type.Integer({ description: 'Neither accepted nor adjusted: blocks finalising.' }),
};

const MainIndexDecisions = Type.Object({
  code: Type.String(),
  ...decisionCounts,
  undecidedCodes: Type.Array(Type.String()),
});

export const Assignee = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  mainIndexCode: Nullable(Type.String({ description: 'null: the whole unit' })),
});

const AssessmentDecisions = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: StringEnum(ASSESSMENT_STATES),
  submittedAt: Nullable(Timestamp()),
  submittedAtClose: Type.Boolean({ description: 'Submitted by the system when the self-assessment closed, not by the unit' }),
  finalisedAt: Nullable(Timestamp()),
  frameworkId: Type.String(),
  unit: Type.Object({ id: Type.String({ format: 'uuid' }), code: Type.String(), name: Type.String(), kind: Type.String() }),
  ...decisionCounts,
  supplementation: Type.Object({
    open: Type.Integer({ description: 'Requests the unit has not answered yet.' }),
    answered: Type.Integer(),
    overdue: Type.Integer({ description: 'Open past their due day (Vietnam time).' }),
    latestDueOn: Nullable(CalendarDay({ description: 'The latest due day of its requests.' })),
  }),
  mainIndices: Type.Array(MainIndexDecisions),
  awaitsCouncil: Type.Boolean({
    description: 'The council has work on it: a new submission, an appraisal under way, a supplementation to re-appraise.',
  }),
  assignees: Type.Array(Assignee, {
    description: 'Council members assigned to this unit, to one of its main indices, or to a main index in every unit',
  }),
  assignedToYou: Type.Boolean({ description: 'Some of this unit is assigned to the reader' }),
  awaitingUnit: Type.Integer({
    description: 'Indicators waiting for the unit (a request not answered, or answered and not sent back yet)',
  }),
  undecidedForYou: Type.Integer({
    description: 'Undecided indicators this user may decide (core policy: an appraiser within the assignment).',
  }),
  ...actionFields(ASSESSMENT_ACTIONS),
});

export const CouncilOverview = Type.Object({
  period: Type.Object({
    id: Type.String({ format: 'uuid' }),
    year: Type.Integer(),
    name: Type.String(),
    state: StringEnum(PERIOD_STATES),
  }),
  cohorts: Type.Array(
    Type.Object({
      unitKind: Type.String(),
      frameworkId: Type.String(),
      frameworkName: Type.String(),
      frameworkNameEn: Nullable(Type.String()),
      maxPoints: Nullable(Type.Number()),
      mainIndices: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          nameEn: Nullable(Type.String()),
          maxPoints: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
  assessments: Type.Array(AssessmentDecisions),
});

const CouncilMember = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  role: Type.String({ description: 'appraiser or councilChair' }),
});

const AssignmentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userId: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  unitId: Nullable(Type.String({ format: 'uuid', description: 'null: every unit of the period' })),
  unitName: Nullable(Type.String()),
  mainIndexCode: Nullable(Type.String({ description: 'null: the whole unit' })),
  assignedAt: Timestamp(),
});

const minutesFields = {
  meetingOn: Type.String({ maxLength: 10, description: 'yyyy-mm-dd, not after today' }),
  memberIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200, description: 'Council members present' }),
  otherAttendees: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100 })),
  decision: Type.String({ maxLength: 20000 }),
};
const MinutesBody = Type.Object(minutesFields);
const MinutesUpdateBody = Type.Object({ ...minutesFields, baseVersion: Type.Integer({ minimum: 1 }) });

const MinutesSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  meetingOn: CalendarDay(),
  members: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() })),
  otherAttendees: Type.Array(Type.String()),
  decision: Type.String(),
  recordedBy: Nullable(Type.String({ description: 'Who recorded them' })),
  recordedAt: Timestamp(),
  updatedAt: Timestamp(),
  version: Type.Integer({ description: 'Send it back as baseVersion with an edit' }),
});

const PeriodParams = Type.Object({ periodId: Type.String({ format: 'uuid' }) });

/**
 * The appraisal council's working view of a period (queue and overview): decisions per unit and
 * main index. It shows work in progress across every unit, so it is open to those who may read the
 * council's internal deliberation (council and managers), never to a unit.
 */
export function registerCouncilRoutes(api: Api, { database }: AppDependencies): void {
  api.get(
    '/periods/:periodId/council-overview',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Tiến độ thẩm định theo đơn vị và chỉ số chính / appraisal decisions per unit and main index',
        operationId: 'getCouncilOverview',
        description:
          'For the appraisal council: per unit and main index, how many indicators are accepted, adjusted, awaiting supplementation or undecided, and the open requests.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        response: { 200: CouncilOverview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'appraisal.readCouncilNotes');
      return getCouncilOverview(database.db, actor, request.params.periodId, requestLocale(request));
    },
  );
  api.get(
    '/periods/:periodId/appraisal-assignments',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Phân công thẩm định của kỳ / appraisal assignments of a period',
        operationId: 'listAppraisalAssignments',
        description:
          "Who of the council appraises which unit or main index, the council's members to choose from, and whether the reader may change the assignments now. An assignment directs the work; any council member may still decide within their account's field.",
        params: PeriodParams,
        response: {
          200: Type.Object({ members: Type.Array(CouncilMember), items: Type.Array(AssignmentSchema), assign: VerdictSchema }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'appraisal.readCouncilNotes');
      return getAssignments(database.db, actor, request.params.periodId, requestLocale(request));
    },
  );

  api.post(
    '/periods/:periodId/appraisal-assignments',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Phân công thành viên Hội đồng / assign a council member',
        operationId: 'createAppraisalAssignment',
        description:
          'The chair (or the period manager) assigns a council member a unit, one main index of a unit, or a main index in every unit (no unitId). Audited.',
        params: PeriodParams,
        body: Type.Object({
          userId: Type.String({ format: 'uuid' }),
          unitId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
          mainIndexCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
        }),
        response: { 201: AssignmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'appraisal.assign');
      const created = await createAssignment(database.db, actor, request.params.periodId, request.body, new Date());
      return reply.status(201).send(created);
    },
  );

  api.delete(
    '/periods/:periodId/appraisal-assignments/:assignmentId',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Bỏ một phân công / remove an assignment',
        operationId: 'deleteAppraisalAssignment',
        description: 'Takes an assignment back. Audited.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), assignmentId: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null({ description: 'Removed' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'appraisal.assign');
      await deleteAssignment(database.db, actor, request.params.periodId, request.params.assignmentId);
      return reply.status(204).send();
    },
  );

  api.get(
    '/periods/:periodId/council-minutes',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Biên bản họp Hội đồng thẩm định / council meeting minutes',
        operationId: 'listCouncilMinutes',
        description:
          "The minutes of the council's meetings for a period, newest first, the council's members to choose from, and whether the reader may record or edit minutes now (the chair, while the period is under appraisal).",
        params: PeriodParams,
        response: {
          200: Type.Object({ members: Type.Array(CouncilMember), items: Type.Array(MinutesSchema), record: VerdictSchema }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'appraisal.readCouncilNotes');
      return getMinutes(database.db, actor, request.params.periodId, requestLocale(request));
    },
  );

  api.post(
    '/periods/:periodId/council-minutes',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Ghi biên bản họp Hội đồng / record council minutes',
        operationId: 'createCouncilMinutes',
        description:
          'The chair records the sign-off meeting: its date (not in the future), the council members present (at least one), others present, and the decision. Audited.',
        params: PeriodParams,
        body: MinutesBody,
        response: { 201: MinutesSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'council.recordMinutes');
      return reply.status(201).send(await createMinutes(database.db, actor, request.params.periodId, request.body, new Date()));
    },
  );

  api.put(
    '/periods/:periodId/council-minutes/:minutesId',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Sửa biên bản họp Hội đồng / edit council minutes',
        operationId: 'updateCouncilMinutes',
        description:
          'The chair corrects the minutes while the period is under appraisal. A stale baseVersion answers 409. Audited.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), minutesId: Type.String({ format: 'uuid' }) }),
        body: MinutesUpdateBody,
        response: { 200: MinutesSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'council.recordMinutes');
      const { periodId, minutesId } = request.params;
      return updateMinutes(database.db, actor, periodId, minutesId, request.body, new Date());
    },
  );
}
