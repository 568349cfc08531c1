import { Type } from '@fastify/type-provider-typebox';
import { ASSESSMENT_ACTIONS, ASSESSMENT_STATES, PERIOD_STATES, UNIT_KINDS } from '@opendti/core';
import { actionFields, VerdictSchema } from '../../http/action-schemas.js';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { RebuttalViewSchema } from './rebuttal-schemas.js';

/**
 * Request and response schemas of the assessment, answer and appraisal routes: what the services
 * take (their input types are these schemas' static types) and what they return.
 */

/** The path of a route about one indicator of one assessment (answers, decisions, evidence, contests). */
export const IndicatorParams = Type.Object({
  assessmentId: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String({ maxLength: 40 }),
});

export const AssessmentStateSchema = StringEnum(ASSESSMENT_STATES);
const DecisionSchema = StringEnum(['accepted', 'adjusted', 'supplementationRequested'] as const);

const UnitRefSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(UNIT_KINDS),
});

/** One answer, as the save route and the spreadsheet import hand it to saveAnswer. */
export const AnswerBody = Type.Object({
  value: Type.Optional(
    Type.Union([Type.Null(), Type.String({ maxLength: 200 })], {
      description: 'The method\'s raw input ("có", "12/15", "4", an option code) or, for a main index, its 0–1 value',
    }),
  ),
  points: Type.Optional(
    Type.Union([Type.Null(), Type.Number()], {
      description: "Points typed directly (direct methods, or the unit's own judgement)",
    }),
  ),
  notAssessed: Type.Optional(Type.Boolean()),
  notAssessedReason: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 2000 })])),
  explanation: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 10000 })])),
  baseVersion: Type.Integer({
    minimum: 0,
    description: 'The version the edit is based on (0 for a first answer); a stale one gets 409.',
  }),
});

/** A council decision on one indicator (decideIndicator's input). */
export const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('adjusted'), Type.Literal('supplementationRequested')]),
  appraisedPoints: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
  reason: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
  councilNote: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
  // For a supplementation request: what the unit must add or explain, and by when.
  comment: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
  dueOn: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })])),
  baseVersion: Type.Integer({ minimum: 0 }),
});

/**
 * A move of the assessment's workflow: the actions are core's assessment workflow table's own
 * (a supplementation is requested through an indicator's appraisal, not here).
 */
export const AssessmentTransitionBody = Type.Object({
  action: StringEnum(ASSESSMENT_ACTIONS),
  reason: Type.Optional(Type.String({ maxLength: 5000 })),
});

/** One row of a period's assessment list. */
export const AssessmentSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: AssessmentStateSchema,
  frameworkId: Type.String(),
  submittedAt: Nullable(Timestamp()),
  submittedAtClose: Type.Boolean({ description: 'Submitted by the system when the self-assessment closed, not by the unit' }),
  finalisedAt: Nullable(Timestamp()),
  unit: UnitRefSchema,
});

const MainIndexProgressSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  indicators: Type.Integer({ description: 'Indicators (or the main index itself) the unit answers' }),
  answered: Type.Integer(),
  evidenceMissing: Type.Integer({ description: 'Answered, not "not assessed", without any evidence' }),
});

/** What the reader may do on one indicator now (core's `evaluateIndicatorActions`). */
const IndicatorActionsSchema = Type.Object({
  code: Type.String(),
  answer: VerdictSchema,
  supplement: VerdictSchema,
  decide: VerdictSchema,
  requestSupplementation: VerdictSchema,
  contest: VerdictSchema,
  answerContest: VerdictSchema,
  withdrawSupplementation: VerdictSchema,
});

/** The unit's self-assessed total and index, computed by core's engine over the stored answers (`computeSelfTotal`). */
export const SelfTotalSchema = Type.Object(
  {
    points: Nullable(Type.Number({ description: 'Self points of the whole framework, as the engine scores them now' })),
    maxPoints: Nullable(Type.Number({ description: 'The maximum they count against ("không đánh giá" excluded)' })),
    value: Nullable(Type.Number({ description: 'The 0–1 index, unrounded' })),
    cohortPending: Type.Integer({ description: 'Answered indicators scored against the cohort, not counted yet' }),
  },
  { description: "The unit's self-assessed total and index, computed by core's engine over the stored answers" },
);

/** getAssessmentView: the whole assessment as its reader may see it, and what the reader may do with it. */
export const AssessmentViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: AssessmentStateSchema,
  version: Type.Integer(),
  ...actionFields(ASSESSMENT_ACTIONS),
  indicators: Type.Array(IndicatorActionsSchema, {
    description:
      'Per indicator the unit answers (framework order): may this user answer, supplement, decide, request supplementation, contest the adjusted points (the unit), answer the contest (the council)',
  }),
  submittedAt: Nullable(Timestamp()),
  submittedAtClose: Type.Boolean({ description: 'Submitted by the system when the self-assessment closed, not by the unit' }),
  deadline: CalendarDay({ description: "This unit's last day to submit: its extension, or the period's deadline" }),
  finalisedAt: Nullable(Timestamp()),
  period: Type.Object({
    id: Type.String({ format: 'uuid' }),
    year: Type.Integer(),
    name: Type.String(),
    state: StringEnum(PERIOD_STATES),
    selfAssessmentDeadline: CalendarDay(),
  }),
  unit: UnitRefSchema,
  framework: Type.Object({ id: Type.String(), name: Type.String(), maxPoints: Type.Number() }),
  progress: Type.Array(MainIndexProgressSchema, { description: 'Per main index, in framework order' }),
  selfTotal: SelfTotalSchema,
  answers: Type.Array(
    Type.Object({
      indicatorCode: Type.String(),
      value: Nullable(Type.String()),
      selfPoints: Nullable(Type.Number()),
      notAssessed: Type.Boolean(),
      notAssessedReason: Nullable(Type.String()),
      explanation: Nullable(Type.String()),
      version: Type.Integer(),
      updatedAt: Timestamp(),
      evidenceCount: Type.Integer(),
    }),
  ),
  appraisals: Type.Array(
    Type.Object({
      indicatorCode: Type.String(),
      decision: DecisionSchema,
      appraisedPoints: Nullable(Type.Number()),
      reason: Nullable(Type.String()),
      councilNote: Type.Optional(
        Nullable(Type.String({ description: 'Present only for readers who may see council-internal notes' })),
      ),
      decidedAt: Timestamp(),
      version: Type.Integer(),
    }),
  ),
  assignees: Type.Array(
    Type.Object({
      userId: Type.String({ format: 'uuid' }),
      displayName: Type.String(),
      mainIndexCode: Nullable(Type.String({ description: 'null: the whole unit' })),
    }),
    {
      description:
        'Council members assigned to this unit or one of its main indices (shown to those who may read council notes; empty for a unit)',
    },
  ),
  supplementationRequests: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      indicatorCode: Type.String(),
      comment: Type.String(),
      dueOn: CalendarDay(),
      status: StringEnum(['open', 'answered', 'closed'] as const),
      response: Nullable(Type.String()),
      respondedAt: Nullable(Timestamp()),
      overdue: Type.Boolean({ description: 'Open past its due day (Vietnam time)' }),
      answeredLate: Type.Boolean({ description: 'Answered after its due day' }),
    }),
  ),
  rebuttal: RebuttalViewSchema,
});

/** A saved answer: the stored row (saveAnswer). */
export const AnswerSchema = Type.Object({
  assessmentId: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String(),
  value: Nullable(Type.String({ description: 'The raw input as typed' })),
  selfPoints: Nullable(Type.Number()),
  rawNumber: Nullable(Type.Number({ description: 'Raw number of a cohort-relative method, scored with the cohort' })),
  notAssessed: Type.Boolean(),
  notAssessedReason: Nullable(Type.String()),
  explanation: Nullable(Type.String()),
  version: Type.Integer({ description: 'Send it back as baseVersion with the next edit' }),
  updatedBy: Nullable(Type.String({ format: 'uuid' })),
  updatedAt: Timestamp(),
});

/** A council decision: the stored row (decideIndicator), seen by the council that made it. */
export const AppraisalSchema = Type.Object({
  assessmentId: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String(),
  decision: DecisionSchema,
  appraisedPoints: Nullable(Type.Number()),
  reason: Nullable(Type.String()),
  councilNote: Nullable(Type.String()),
  decidedBy: Nullable(Type.String({ format: 'uuid' })),
  decidedAt: Timestamp(),
  version: Type.Integer({ description: 'Send it back as baseVersion with the next decision' }),
});

export const AssessmentTransitionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: AssessmentStateSchema,
});

export const AcceptRemainingSchema = Type.Object({
  accepted: Type.Array(Type.String(), { description: 'Codes of the indicators accepted by this request' }),
});
