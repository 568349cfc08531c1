import type { Problem } from '../errors/problem.js';
import type { CompiledNode } from '../frameworks/framework-model.js';
import { parseLocaleNumber } from './parse-number.js';
import { scoreRawValue } from './scoring-methods.js';

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
export type AnswerNode = Pick<CompiledNode, 'code' | 'level' | 'maxPoints' | 'method'>;

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
 * Points for `node` — typed by the unit, or adjusted by the council — within 0 … its maximum. Text
 * is read the way clerks type numbers ("7,5"); the problem quotes it as typed.
 */
export function readPoints(node: AnswerNode, points: number | string): { points: number } | { problems: Problem[] } {
  const number = typeof points === 'number' ? points : parseLocaleNumber(points);
  const shown = typeof points === 'number' ? points : points.trim();
  if (!Number.isFinite(number)) return { problems: [{ code: 'input.not-a-number', params: { value: shown } }] };
  if (number < 0) return { problems: [{ code: 'input.negative-points', params: { points: shown, indicator: node.code } }] };
  if (Number.isFinite(node.maxPoints) && number > node.maxPoints + EPSILON) {
    return {
      problems: [{ code: 'input.points-above-max', params: { points: shown, max: node.maxPoints, indicator: node.code } }],
    };
  }
  return { points: number };
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
  const outcome = scoreRawValue(method, value, node.maxPoints);
  if ('expected' in outcome) {
    return {
      problems: [
        { code: 'input.bad-value', params: { value, indicator: node.code, method: method.type, expected: outcome.expected } },
      ],
    };
  }
  if ('raw' in outcome) return { points: null, raw: outcome.raw };
  // Only a direct method can give points outside 0 … maximum: the value is the points as typed.
  if (outcome.points < 0)
    return { problems: [{ code: 'input.negative-points', params: { points: value, indicator: node.code } }] };
  if (outcome.points > node.maxPoints + EPSILON) {
    return {
      problems: [{ code: 'input.points-above-max', params: { points: value, max: node.maxPoints, indicator: node.code } }],
    };
  }
  return { points: outcome.points, raw: null };
}

/** Two stored points are the same answer when they differ by rounding only (null only equals null). */
export function samePoints(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < EPSILON;
}
