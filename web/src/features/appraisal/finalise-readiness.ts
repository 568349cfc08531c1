import type { CurrentUser } from '../../api/session';
import type { AssessmentState, PeriodState } from './api-types';

/**
 * Whether the chair may finalise (chốt) a unit's appraisal now, and if not, why — mirroring core's
 * workflow table (finalise: chair only, from "in appraisal" or "supplemented", period under
 * appraisal) and the server's guard (every indicator accepted or adjusted; an open supplementation
 * request counts as undecided). The button shows the reason instead of failing on click.
 */
export type FinaliseBlock =
  | 'notChair'
  | 'periodState'
  | 'finalised'
  | 'notSubmitted'
  | 'awaitingUnit'
  | 'undecided'
  | 'notStarted';

export type FinaliseReadiness =
  | { allowed: true }
  | { allowed: false; reason: FinaliseBlock; undecided?: number; codes?: string[] };

export function finaliseReadiness(input: {
  role: CurrentUser['role'] | undefined;
  periodState: PeriodState;
  state: AssessmentState;
  undecided: number;
  /** Codes still to decide, in framework order, for the message (a few are enough). */
  undecidedCodes?: readonly string[];
}): FinaliseReadiness {
  if (input.role !== 'councilChair') return { allowed: false, reason: 'notChair' };
  if (input.state === 'finalised') return { allowed: false, reason: 'finalised' };
  if (input.periodState !== 'appraisal') return { allowed: false, reason: 'periodState' };
  if (input.state === 'draft') return { allowed: false, reason: 'notSubmitted' };
  if (input.state === 'supplementationRequested') return { allowed: false, reason: 'awaitingUnit' };
  if (input.undecided > 0) {
    return { allowed: false, reason: 'undecided', undecided: input.undecided, codes: (input.undecidedCodes ?? []).slice(0, 5) };
  }
  // "submitted" with nothing to decide cannot happen with a real framework; core refuses it anyway.
  if (input.state === 'submitted') return { allowed: false, reason: 'notStarted' };
  return { allowed: true };
}

/** Only the chair reopens a finalised appraisal, and only while the period is under appraisal (with a reason). */
export function canReopen(role: CurrentUser['role'] | undefined, periodState: PeriodState, state: AssessmentState): boolean {
  return role === 'councilChair' && periodState === 'appraisal' && state === 'finalised';
}
