/**
 * The password rules of every account, in one place: the server refuses a password that breaks one
 * (`auth.weak-password`), and the web app states them up front and checks them while the user types,
 * from this same list. Minimum rules a council member can remember: 10 characters or more, not all
 * of one kind (NIST SP 800-63B prefers length over composition; two kinds keeps out "aaaaaaaaaa"
 * and "1234567890").
 */
import type { Locale } from '../errors/problem.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_MIN_CHARACTER_KINDS = 2;

/**
 * Lower case, upper case, digits, anything else. A Vietnamese letter with a diacritic (ă, ê, ơ…)
 * counts as "anything else", as a punctuation mark or a symbol does.
 */
const CHARACTER_KINDS: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

export function countCharacterKinds(password: string): number {
  return CHARACTER_KINDS.filter((pattern) => pattern.test(password)).length;
}

export type PasswordRuleId = 'min-length' | 'character-kinds' | 'max-length';

export interface PasswordRule {
  id: PasswordRuleId;
  /** What the password needs, to follow "cần …" / "needs …" or to stand alone in a list. */
  text: Readonly<Record<Locale, string>>;
  isMet: (password: string) => boolean;
}

/** In the order a form lists them and the server reports the first one broken. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  {
    id: 'min-length',
    text: { vi: `ít nhất ${PASSWORD_MIN_LENGTH} ký tự`, en: `at least ${PASSWORD_MIN_LENGTH} characters` },
    isMet: (password) => password.length >= PASSWORD_MIN_LENGTH,
  },
  {
    id: 'character-kinds',
    text: {
      vi: 'ít nhất hai trong bốn loại ký tự: chữ thường, chữ hoa, chữ số, ký tự khác (ký hiệu, dấu câu, chữ có dấu)',
      en: 'at least two of four kinds of characters: lower case, upper case, digits, others (symbols, punctuation, accented letters)',
    },
    isMet: (password) => countCharacterKinds(password) >= PASSWORD_MIN_CHARACTER_KINDS,
  },
  {
    id: 'max-length',
    text: { vi: `không quá ${PASSWORD_MAX_LENGTH} ký tự`, en: `at most ${PASSWORD_MAX_LENGTH} characters` },
    isMet: (password) => password.length <= PASSWORD_MAX_LENGTH,
  },
];

/** The rules `password` breaks, in the order of PASSWORD_RULES; empty when it is strong enough. */
export function unmetPasswordRules(password: string): PasswordRule[] {
  return PASSWORD_RULES.filter((rule) => !rule.isMet(password));
}
