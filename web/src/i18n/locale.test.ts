import { describe, expect, it } from 'vitest';
import { formatParam } from './locale';

describe('formatParam', () => {
  it.each([
    ['count', 1310, 'vi', '1.310'],
    ['count', 1310, 'en', '1,310'],
    ['points', 7.5, 'vi', '7,5'],
    ['count', 3, 'vi', '3'],
    // Names that are numbers stay as written.
    ['year', 2023, 'vi', '2023'],
    ['row', 1204, 'vi', '1204'],
    ['name', 'Sở Nội vụ', 'vi', 'Sở Nội vụ'],
  ] as const)('{%s}: %s (%s) → %s', (name, value, locale, text) => {
    expect(formatParam(name, value, locale)).toBe(text);
  });
});
