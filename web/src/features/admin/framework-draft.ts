import type {
  FrameworkDocument,
  GroupDefinition,
  IndicatorDefinition,
  MainIndexDefinition,
  ScoringMethod,
  ScoringMethodType,
} from '@opendti/core';
import { parseLocaleNumber } from '@opendti/core/format';

/**
 * A framework being edited in the browser: names, points and scoring methods, with numbers kept as
 * the text the user types (decimal comma: 2,5). `readDraft` checks it with the rules core applies
 * on the server — names present, indicators adding up to their main index, main indices to the
 * framework, threshold steps and options within the indicator's maximum — and says, for each
 * problem, which code it is about, so the page can point at the field before the server is asked.
 */

export interface MethodDraft {
  type: ScoringMethodType;
  /** Ratio: the share (in %) that earns full marks; empty for 100%. */
  targetPercent: string;
  steps: { atLeast: string; points: string }[];
  options: { code: string; label: string; points: string }[];
  direction: 1 | -1;
}

export interface IndicatorDraft {
  code: string;
  name: string;
  maxPoints: string;
  method: MethodDraft;
  source: IndicatorDefinition;
}

export interface MainIndexDraft {
  code: string;
  name: string;
  maxPoints: string;
  indicators: IndicatorDraft[];
  source: MainIndexDefinition;
}

export interface GroupDraft {
  code: string;
  name: string;
  source: GroupDefinition;
}

export interface FrameworkDraft {
  name: string;
  maxPoints: string;
  groups: GroupDraft[];
  mainIndices: MainIndexDraft[];
  source: FrameworkDocument;
}

export type IssueKey =
  | 'issueNameRequired'
  | 'issueNotANumber'
  | 'issueNegative'
  | 'issueMaxRequired'
  | 'issueTotalRequired'
  | 'issuePointsMismatch'
  | 'issueTotalMismatch'
  | 'issueMethodNeedsMax'
  | 'issueStepsRequired'
  | 'issueStepIncomplete'
  | 'issueStepAboveMax'
  | 'issueOptionsRequired'
  | 'issueOptionIncomplete'
  | 'issueOptionDuplicate'
  | 'issueOptionAboveMax'
  | 'issueTargetInvalid';

export interface DraftIssue {
  /** The node the problem is about: a group, main-index or indicator code; "" for the framework itself. */
  code: string;
  field: 'name' | 'maxPoints' | 'method';
  key: IssueKey;
  params: Record<string, string | number>;
}

type Locale = 'vi' | 'en';

/** 2.5 → "2,5" in Vietnamese: numbers for editing, without grouping or padding. */
export function editableNumber(value: number | undefined, locale: Locale): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const text = String(Math.round(value * 1e9) / 1e9);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

function methodDraft(method: ScoringMethod, locale: Locale): MethodDraft {
  return {
    type: method.type,
    targetPercent: method.type === 'ratio' && method.target !== undefined ? editableNumber(method.target * 100, locale) : '',
    steps:
      method.type === 'thresholds'
        ? method.steps.map((step) => ({
            atLeast: editableNumber(step.atLeast, locale),
            points: editableNumber(step.points, locale),
          }))
        : [],
    options:
      method.type === 'options'
        ? method.options.map((option) => ({
            code: option.code,
            label: option.label,
            points: editableNumber(option.points, locale),
          }))
        : [],
    direction: method.type === 'minMax' ? method.direction : 1,
  };
}

export function draftFromDocument(document: FrameworkDocument, locale: Locale): FrameworkDraft {
  return {
    name: document.name,
    maxPoints: editableNumber(document.maxPoints, locale),
    groups: (document.groups ?? []).map((group) => ({ code: group.code, name: group.name, source: group })),
    mainIndices: document.mainIndices.map((mainIndex) => ({
      code: mainIndex.code,
      name: mainIndex.name,
      maxPoints: editableNumber(mainIndex.maxPoints, locale),
      source: mainIndex,
      indicators: mainIndex.indicators.map((indicator) => ({
        code: indicator.code,
        name: indicator.name,
        maxPoints: editableNumber(indicator.maxPoints, locale),
        method: methodDraft(indicator.method, locale),
        source: indicator,
      })),
    })),
    source: document,
  };
}

/** A method draft switched to another type, with sensible starting parameters. */
export function switchMethodType(method: MethodDraft, type: ScoringMethodType, maxPoints: string): MethodDraft {
  const next: MethodDraft = { ...method, type };
  if (type === 'thresholds' && next.steps.length === 0) next.steps = [{ atLeast: '1', points: maxPoints }];
  if (type === 'options' && next.options.length === 0) next.options = [{ code: 'full', label: '', points: maxPoints }];
  return next;
}

/** Sum of the indicators' maxima, or undefined when one of them has none or cannot be read. */
export function indicatorSum(mainIndex: MainIndexDraft): number | undefined {
  let sum = 0;
  for (const indicator of mainIndex.indicators) {
    const value = parseLocaleNumber(indicator.maxPoints);
    if (indicator.maxPoints.trim() === '' || !Number.isFinite(value)) return undefined;
    sum += value;
  }
  return mainIndex.indicators.length > 0 ? round(sum) : undefined;
}

/** Sum of the main indices' maxima, or undefined when one of them has none or cannot be read. */
export function mainIndexSum(draft: FrameworkDraft): number | undefined {
  let sum = 0;
  for (const mainIndex of draft.mainIndices) {
    const value = parseLocaleNumber(mainIndex.maxPoints);
    if (mainIndex.maxPoints.trim() === '' || !Number.isFinite(value)) return undefined;
    sum += value;
  }
  return round(sum);
}

const TOLERANCE = 1e-9;

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Checks a draft and, when nothing is wrong, builds the framework document to send. Every other
 * field of the original document (legal basis, guidance, weights, pillars…) is kept as it was.
 */
export function readDraft(draft: FrameworkDraft, locale: Locale): { document?: FrameworkDocument; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const isSum = draft.source.aggregation === 'sum';
  const show = (value: number) => editableNumber(value, locale);
  const issue = (code: string, field: DraftIssue['field'], key: IssueKey, params: DraftIssue['params'] = {}) =>
    issues.push({ code, field, key, params: { code, ...params } });

  /** A points field: undefined when empty, NaN (with an issue) when unreadable or negative. */
  const points = (text: string, code: string, field: DraftIssue['field'], required: boolean): number | undefined => {
    if (text.trim() === '') {
      if (required) issue(code, field, code === '' ? 'issueTotalRequired' : 'issueMaxRequired');
      return undefined;
    }
    const value = parseLocaleNumber(text);
    if (!Number.isFinite(value)) {
      issue(code, field, 'issueNotANumber', { value: text });
      return Number.NaN;
    }
    if (value < 0) {
      issue(code, field, 'issueNegative', { value: text });
      return Number.NaN;
    }
    return value;
  };

  const name = (text: string, code: string) => {
    if (text.trim() === '') issue(code, 'name', 'issueNameRequired');
    return text.trim();
  };

  const method = (indicator: IndicatorDraft, max: number | undefined): ScoringMethod | undefined => {
    const draftMethod = indicator.method;
    const code = indicator.code;
    const needsMax = draftMethod.type === 'thresholds' || draftMethod.type === 'options';
    if (needsMax && max === undefined) issue(code, 'method', 'issueMethodNeedsMax');
    switch (draftMethod.type) {
      case 'ratio': {
        if (draftMethod.targetPercent.trim() === '') return { type: 'ratio' };
        const percent = parseLocaleNumber(draftMethod.targetPercent);
        if (!Number.isFinite(percent) || percent <= 0) {
          issue(code, 'method', 'issueTargetInvalid', { value: draftMethod.targetPercent });
          return undefined;
        }
        return percent === 100 ? { type: 'ratio' } : { type: 'ratio', target: round(percent / 100) };
      }
      case 'thresholds': {
        if (draftMethod.steps.length === 0) {
          issue(code, 'method', 'issueStepsRequired');
          return undefined;
        }
        const steps: { atLeast: number; points: number }[] = [];
        for (const [index, step] of draftMethod.steps.entries()) {
          if (step.atLeast.trim() === '' || step.points.trim() === '') {
            issue(code, 'method', 'issueStepIncomplete', { position: index + 1 });
            return undefined;
          }
          const atLeast = parseLocaleNumber(step.atLeast);
          const stepPoints = parseLocaleNumber(step.points);
          if (!Number.isFinite(atLeast) || !Number.isFinite(stepPoints)) {
            issue(code, 'method', 'issueNotANumber', { value: Number.isFinite(atLeast) ? step.points : step.atLeast });
            return undefined;
          }
          if (stepPoints < 0) {
            issue(code, 'method', 'issueNegative', { value: step.points });
            return undefined;
          }
          if (max !== undefined && Number.isFinite(max) && stepPoints > max + TOLERANCE) {
            issue(code, 'method', 'issueStepAboveMax', { atLeast: show(atLeast), points: show(stepPoints), max: show(max) });
          }
          steps.push({ atLeast, points: stepPoints });
        }
        return { type: 'thresholds', steps: steps.sort((a, b) => b.atLeast - a.atLeast) };
      }
      case 'options': {
        if (draftMethod.options.length === 0) {
          issue(code, 'method', 'issueOptionsRequired');
          return undefined;
        }
        const seen = new Set<string>();
        const options: { code: string; label: string; points: number }[] = [];
        for (const option of draftMethod.options) {
          const optionPoints = parseLocaleNumber(option.points);
          if (option.code.trim() === '' || option.label.trim() === '' || !Number.isFinite(optionPoints) || optionPoints < 0) {
            issue(code, 'method', 'issueOptionIncomplete', { option: option.code || '?' });
            return undefined;
          }
          if (seen.has(option.code.trim())) {
            issue(code, 'method', 'issueOptionDuplicate', { option: option.code.trim() });
            return undefined;
          }
          seen.add(option.code.trim());
          if (max !== undefined && Number.isFinite(max) && optionPoints > max + TOLERANCE) {
            issue(code, 'method', 'issueOptionAboveMax', {
              option: option.code.trim(),
              points: show(optionPoints),
              max: show(max),
            });
          }
          options.push({ code: option.code.trim(), label: option.label.trim(), points: optionPoints });
        }
        return { type: 'options', options };
      }
      case 'minMax':
        return { type: 'minMax', direction: draftMethod.direction };
      default:
        // A parts method is authored in the framework file; the editor keeps it only by not offering it.
        return { type: draftMethod.type as 'yesNo' | 'relativeToBest' | 'direct' };
    }
  };

  const frameworkName = name(draft.name, '');
  const total = points(draft.maxPoints, '', 'maxPoints', isSum);
  const groups = draft.groups.map((group) => ({ ...group.source, name: name(group.name, group.code) }));
  let totalOfMainIndices = 0;
  let everyMainIndexKnown = true;
  const mainIndices = draft.mainIndices.map((mainIndex): MainIndexDefinition => {
    const mainName = name(mainIndex.name, mainIndex.code);
    const mainMax = points(mainIndex.maxPoints, mainIndex.code, 'maxPoints', isSum);
    if (mainMax === undefined || Number.isNaN(mainMax)) everyMainIndexKnown = false;
    else totalOfMainIndices += mainMax;
    let sum = 0;
    let everyIndicatorKnown = mainIndex.indicators.length > 0;
    const indicators = mainIndex.indicators.map((indicator): IndicatorDefinition => {
      const indicatorName = name(indicator.name, indicator.code);
      const max = points(indicator.maxPoints, indicator.code, 'maxPoints', false);
      if (max === undefined || Number.isNaN(max)) everyIndicatorKnown = false;
      else sum += max;
      const { maxPoints: _previousMax, ...rest } = indicator.source;
      return {
        ...rest,
        name: indicatorName,
        ...(max !== undefined && !Number.isNaN(max) ? { maxPoints: max } : {}),
        method: method(indicator, max) ?? indicator.source.method,
      };
    });
    if (isSum && everyIndicatorKnown && mainMax !== undefined && !Number.isNaN(mainMax) && Math.abs(sum - mainMax) > TOLERANCE) {
      issue(mainIndex.code, 'maxPoints', 'issuePointsMismatch', { sum: show(round(sum)), max: show(mainMax) });
    }
    const { maxPoints: _previousMax, ...rest } = mainIndex.source;
    return {
      ...rest,
      name: mainName,
      ...(mainMax !== undefined && !Number.isNaN(mainMax) ? { maxPoints: mainMax } : {}),
      indicators,
    };
  });
  if (isSum && everyMainIndexKnown && total !== undefined && !Number.isNaN(total)) {
    if (Math.abs(totalOfMainIndices - total) > TOLERANCE) {
      issue('', 'maxPoints', 'issueTotalMismatch', { sum: show(round(totalOfMainIndices)), max: show(total) });
    }
  }
  if (issues.length > 0) return { issues };
  const { maxPoints: _previousTotal, ...rest } = draft.source;
  return {
    issues,
    document: {
      ...rest,
      name: frameworkName,
      ...(total !== undefined ? { maxPoints: total } : {}),
      ...(draft.source.groups ? { groups } : {}),
      mainIndices,
    },
  };
}
