import { type Problem, readPoints } from '@opendti/core/answers';
import { parseLocaleNumber } from '@opendti/core/format';
import { parseVietnameseDate } from '../../shared/calendar-day';
import type { Decision } from './api-types';

/** What the decision form holds, as typed. */
export interface DecisionDraft {
  decision: Decision;
  /** Appraised points as typed, decimal comma allowed ("2,5"). */
  points: string;
  reason: string;
  /** What the unit must add or explain. */
  comment: string;
  /** dd/mm/yyyy as typed. */
  dueOn: string;
  /** Council-internal note, never shown to the unit. */
  councilNote: string;
}

export type DecisionProblem =
  | 'pointsRequired'
  | 'pointsInvalid'
  | 'pointsOutOfRange'
  | 'pointsOffStep'
  | 'pointsUnchanged'
  | 'reasonRequired'
  | 'commentRequired'
  | 'dueDateRequired'
  | 'dueDateInvalid'
  | 'dueDatePast';

export type DecisionField = 'points' | 'reason' | 'comment' | 'dueOn';

/** The request body of PUT /assessments/:id/appraisals/:code. */
export interface DecisionBody {
  decision: Decision;
  appraisedPoints?: number;
  reason?: string | null;
  councilNote: string | null;
  comment?: string;
  dueOn?: string;
  baseVersion: number;
}

export interface DecisionContext {
  /** The indicator (or main index) decided, as core's messages name it. */
  code: string;
  /** The indicator's maximum; null when the framework publishes none. */
  maxPoints: number | null;
  /** The step the indicator's points move by (0,25…), when the framework declares one. */
  pointsStep?: number | undefined;
  /** The unit's self points, to refuse an "adjustment" to the same points. */
  selfPoints: number | null;
  /** Version of the current decision (0 when there is none): the server refuses a stale one with 409. */
  baseVersion: number;
  /** Today in Vietnam (yyyy-mm-dd): a due date must not be in the past. */
  today: string;
}

const EPSILON = 1e-9;

/** A failed check: each field's problem, and for points outside core's rule, core's own explanation. */
export interface DecisionFailure {
  ok: false;
  problems: Partial<Record<DecisionField, DecisionProblem>>;
  /** Core's problem behind `pointsOutOfRange` / `pointsOffStep` (the limit, the step, the nearest values). */
  pointsDetail?: Problem;
}

/** "2,5" → 2.5 (decimal comma or point); NaN when not a number. */
export function parsePointsInput(text: string): number {
  return parseLocaleNumber(text);
}

/**
 * Checks the form as the server will — points by core's own rule (`readPoints`: 0…max and, when the
 * indicator declares one, on its step) with a reason for an adjustment; a comment and a
 * due date from today for a supplementation request) and builds the request body, or says what is
 * wrong with which field. The due date goes from dd/mm/yyyy to yyyy-mm-dd here.
 */
export function buildDecisionBody(
  draft: DecisionDraft,
  context: DecisionContext,
): { ok: true; body: DecisionBody } | DecisionFailure {
  const problems: Partial<Record<DecisionField, DecisionProblem>> = {};
  let pointsDetail: Problem | undefined;
  const councilNote = draft.councilNote.trim() || null;
  const reason = draft.reason.trim();

  if (draft.decision === 'adjusted') {
    const points = parsePointsInput(draft.points);
    if (draft.points.trim() === '') problems.points = 'pointsRequired';
    else if (Number.isNaN(points)) problems.points = 'pointsInvalid';
    else {
      const read = readPoints(
        {
          code: context.code,
          level: 'indicator',
          maxPoints: context.maxPoints ?? Number.POSITIVE_INFINITY,
          ...(context.pointsStep !== undefined ? { pointsStep: context.pointsStep } : {}),
        },
        points,
      );
      if ('problems' in read) {
        pointsDetail = read.problems[0];
        problems.points = pointsDetail?.code === 'input.points-off-step' ? 'pointsOffStep' : 'pointsOutOfRange';
      }
    }
    if (!problems.points && context.selfPoints !== null && Math.abs(points - context.selfPoints) < EPSILON)
      problems.points = 'pointsUnchanged';
    if (!reason) problems.reason = 'reasonRequired';
    if (Object.keys(problems).length > 0) return { ok: false, problems, ...(pointsDetail ? { pointsDetail } : {}) };
    return {
      ok: true,
      body: { decision: 'adjusted', appraisedPoints: points, reason, councilNote, baseVersion: context.baseVersion },
    };
  }

  if (draft.decision === 'supplementationRequested') {
    const comment = draft.comment.trim();
    if (!comment) problems.comment = 'commentRequired';
    const dueOn = parseVietnameseDate(draft.dueOn);
    if (draft.dueOn.trim() === '') problems.dueOn = 'dueDateRequired';
    else if (dueOn === undefined) problems.dueOn = 'dueDateInvalid';
    else if (dueOn < context.today) problems.dueOn = 'dueDatePast';
    if (Object.keys(problems).length > 0 || dueOn === undefined) return { ok: false, problems };
    return {
      ok: true,
      body: {
        decision: 'supplementationRequested',
        comment,
        dueOn,
        reason: reason || null,
        councilNote,
        baseVersion: context.baseVersion,
      },
    };
  }

  // Accepted: the self points stand, nothing to justify; a reason typed for another choice is dropped.
  return { ok: true, body: { decision: 'accepted', reason: null, councilNote, baseVersion: context.baseVersion } };
}
