import { Type } from '@fastify/type-provider-typebox';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

/** The unit's contest of one adjusted indicator (saveContest's input). */
export const ContestBody = Type.Object({
  explanation: Type.String({
    minLength: 1,
    maxLength: 10000,
    description: 'Why the unit disagrees with the adjusted points (giải trình, kiến nghị)',
  }),
});

/** The council's answer to a contest (answerContest's input). */
export const ContestAnswerBody = Type.Object({
  outcome: StringEnum(['kept', 'changed'] as const, { description: 'Keep the appraised points, or change them' }),
  appraisedPoints: Type.Optional(
    Type.Union([Type.Null(), Type.Number()], { description: 'The new appraised points, for "changed" (0 … the maximum)' }),
  ),
  reason: Type.String({ minLength: 1, maxLength: 5000, description: 'Why, as the unit will read it' }),
});

/** One contest with the council's answer once given. */
export const ContestSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String(),
  explanation: Type.String(),
  status: StringEnum(['draft', 'submitted', 'answered'] as const, {
    description: 'draft: written, not sent by the leader yet; submitted: awaiting the council; answered',
  }),
  updatedAt: Timestamp(),
  submittedAt: Nullable(Timestamp()),
  outcome: Nullable(StringEnum(['kept', 'changed'] as const)),
  answerReason: Nullable(Type.String()),
  pointsBefore: Nullable(Type.Number({ description: 'The official points when the council answered' })),
  pointsAfter: Nullable(Type.Number({ description: 'The official points after the answer' })),
  answeredAt: Nullable(Timestamp()),
});

/** The rebuttal round of an assessment, as its view carries it. */
export const RebuttalViewSchema = Type.Object(
  {
    enabled: Type.Boolean({ description: 'The period holds a rebuttal round' }),
    workingDays: Type.Integer({ description: 'The window in working days (Monday–Friday; public holidays not counted)' }),
    resultsSentAt: Nullable(Timestamp({ description: 'When the chair sent the results to the unit (the current round)' })),
    dueOn: Nullable(CalendarDay({ description: 'Last day of the window (Vietnam time)' })),
    windowPassed: Type.Boolean({ description: 'The window has ended (computed from the date)' }),
    contests: Type.Array(ContestSchema, { description: 'The contests of the current round' }),
  },
  { description: 'The rebuttal round (giải trình, kiến nghị) after the council’s decisions' },
);
