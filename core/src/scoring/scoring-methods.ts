import type { LocalizedText } from '../errors/problem.js';
import type { ScoringMethod } from '../frameworks/framework-model.js';
import { removeDiacritics } from '../text/search-text.js';
import { parseLocaleNumber } from './parse-number.js';

/**
 * The outcome of reading one raw input for one indicator:
 * - `points`: methods that score a unit on its own (yes/no, ratio, thresholds, options, direct);
 * - `raw`: methods that need the whole cohort first (relative to best, min–max); the engine scores them;
 * - `expected`: the input does not fit; the text says what would, in both languages (it ends up in
 *   an `input.bad-value` message that the reader may ask for in English).
 */
export type RawValueOutcome = { points: number } | { raw: number } | { expected: LocalizedText };

const YES = new Set(['co', 'yes', 'y', 'x', '1', 'true', 'dat', 'da', 'ok']);
const NO = new Set(['khong', 'no', 'n', '0', 'false', 'chua', 'chua dat', 'khong dat']);

/** Reads "có", "Không", "x", "1", "true"… as a boolean; undefined when it is none of them. */
export function parseYesNo(text: string): boolean | undefined {
  const key = removeDiacritics(text.trim().toLowerCase());
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/** Scores the raw input of one indicator. `maxPoints` is the indicator's maximum. */
export function scoreRawValue(method: ScoringMethod, text: string, maxPoints: number): RawValueOutcome {
  switch (method.type) {
    case 'yesNo': {
      const answer = parseYesNo(text);
      return answer === undefined
        ? { expected: { vi: 'có/không (x, 1/0)', en: 'yes/no (có/không, x, 1/0)' } }
        : { points: answer ? maxPoints : 0 };
    }
    case 'ratio': {
      const ratio = readRatio(text);
      if (ratio === undefined)
        return {
          expected: {
            vi: 'a/b (12/15), tỷ lệ 0–1 (0,8) hoặc phần trăm (80%)',
            en: 'a/b (12/15), a 0–1 ratio (0.8) or a percentage (80%)',
          },
        };
      if (ratio.denominator === 0) {
        return {
          expected: {
            vi: 'mẫu số khác 0 — nếu không có đối tượng để tính, hãy đánh dấu "không đánh giá"',
            en: 'a denominator other than 0 — if there is nothing to count, mark the indicator not assessed',
          },
        };
      }
      // "Triển khai được bao nhiêu tính điểm bấy nhiêu", never above the maximum. Multiplying before
      // dividing keeps 12/15 of 20 at exactly 16 points, not 15.999….
      const points = (ratio.numerator * maxPoints) / (ratio.denominator * (method.target ?? 1));
      return { points: Math.min(points, maxPoints) };
    }
    case 'thresholds': {
      const count = parseLocaleNumber(text);
      if (!Number.isFinite(count)) return { expected: { vi: 'một số (ví dụ 4)', en: 'a number (e.g. 4)' } };
      // Steps are sorted highest first when the framework is loaded.
      const step = method.steps.find((candidate) => count >= candidate.atLeast);
      return { points: step ? step.points : 0 };
    }
    case 'options': {
      const key = removeDiacritics(text.trim().toLowerCase());
      const option = method.options.find(
        (candidate) => candidate.code.toLowerCase() === key || removeDiacritics(candidate.label.toLowerCase()) === key,
      );
      return option
        ? { points: option.points }
        : { expected: { vi: `một trong: ${codes(method.options)}`, en: `one of: ${codes(method.options)}` } };
    }
    case 'relativeToBest':
    case 'minMax': {
      const raw = parseLocaleNumber(text);
      return Number.isFinite(raw) ? { raw } : { expected: { vi: 'một số', en: 'a number' } };
    }
    case 'direct': {
      const points = parseLocaleNumber(text);
      return Number.isFinite(points)
        ? { points }
        : { expected: { vi: `điểm từ 0 đến ${maxPoints}`, en: `points from 0 to ${maxPoints}` } };
    }
  }
}

const codes = (options: readonly { code: string }[]): string => options.map((option) => option.code).join(', ');

/**
 * "12/15" → 0.8; "80%" → 0.8; "0,8" → 0.8. A ratio above 1 written as a percentage ("120%") is kept:
 * the caller caps the points. Returns NaN for a zero denominator and undefined for unreadable text.
 */
export function parseRatio(text: string): number | undefined {
  const ratio = readRatio(text);
  if (ratio === undefined) return undefined;
  return ratio.denominator === 0 ? Number.NaN : ratio.numerator / ratio.denominator;
}

/**
 * A ratio's parts as typed: "12/15" → 12 and 15; "80%" and a bare "80" → 80 of 100; "0,8" → 0.8 of 1.
 * Undefined for unreadable text or a negative part.
 */
export function readRatio(text: string): { numerator: number; denominator: number } | undefined {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const numerator = parseLocaleNumber(text.slice(0, slash));
    const denominator = parseLocaleNumber(text.slice(slash + 1));
    if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
      return undefined;
    }
    return { numerator, denominator };
  }
  const trimmed = text.trim();
  if (trimmed.endsWith('%')) {
    const percent = parseLocaleNumber(trimmed.slice(0, -1));
    return Number.isFinite(percent) && percent >= 0 ? { numerator: percent, denominator: 100 } : undefined;
  }
  const value = parseLocaleNumber(trimmed);
  if (!Number.isFinite(value) || value < 0) return undefined;
  // A bare number above 1 is a percentage typed without its sign ("80" → 80%), as clerks type it.
  return value > 1 ? { numerator: value, denominator: 100 } : { numerator: value, denominator: 1 };
}
