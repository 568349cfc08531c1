import { unmetPasswordRules } from '@opendti/core/password-rules';
import { SCOPED_ROLES, UNIT_ROLES } from '../../shared/labels';
import type { FrameworkDocument, Role } from './admin-records';

/**
 * The account form's rules, as the server applies them, checked while typing: a username of plain
 * letters, digits and . _ -; a unit for a unit's reporter and leader and none for anyone else;
 * assigned main indices or indicators only for appraisers (seed 001 assigns indicators to the
 * departments competent for them; none means every indicator).
 */
export interface UserFormState {
  username: string;
  displayName: string;
  role: Role | '';
  unitId: string | null;
  assignedScopes: string[];
  /** Where notifications are e-mailed; empty: in the app only. */
  email: string;
}

export type UserFormErrorKey =
  | 'errorRequired'
  | 'errorUsernameFormat'
  | 'errorUnitRequired'
  | 'errorEmailFormat'
  | 'errorPasswordShort'
  | 'errorPasswordKinds';

export type UserFormErrors = Partial<
  Record<'username' | 'displayName' | 'role' | 'unitId' | 'password' | 'email', UserFormErrorKey>
>;

const USERNAME = /^[A-Za-z0-9._-]{3,60}$/;
/** What the server's `email` format accepts, in short: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateUserForm(state: UserFormState, mode: 'create' | 'edit'): UserFormErrors {
  const errors: UserFormErrors = {};
  if (mode === 'create') {
    if (state.username.trim() === '') errors.username = 'errorRequired';
    else if (!USERNAME.test(state.username.trim())) errors.username = 'errorUsernameFormat';
  }
  if (state.displayName.trim() === '') errors.displayName = 'errorRequired';
  if (state.role === '') errors.role = 'errorRequired';
  else if (UNIT_ROLES.includes(state.role) && !state.unitId) errors.unitId = 'errorUnitRequired';
  if (state.email.trim() !== '' && !EMAIL.test(state.email.trim())) errors.email = 'errorEmailFormat';
  return errors;
}

/** The request body for the role: a unit only for unit roles, scopes only for appraisers. */
export function userPayload(state: UserFormState) {
  const role = state.role as Role;
  return {
    displayName: state.displayName.trim(),
    role,
    unitId: UNIT_ROLES.includes(role) ? state.unitId : null,
    assignedScopes: SCOPED_ROLES.includes(role) ? state.assignedScopes : [],
    email: state.email.trim() === '' ? null : state.email.trim(),
  };
}

/** The server's rules for passwords, from core: 10 characters or more, at least two kinds (lower, upper, digit, other). */
export function passwordProblem(password: string): UserFormErrorKey | undefined {
  const [broken] = unmetPasswordRules(password);
  if (!broken) return undefined;
  return broken.id === 'character-kinds' ? 'errorPasswordKinds' : 'errorPasswordShort';
}

// No 0/O, 1/l/I: the temporary password is read aloud or copied from a screen.
const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/**
 * A temporary password of 14 characters with lower case, upper case and digits, drawn from the
 * browser's cryptographic generator. The user must change it at the next sign-in.
 */
export function generateTemporaryPassword(
  randomValues: (array: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer> = (array) => crypto.getRandomValues(array),
): string {
  const all = LOWER + UPPER + DIGITS;
  const random = randomValues(new Uint32Array(14));
  const pick = (alphabet: string, index: number) => alphabet[(random[index] ?? 0) % alphabet.length] as string;
  const characters = Array.from({ length: 14 }, (_, index) => pick(all, index));
  // One of each kind at fixed, random-chosen places, so the rule always holds.
  characters[(random[0] ?? 0) % 4] = pick(LOWER, 1);
  characters[4 + ((random[1] ?? 0) % 5)] = pick(UPPER, 2);
  characters[9 + ((random[2] ?? 0) % 5)] = pick(DIGITS, 3);
  return characters.join('');
}

export interface ScopeOption {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * What an appraiser can be assigned to in a framework: each main index (all its indicators) or
 * single indicators, grouped under their main index for the picker.
 */
export function scopeOptions(document: FrameworkDocument, mainIndexLabel: string): ScopeOption[] {
  return document.mainIndices.map((mainIndex) => ({
    group: `${mainIndex.code}. ${mainIndex.name}`,
    items: [
      { value: mainIndex.code, label: `${mainIndex.code} — ${mainIndexLabel}: ${mainIndex.name}` },
      ...mainIndex.indicators.map((indicator) => ({ value: indicator.code, label: `${indicator.code} — ${indicator.name}` })),
    ],
  }));
}
