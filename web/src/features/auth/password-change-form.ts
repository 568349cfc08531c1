import { PASSWORD_RULES, type PasswordRuleId, unmetPasswordRules } from '@opendti/core/password-rules';
import { ApiError } from '../../api/client';
import type { Locale } from '../../shared/format';

/**
 * The password change form's rules, checked before anything is sent: every field filled, the new
 * password strong by core's rules (the very list the server applies), different from the current
 * one (a temporary password the administrator knows must not stay), and typed twice alike. What only
 * the server knows (is the current password right?) comes back as its message, shown in place.
 */
export interface PasswordChangeState {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export type PasswordChangeField = keyof PasswordChangeState;

export type PasswordChangeErrorKey =
  | 'errorRequired'
  | 'errorWeak'
  | 'errorSameAsCurrent'
  | 'errorConfirmRequired'
  | 'errorMismatch';

/** A field's problem: one of the form's own messages (with its parameters), or the server's words. */
export type FieldProblem = { key: PasswordChangeErrorKey; params?: Record<string, string> } | { message: string };

export type PasswordChangeErrors = Partial<Record<PasswordChangeField, FieldProblem>>;

export const EMPTY_PASSWORD_CHANGE: PasswordChangeState = { currentPassword: '', newPassword: '', confirmation: '' };

/** The unmet rules of a password as one phrase, in the order core lists them: "ít nhất 10 ký tự; …". */
export function describeUnmetRules(password: string, locale: Locale): string {
  return unmetPasswordRules(password)
    .map((rule) => rule.text[locale])
    .join('; ');
}

export function validatePasswordChange(state: PasswordChangeState, locale: Locale): PasswordChangeErrors {
  const errors: PasswordChangeErrors = {};
  if (state.currentPassword === '') errors.currentPassword = { key: 'errorRequired' };
  if (state.newPassword === '') errors.newPassword = { key: 'errorRequired' };
  else if (unmetPasswordRules(state.newPassword).length > 0) {
    errors.newPassword = { key: 'errorWeak', params: { rules: describeUnmetRules(state.newPassword, locale) } };
  } else if (state.newPassword === state.currentPassword) errors.newPassword = { key: 'errorSameAsCurrent' };
  if (state.confirmation === '') errors.confirmation = { key: 'errorConfirmRequired' };
  else if (state.confirmation !== state.newPassword) errors.confirmation = { key: 'errorMismatch' };
  return errors;
}

export function hasErrors(errors: PasswordChangeErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The server's refusals that belong to one field; anything else (a lost connection, a 500) is shown above the form. */
const FIELD_OF_CODE: Readonly<Record<string, PasswordChangeField>> = {
  'auth.wrong-current-password': 'currentPassword',
  'auth.weak-password': 'newPassword',
  'auth.password-unchanged': 'newPassword',
};

export function fieldErrorsFromServer(error: unknown): PasswordChangeErrors | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const field = FIELD_OF_CODE[error.code];
  if (!field) return undefined;
  // ApiError has already made the message a sentence (shared/format's startSentence).
  return { [field]: { message: error.message } };
}

export interface RuleStatus {
  id: PasswordRuleId;
  text: string;
  met: boolean;
}

/** Every rule with whether the password typed so far meets it, for the list shown above the fields. */
export function ruleChecklist(password: string, locale: Locale): RuleStatus[] {
  return PASSWORD_RULES.map((rule) => ({ id: rule.id, text: rule.text[locale], met: rule.isMet(password) }));
}
