import type { LocalizedText } from '../errors/problem.js';
import type { MethodPart, ScoringMethod } from '../frameworks/framework-model.js';
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
    case 'ratio':
      return scoreRatio(method, text, maxPoints);
    case 'thresholds': {
      const count = parseLocaleNumber(text);
      // "không" is the absent answer; a count of 0 is a count.
      if (method.absentLabel !== undefined && !Number.isFinite(count) && parseYesNo(text) === false) return { points: 0 };
      if (!Number.isFinite(count)) {
        return method.absentLabel === undefined
          ? { expected: { vi: 'một số (ví dụ 4)', en: 'a number (e.g. 4)' } }
          : {
              expected: {
                vi: `một số (ví dụ 4) hoặc "không" (${method.absentLabel})`,
                en: `a number (e.g. 4) or "no" (${method.absentLabel})`,
              },
            };
      }
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
    case 'parts':
      return scoreParts(method.parts, text);
  }
}

/** Rounding slack when a typed ratio meets a threshold: 75/100 is at 0,75, 74,9999999/100 is not. */
const EPSILON = 1e-9;

const RATIO_EXPECTED: LocalizedText = {
  vi: 'a/b (12/15), tỷ lệ 0–1 (0,8) hoặc phần trăm (80%)',
  en: 'a/b (12/15), a 0–1 ratio (0.8) or a percentage (80%)',
};

/**
 * A ratio's points from its typed value: "a/b", a percent or a 0–1 ratio, or — for a ratio of sums —
 * each named figure ("a=1000; b=300; c=450", or the figures in order "1000; 300; 450").
 */
function scoreRatio(method: Extract<ScoringMethod, { type: 'ratio' }>, text: string, maxPoints: number): RawValueOutcome {
  let ratio: { numerator: number; denominator: number } | undefined;
  if (method.inputs && method.inputs.length > 0 && text.includes(';') === false && !text.includes('=')) {
    ratio = readRatio(text);
    if (ratio === undefined) return { expected: ratioOfSumsExpected(method) };
  } else if (method.inputs && method.inputs.length > 0) {
    const figures = readNamedFigures(method.inputs, text);
    if (figures === undefined) return { expected: ratioOfSumsExpected(method) };
    const sum = (codes: readonly string[] | undefined) =>
      (codes ?? []).reduce((total, code) => total + (figures.get(code) ?? 0), 0);
    ratio = { numerator: sum(method.numerator), denominator: sum(method.denominator) };
    if (!method.allowOver100 && ratio.numerator > ratio.denominator * (1 + EPSILON)) {
      return {
        expected: {
          vi: `tử số (${(method.numerator ?? []).join(' + ')}) không lớn hơn mẫu số (${(method.denominator ?? []).join(' + ')})`,
          en: `a numerator (${(method.numerator ?? []).join(' + ')}) no larger than the denominator (${(method.denominator ?? []).join(' + ')})`,
        },
      };
    }
  } else {
    ratio = readRatio(text);
    if (ratio === undefined) return { expected: RATIO_EXPECTED };
  }
  return ratioPoints(method, ratio.numerator, ratio.denominator, maxPoints);
}

function ratioOfSumsExpected(method: Extract<ScoringMethod, { type: 'ratio' }>): LocalizedText {
  const example = (method.inputs ?? []).map((input, index) => `${input.code}=${(index + 1) * 10}`).join('; ');
  return {
    vi: `từng số liệu (${example}) hoặc tỷ lệ phần trăm (74%)`,
    en: `each figure (${example}) or the ratio as a percentage (74%)`,
  };
}

/**
 * Points of a ratio numerator ÷ denominator under the method's rules, in this order: nothing counted,
 * zero below the floor, full marks at the threshold, else ratio ÷ target × max capped at max.
 */
export function ratioPoints(
  method: Omit<Extract<ScoringMethod, { type: 'ratio' }>, 'inputs' | 'numerator' | 'denominator'>,
  numerator: number,
  denominator: number,
  maxPoints: number,
): RawValueOutcome {
  if (denominator === 0) {
    if (method.whenNoneCounted === 'full') return { points: maxPoints };
    return {
      expected: {
        vi: 'mẫu số khác 0 — nếu không có đối tượng để tính, hãy đánh dấu "không đánh giá"',
        en: 'a denominator other than 0 — if there is nothing to count, mark the indicator not assessed',
      },
    };
  }
  // Compared by multiplying, so 75/100 meets 0,75 exactly.
  const atLeast = (threshold: number) => numerator >= threshold * denominator * (1 - EPSILON);
  if (method.zeroBelow !== undefined && !atLeast(method.zeroBelow)) return { points: 0 };
  if (method.fullAt !== undefined && atLeast(method.fullAt)) return { points: maxPoints };
  // "Triển khai được bao nhiêu tính điểm bấy nhiêu", never above the maximum. Multiplying before
  // dividing keeps 12/15 of 20 at exactly 16 points, not 15.999….
  const points = (numerator * maxPoints) / (denominator * (method.target ?? 1));
  return { points: Math.min(points, maxPoints) };
}

/**
 * "code=value; code=value" or the values in order separated by ";" — one entry for each of `items`
 * (codes matched without case). Undefined when an entry is missing, unknown or given twice.
 */
export function splitEntries(items: readonly { code: string }[], text: string): Map<string, string> | undefined {
  const entries = text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry, index, all) => entry !== '' || index < all.length - 1);
  if (entries.length !== items.length) return undefined;
  const result = new Map<string, string>();
  const named = entries.every((entry) => entry.includes('='));
  for (const [index, entry] of entries.entries()) {
    if (named) {
      const equals = entry.indexOf('=');
      const key = entry.slice(0, equals).trim().toLowerCase();
      const item = items.find((candidate) => candidate.code.toLowerCase() === key);
      if (!item || result.has(item.code)) return undefined;
      result.set(item.code, entry.slice(equals + 1).trim());
    } else {
      if (entry.includes('=')) return undefined;
      result.set((items[index] as { code: string }).code, entry);
    }
  }
  return result;
}

/** Each named figure of a ratio of sums as a number ≥ 0. */
function readNamedFigures(inputs: readonly { code: string }[], text: string): Map<string, number> | undefined {
  const entries = splitEntries(inputs, text);
  if (!entries) return undefined;
  const figures = new Map<string, number>();
  for (const [code, entry] of entries) {
    const number = parseLocaleNumber(entry);
    if (!Number.isFinite(number) || number < 0) return undefined;
    figures.set(code, number);
  }
  return figures;
}

/** The parts' points added up; every part must be answered ("đúng hạn; trễ hạn; đúng hạn; không"). */
function scoreParts(parts: readonly MethodPart[], text: string): RawValueOutcome {
  const expected: LocalizedText = {
    vi: `${parts.length} phần cách nhau bởi ";" (${parts.map((part) => `${part.code}=…`).join('; ')})`,
    en: `${parts.length} parts separated by ";" (${parts.map((part) => `${part.code}=…`).join('; ')})`,
  };
  const entries = splitEntries(parts, text);
  if (!entries) return { expected };
  let total = 0;
  for (const part of parts) {
    const entry = entries.get(part.code) ?? '';
    const outcome = scoreRawValue(part.method, entry, part.points);
    if ('expected' in outcome) {
      return {
        expected: {
          vi: `${part.code} (${part.label}): ${outcome.expected.vi}`,
          en: `${part.code} (${part.label}): ${outcome.expected.en}`,
        },
      };
    }
    if (!('points' in outcome)) return { expected };
    if (part.method.type === 'ratio' && !part.method.allowOver100) {
      const ratio = readRatio(entry);
      if (ratio && ratio.numerator > ratio.denominator * (1 + EPSILON)) {
        return {
          expected: {
            vi: `${part.code}: tử số không lớn hơn mẫu số`,
            en: `${part.code}: a numerator no larger than the denominator`,
          },
        };
      }
    }
    total += Math.min(Math.max(outcome.points, 0), part.points);
  }
  return { points: total };
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
