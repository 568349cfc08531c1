import { describe, expect, it } from 'vitest';
import { countCharacterKinds, PASSWORD_RULES, unmetPasswordRules } from './password-rules.js';

describe('password rules', () => {
  it.each([
    ['Mat-khau-2024!', []],
    ['abcdefghij1', []],
    ['mậtkhẩuđủdài', []], // letters with diacritics are a kind of their own
    ['Ngan-1', ['min-length']],
    ['chicochuthuongthoi', ['character-kinds']],
    ['1234567890', ['character-kinds']],
    ['ngan', ['min-length', 'character-kinds']],
    [`Aa${'x'.repeat(199)}`, ['max-length']],
    ['', ['min-length', 'character-kinds']],
  ])('%j breaks %j', (password, broken) => {
    expect(unmetPasswordRules(password).map((rule) => rule.id)).toEqual(broken);
  });

  it('counts lower case, upper case, digits and everything else', () => {
    expect([
      countCharacterKinds('abc'),
      countCharacterKinds('aB'),
      countCharacterKinds('aB3'),
      countCharacterKinds('aB3 '),
    ]).toEqual([1, 2, 3, 4]);
  });

  it('states every rule in Vietnamese and English', () => {
    for (const rule of PASSWORD_RULES) {
      expect(rule.text.vi.length).toBeGreaterThan(5);
      expect(rule.text.en.length).toBeGreaterThan(5);
    }
  });
});
