import { formatMessage, type Locale, type Problem, readAnswer, samePoints } from '@opendti/core/answers';
import { parseLocaleNumber } from '@opendti/core/format';
import { parseYesNo } from '@opendti/core/scoring-methods';
import { removeDiacritics } from '@opendti/core/text';
import type { AnswerContent, StoredAnswer } from './autosave-machine';
import { type AnswerItem, answerNodeOf, type ItemMethod } from './framework-items';

/**
 * The form fields of each scoring method, and their conversion to and from the answer's `value`
 * text — the raw input the server scores with core's `scoreRawValue` ("có", "12/15", "80%", "4",
 * an option code, points). Numbers are written in JavaScript notation ("7.5"), which core reads
 * whatever the language.
 */
export type MethodInput =
  | { kind: 'yesNo'; answer: boolean | null }
  | { kind: 'ratio'; mode: 'fraction' | 'percent'; numerator: number | null; denominator: number | null; percent: number | null }
  | { kind: 'count'; count: number | null }
  | { kind: 'option'; code: string | null }
  | { kind: 'points'; points: number | null }
  | { kind: 'mainIndexValue'; value: number | null }
  /** Parts ("Q1=đúng hạn; Q2=trễ hạn; …"), named figures ("a=1000; b=300; c=450", or "74%"), or a count or "không": typed as text, read by core. */
  | { kind: 'entries'; text: string };

export type InputKind = MethodInput['kind'];

export function inputKindOf(method: ItemMethod): InputKind {
  switch (method.type) {
    case 'yesNo':
      return 'yesNo';
    case 'ratio':
      return method.inputs && method.inputs.length > 0 ? 'entries' : 'ratio';
    case 'parts':
      return 'entries';
    case 'thresholds':
      if (method.absentLabel !== undefined) return 'entries';
      return 'count';
    case 'relativeToBest':
    case 'minMax':
      return 'count';
    case 'options':
      return 'option';
    case 'direct':
      return 'points';
    case 'mainIndexValue':
      return 'mainIndexValue';
  }
}

const numberOrNull = (text: string): number | null => {
  const value = parseLocaleNumber(text);
  return Number.isFinite(value) ? value : null;
};

/** The form's fields for a stored value; `points` fills a direct method answered with points only. */
export function inputFromValue(method: ItemMethod, value: string | null, points: number | null = null): MethodInput {
  const text = value?.trim() ?? '';
  switch (inputKindOf(method)) {
    case 'entries':
      return { kind: 'entries', text };
    case 'yesNo':
      return { kind: 'yesNo', answer: text === '' ? null : (parseYesNo(text) ?? null) };
    case 'ratio': {
      const empty = { kind: 'ratio', numerator: null, denominator: null, percent: null } as const;
      if (text === '') return { ...empty, mode: 'fraction' };
      const slash = text.indexOf('/');
      if (slash >= 0) {
        return {
          ...empty,
          mode: 'fraction',
          numerator: numberOrNull(text.slice(0, slash)),
          denominator: numberOrNull(text.slice(slash + 1)),
        };
      }
      if (text.endsWith('%')) return { ...empty, mode: 'percent', percent: numberOrNull(text.slice(0, -1)) };
      const number = numberOrNull(text);
      // Core reads a bare number up to 1 as a ratio (0,8) and above 1 as a percentage (80).
      return { ...empty, mode: 'percent', percent: number === null ? null : number <= 1 ? roundTo(number * 100, 6) : number };
    }
    case 'count':
      return { kind: 'count', count: text === '' ? null : numberOrNull(text) };
    case 'option': {
      if (method.type !== 'options' || text === '') return { kind: 'option', code: null };
      const key = removeDiacritics(text.toLowerCase());
      const option = method.options.find(
        (candidate) => candidate.code.toLowerCase() === key || removeDiacritics(candidate.label.toLowerCase()) === key,
      );
      return { kind: 'option', code: option?.code ?? null };
    }
    case 'points':
      return { kind: 'points', points: text === '' ? points : numberOrNull(text) };
    case 'mainIndexValue':
      return { kind: 'mainIndexValue', value: text === '' ? points : numberOrNull(text) };
  }
}

const write = (value: number | null): string => (value === null ? '' : String(value));

/** The value text for the form's fields; a half-filled ratio ("12/") is kept so nothing typed is lost. */
export function valueFromInput(input: MethodInput): string | null {
  switch (input.kind) {
    case 'yesNo':
      return input.answer === null ? null : input.answer ? 'có' : 'không';
    case 'ratio':
      if (input.mode === 'percent') return input.percent === null ? null : `${write(input.percent)}%`;
      return input.numerator === null && input.denominator === null
        ? null
        : `${write(input.numerator)}/${write(input.denominator)}`;
    case 'count':
      return input.count === null ? null : write(input.count);
    case 'option':
      return input.code;
    case 'points':
      return input.points === null ? null : write(input.points);
    case 'mainIndexValue':
      return input.value === null ? null : write(input.value);
    case 'entries':
      return input.text.trim() === '' ? null : input.text;
  }
}

/**
 * What keeps the fields from being saved: core's first problem with the value they write and the
 * points typed over it (`readAnswer`, the rule the save route and the offline import run), so the
 * field says what the server would say — the limit it breaks, in the reader's language.
 */
export function inputProblem(item: AnswerItem, input: MethodInput, points: number | null = null): Problem | null {
  const reading = readAnswer(answerNodeOf(item), { value: valueFromInput(input), points });
  return 'problems' in reading ? (reading.problems[0] ?? null) : null;
}

/** What the answer as a whole lacks: a "not assessed" needs its reason (seed 001), by the same rule. */
export function contentProblem(item: AnswerItem, content: AnswerContent): Problem | null {
  if (!content.notAssessed) return null;
  const reading = readAnswer(answerNodeOf(item), content);
  return 'problems' in reading ? (reading.problems[0] ?? null) : null;
}

/** Core's message for the field, as a sentence ("Điểm 12 vượt …"). */
export function problemMessage(problem: Problem, locale: Locale): string {
  const message = formatMessage(problem, locale);
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export type LivePoints =
  | { kind: 'none' }
  | { kind: 'notAssessed' }
  | { kind: 'points'; points: number }
  /** Relative to the best, min–max: scored only when every unit of the cohort has answered. */
  | { kind: 'cohort'; raw: number }
  | { kind: 'invalid' };

/**
 * The self points the server will compute for this content, exactly: core's `readAnswer`, which
 * the save route runs too. A main index stores its 0–1 value; the unit sees it as points out of
 * the maximum.
 */
export function livePoints(item: AnswerItem, content: AnswerContent): LivePoints {
  if (content.notAssessed) return { kind: 'notAssessed' };
  const reading = readAnswer(answerNodeOf(item), { value: content.value, points: content.points });
  if ('problems' in reading) return { kind: 'invalid' };
  const { selfPoints, rawNumber } = reading.answer;
  if (rawNumber !== null) return { kind: 'cohort', raw: rawNumber };
  if (selfPoints === null) return { kind: 'none' };
  if (item.level !== 'mainIndex') return { kind: 'points', points: selfPoints };
  return Number.isFinite(item.maxPoints) ? { kind: 'points', points: selfPoints * item.maxPoints } : { kind: 'invalid' };
}

/**
 * The content a stored answer stands for. Points stored over what the value gives (typed in the
 * spreadsheet's "Điểm tự đánh giá" column) are kept as an override, so that editing only the
 * explanation does not silently rescore the indicator.
 */
export function contentFromStored(item: AnswerItem | undefined, answer: StoredAnswer | null): AnswerContent {
  if (!answer) return { value: null, points: null, notAssessed: false, notAssessedReason: null, explanation: null };
  const base: AnswerContent = {
    value: answer.value,
    points: null,
    notAssessed: answer.notAssessed,
    notAssessedReason: answer.notAssessedReason,
    explanation: answer.explanation,
  };
  if (!item || answer.notAssessed || answer.selfPoints === null) return base;
  if (answer.value === null) {
    // Points (or a main index's value) typed without a raw value: the points field holds them.
    if (item.method.type === 'direct') return { ...base, value: String(answer.selfPoints) };
    if (item.method.type === 'mainIndexValue') return { ...base, value: String(answer.selfPoints) };
    return { ...base, points: answer.selfPoints };
  }
  const computed = livePoints(item, base);
  if (item.method.type !== 'mainIndexValue' && computed.kind === 'points' && !samePoints(computed.points, answer.selfPoints)) {
    return { ...base, points: answer.selfPoints };
  }
  return base;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
