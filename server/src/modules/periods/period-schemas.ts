import { Type } from '@fastify/type-provider-typebox';
import { PERIOD_ACTIONS, PERIOD_STATES, UNIT_KINDS } from '@opendti/core';
import { actionFields } from '../../http/action-schemas.js';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { PublicationDecisionSchema } from '../../http/result-schemas.js';

// A real day (2023-02-30 is refused here, not by the database).
const IsoDate = Type.String({ format: 'date' });

const RebuttalSettingsFields = {
  rebuttalEnabled: Type.Optional(
    Type.Boolean({
      description:
        'Hold a rebuttal round (giải trình, kiến nghị) after the council decides: the unit may contest adjusted indicators before the chair finalises. Default true for a new period.',
    }),
  ),
  rebuttalWorkingDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 30, description: 'The rebuttal window in working days (Monday–Friday); default 5' }),
  ),
};

/** The rebuttal round's settings of a period (changeRebuttalSettings' input). */
export const RebuttalSettingsBody = Type.Object({
  rebuttalEnabled: Type.Boolean({ description: 'Hold a rebuttal round after the council decides' }),
  rebuttalWorkingDays: Type.Integer({ minimum: 1, maximum: 30, description: 'The window in working days (Monday–Friday)' }),
});

/** What creating a period takes (createPeriod's input). */
export const NewPeriodBody = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  cohorts: Type.Array(Type.Object({ unitKind: Type.String({ maxLength: 20 }), frameworkId: Type.String({ maxLength: 80 }) }), {
    minItems: 1,
    maxItems: 10,
  }),
  unitIds: Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 5000,
      description: "Participating units; by default every unit of the cohorts' kinds active during the year",
    }),
  ),
  selfAssessmentDeadline: Type.Optional(
    Type.String({ format: 'date', description: 'By default 30 January of the following year (seed 001)' }),
  ),
  appraisalDeadline: Type.Optional(Type.Union([Type.Null(), IsoDate])),
  publicationDue: Type.Optional(
    Type.Union([Type.Null(), IsoDate], {
      description:
        'Planned publication day; by default 31 March of the following year where that follows the deadlines. The dates run in order, self-assessment deadline < appraisal deadline < publication: 400 period.dates-out-of-order at the later field otherwise.',
    }),
  ),
  ...RebuttalSettingsFields,
});

/**
 * The decision that publishes the results, as sent with `publish`. Its fields are optional here so
 * that core's rule (`publicationDecisionIssues`) can say what is missing or wrong, field by field.
 */
export const PublicationDecisionInput = Type.Object(
  {
    number: Type.Optional(Type.String({ maxLength: 200, description: 'Số quyết định, e.g. 123/QĐ-UBND' })),
    date: Type.Optional(Type.String({ maxLength: 20, description: 'Ngày ký: yyyy-mm-dd (dd/mm/yyyy is read too)' })),
    signerName: Type.Optional(Type.String({ maxLength: 300, description: 'Họ tên người ký' })),
    signerTitle: Type.Optional(Type.String({ maxLength: 300, description: 'Chức vụ người ký' })),
  },
  { additionalProperties: false },
);

/** A move of the period's workflow: the actions are core's period workflow table's own. */
export const PeriodTransitionBody = Type.Object({
  action: StringEnum(PERIOD_ACTIONS),
  reason: Type.Optional(Type.String({ maxLength: 5000 })),
  decision: Type.Optional(PublicationDecisionInput),
});

/** A period row (kỳ đánh giá), as creating or moving it returns it. */
export const PeriodSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  year: Type.Integer(),
  name: Type.String(),
  state: StringEnum(PERIOD_STATES),
  selfAssessmentDeadline: CalendarDay(),
  appraisalDeadline: Nullable(CalendarDay()),
  publicationDue: Nullable(CalendarDay()),
  publishedAt: Nullable(Timestamp()),
  rebuttalEnabled: Type.Boolean({ description: 'The period holds a rebuttal round (giải trình, kiến nghị)' }),
  rebuttalWorkingDays: Type.Integer({
    description: 'The rebuttal window in working days (Monday–Friday; public holidays not counted)',
  }),
  reminderDays: Type.Array(Type.Integer(), {
    description: 'Days before the self-assessment deadline when units not yet submitted are reminded (issue 12)',
  }),
  publicationDecision: Nullable(PublicationDecisionSchema),
  createdAt: Timestamp(),
  version: Type.Integer({ description: 'Incremented by every transition' }),
});

/** One cohort: the units of a kind and the framework they are assessed with. */
export const CohortSchema = Type.Object({ unitKind: Type.String(), frameworkId: Type.String() });

/**
 * A period with its cohorts, participating units, how many assessments are in each state, and what
 * the reader may do with it now.
 */
export const PeriodDetailSchema = Type.Object({
  ...PeriodSchema.properties,
  ...actionFields(PERIOD_ACTIONS),
  cohorts: Type.Array(CohortSchema),
  units: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      code: Type.String(),
      name: Type.String(),
      kind: StringEnum(UNIT_KINDS),
    }),
  ),
  assessmentStates: Type.Record(Type.String(), Type.Integer(), {
    description: 'Number of assessments in each state, e.g. { "draft": 3, "submitted": 25 }; states with none are absent.',
  }),
  earlyClose: Nullable(
    Type.Object(
      {
        deadline: CalendarDay(),
        notSubmitted: Type.Integer({ description: 'Participating units that have not submitted' }),
      },
      { description: 'Closing the self-assessment now is before its deadline: the page asks to confirm' },
    ),
  ),
});
