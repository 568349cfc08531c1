import type { LocalizedText, Problem } from '../errors/problem.js';
import type { CompiledNode } from '../frameworks/framework-model.js';
import { parseLocaleNumber } from './parse-number.js';
import { readRatio, scoreRawValue } from './scoring-methods.js';

// The web shows core's problem at the field, in the reader's language, exactly as the server words it.
export { formatMessage, type Locale, type Problem } from '../errors/problem.js';
// The web builds answer nodes from the framework document, with the maximum compiling gives them.
export { nodeMaximum } from '../frameworks/node-maximum.js';

/**
 * The rules of one answer, once: the web's live points, the save route, the spreadsheet import,
 * the council's adjusted points and the score-table reader all read an answer here, so a value
 * that one of them accepts none of the others refuses, and every refusal is an `input.*` problem
 * whose message names the indicator in Vietnamese and English.
 *
 * The maximum is the compiled node's `maxPoints`: compiling a weighted-mean framework already sets
 * an indicator's maximum to the framework's scale, so no caller works it out again.
 */

/** What of a compiled node the rules read; the web builds it from the framework document. */
export type AnswerNode = Pick<CompiledNode, 'code' | 'level' | 'maxPoints' | 'method' | 'pointsStep'>;

export interface AnswerFields {
  /** The method's raw input ("có", "12/15", "4", an option code) or, for a main index, its 0–1 value. */
  value?: string | null;
  /** Points typed directly: a direct method, or the unit's own judgement over what the value gives. */
  points?: number | null;
  notAssessed?: boolean;
  notAssessedReason?: string | null;
}

/**
 * What an answer stands for. `selfPoints` is points for an indicator and the 0–1 value for a main
 * index (how the engine takes supplied main-index values); `rawNumber` is the raw input of a
 * cohort-relative method, scored only when the whole cohort has answered; `value` is the raw input
 * as typed, stored so the form and the spreadsheet show it again.
 */
export interface ReadAnswer {
  selfPoints: number | null;
  rawNumber: number | null;
  value: string | null;
}

export type AnswerReading = { answer: ReadAnswer } | { problems: Problem[] };

/** Rounding slack: 12/15 of 20 is 16, not 16.000000000000004 above a maximum of 16. */
const EPSILON = 1e-9;

/**
 * Reads one answer for `node`. A "không đánh giá" needs its reason (seed 001); typed points must lie
 * within 0 … maximum and take precedence over what the value gives; a value must fit the method
 * (or be a 0–1 value for a main index) even beside typed points, so nothing unreadable is stored.
 */
export function readAnswer(node: AnswerNode, input: AnswerFields): AnswerReading {
  const value = input.value ?? null;
  if (input.notAssessed) {
    if (!input.notAssessedReason?.trim()) {
      return {
        problems: [
          {
            code: 'workflow.reason-required',
            params: {
              action: `đánh dấu chỉ số ${node.code} là "không đánh giá"`,
              actionEn: `mark indicator ${node.code} as not assessed`,
            },
          },
        ],
      };
    }
    return { answer: { selfPoints: null, rawNumber: null, value } };
  }
  let typed: number | null = null;
  if (input.points !== undefined && input.points !== null) {
    const points = readPoints(node, input.points);
    if ('problems' in points) return points;
    typed = points.points;
  }
  const read = value === null || value.trim() === '' ? { points: null, raw: null } : readValue(node, value);
  if ('problems' in read) return read;
  if (node.level !== 'indicator') {
    // A main index answered with points stores its 0–1 value, as the Ministry publishes it.
    const selfPoints = typed === null ? read.points : node.maxPoints > 0 ? typed / node.maxPoints : null;
    return { answer: { selfPoints, rawNumber: null, value } };
  }
  if (typed !== null) return { answer: { selfPoints: typed, rawNumber: null, value } };
  return { answer: { selfPoints: read.points, rawNumber: read.raw, value } };
}

/**
 * Points for `node` — typed by the unit, or adjusted by the council — within 0 … its maximum and, when
 * the indicator declares a step, on it. Text is read the way clerks type numbers ("7,5"); the problem
 * writes the number as the reader's language does (7,5 / 7.5), and unreadable text as typed.
 */
export function readPoints(node: AnswerNode, points: number | string): { points: number } | { problems: Problem[] } {
  const number = typeof points === 'number' ? points : parseLocaleNumber(points);
  if (!Number.isFinite(number)) return { problems: [{ code: 'input.not-a-number', params: { value: String(points).trim() } }] };
  const shown = printed(number);
  if (number < 0) return { problems: [{ code: 'input.negative-points', params: { points: shown, indicator: node.code } }] };
  if (Number.isFinite(node.maxPoints) && number > node.maxPoints + EPSILON) {
    return {
      problems: [
        { code: 'input.points-above-max', params: { points: shown, max: printed(node.maxPoints), indicator: node.code } },
      ],
    };
  }
  const step = node.pointsStep;
  if (step !== undefined && step > 0) {
    const steps = number / step;
    // Relative slack: 0,3 is 3 × 0,1 although 0.3 / 0.1 is 2.9999999999999996 in binary.
    if (Math.abs(steps - Math.round(steps)) > EPSILON * Math.max(1, Math.abs(steps))) {
      const below = Math.floor(steps) * step;
      const above = Math.min((Math.floor(steps) + 1) * step, node.maxPoints);
      return {
        problems: [
          {
            code: 'input.points-off-step',
            params: { points: shown, step: printed(step), below: printed(below), above: printed(above), indicator: node.code },
          },
        ],
      };
    }
  }
  return { points: number };
}

/**
 * A number as each language writes it in a message: 7,5 and 7.5; 0.30000000000000004 reads 0,3.
 * No grouping: points and counts in these messages are short.
 */
function printed(value: number): LocalizedText {
  const text = String(Math.round(value * 1e9) / 1e9);
  return { vi: text.replace('.', ','), en: text };
}

/** A negative number among the parts of a raw input ("-3", "-2/5", "-10%"), quoted by the problem. */
function hasNegativePart(value: string): boolean {
  return value
    .split('/')
    .map((part) => parseLocaleNumber(part.trim().replace(/%$/, '')))
    .some((number) => Number.isFinite(number) && number < 0);
}

/**
 * A non-empty value: an indicator's raw input scored by its method (points, or a raw number for a
 * cohort-relative method), or the 0–1 value of a main index or group (0,3750 or 37,5%).
 */
export function readValue(
  node: AnswerNode,
  value: string,
): { points: number; raw: null } | { points: null; raw: number } | { problems: Problem[] } {
  if (node.level !== 'indicator') {
    const number = parseLocaleNumber(value);
    if (!Number.isFinite(number) || number < 0 || number > 1 + EPSILON) {
      const kind = node.level === 'group' ? { vi: 'nhóm chỉ số', en: 'group' } : { vi: 'chỉ số chính', en: 'main index' };
      return {
        problems: [{ code: 'input.value-level', params: { indicator: node.code, kind: kind.vi, kindEn: kind.en, value } }],
      };
    }
    return { points: number, raw: null };
  }
  const method = node.method ?? { type: 'direct' as const };
  // Points typed as the value: the bounds and step of typed points, quoted as typed.
  if (method.type === 'direct' && Number.isFinite(parseLocaleNumber(value))) {
    const typed = readPoints(node, value);
    return 'problems' in typed ? typed : { points: typed.points, raw: null };
  }
  // A count, a share or a cohort figure below zero is a typing error (min–max may compare negative figures).
  if ((method.type === 'ratio' || method.type === 'thresholds' || method.type === 'relativeToBest') && hasNegativePart(value)) {
    return { problems: [{ code: 'input.negative-value', params: { value, indicator: node.code } }] };
  }
  if (method.type === 'ratio' && !method.allowOver100) {
    const ratio = readRatio(value);
    if (ratio && ratio.denominator > 0 && ratio.numerator > ratio.denominator * (1 + EPSILON)) {
      return {
        problems: [
          {
            code: 'input.ratio-above-one',
            params: { value, indicator: node.code, numerator: printed(ratio.numerator), denominator: printed(ratio.denominator) },
          },
        ],
      };
    }
  }
  const outcome = scoreRawValue(method, value, node.maxPoints);
  if ('expected' in outcome) {
    return {
      problems: [
        { code: 'input.bad-value', params: { value, indicator: node.code, method: method.type, expected: outcome.expected } },
      ],
    };
  }
  if ('raw' in outcome) return { points: null, raw: outcome.raw };
  return { points: outcome.points, raw: null };
}

/** Two stored points are the same answer when they differ by rounding only (null only equals null). */
export function samePoints(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < EPSILON;
}
