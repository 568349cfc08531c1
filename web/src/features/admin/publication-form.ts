import { vietnamDay } from '@opendti/core/calendar-day';
import {
  type DecisionIssue,
  normalisePublicationDecision,
  type PublicationDecisionField,
  publicationDecisionIssues,
} from '@opendti/core/publication';

/**
 * The publication decision as the manager types it (the date dd/mm/yyyy). Checked with core's rule,
 * the one the server applies to `publish`, so the form says at each field what the server would
 * refuse, in the same words.
 */
export interface PublicationFormState {
  number: string;
  date: string;
  signerName: string;
  signerTitle: string;
}

export const EMPTY_PUBLICATION_FORM: PublicationFormState = { number: '', date: '', signerName: '', signerTitle: '' };

export type PublicationFormErrors = Partial<Record<PublicationDecisionField, DecisionIssue['text']>>;

/** The first problem of each field; empty when the decision may be sent. */
export function validatePublicationForm(state: PublicationFormState, now: Date = new Date()): PublicationFormErrors {
  const errors: PublicationFormErrors = {};
  for (const issue of publicationDecisionIssues(state, vietnamDay(now))) errors[issue.field] ??= issue.text;
  return errors;
}

/** The decision as `publish` takes it (date yyyy-mm-dd); the form must be valid. */
export function publicationDecisionBody(state: PublicationFormState) {
  return normalisePublicationDecision(state);
}
