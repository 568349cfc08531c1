import { type AnswerNode, nodeMaximum } from '@opendti/core/answers';
import type { scoreRawValue } from '@opendti/core/scoring-methods';

/** Core's scoring method (how a raw input becomes points), as the framework document carries it. */
export type ScoringMethod = Parameters<typeof scoreRawValue>[0];

/** A main index answered by its published 0–1 value (national DTI 2022 publishes no indicator points). */
export interface MainIndexValueMethod {
  type: 'mainIndexValue';
}

export type ItemMethod = ScoringMethod | MainIndexValueMethod;

/** The part of the framework document (GET /frameworks/:id) the workspace reads. */
export interface FrameworkShape {
  aggregation: 'sum' | 'weightedMean';
  scale?: number;
  mainIndices: {
    code: string;
    name: string;
    nameEn?: string;
    maxPoints?: number;
    unscored?: boolean;
    indicators: {
      code: string;
      name: string;
      nameEn?: string;
      maxPoints?: number;
      method?: unknown;
      inputUnit?: string;
      numeratorLabel?: string;
      denominatorLabel?: string;
      pointsStep?: number;
      guidance?: string;
      evidence?: string;
      dataSource?: string;
    }[];
  }[];
}

/** One thing the unit answers: an indicator, or a main index scored from its value. */
export interface AnswerItem {
  code: string;
  name: string;
  nameEn?: string;
  level: 'indicator' | 'mainIndex';
  mainIndexCode: string;
  /** The maximum an answer is checked against (NaN when the framework publishes none). */
  maxPoints: number;
  method: ItemMethod;
  inputUnit?: string;
  /** What a ratio's a and b count, where the framework says. */
  numeratorLabel?: string;
  denominatorLabel?: string;
  /** Typed points are multiples of it (core refuses others). */
  pointsStep?: number;
  guidance?: string;
  evidence?: string;
  dataSource?: string;
}

export interface MainIndexGroup {
  code: string;
  name: string;
  nameEn?: string;
  maxPoints: number;
  items: AnswerItem[];
}

const METHOD_TYPES = new Set(['yesNo', 'ratio', 'thresholds', 'options', 'relativeToBest', 'minMax', 'direct']);

/** The document's method, normalised the way the server loads it (a bare string, or none = direct). */
export function toScoringMethod(raw: unknown): ScoringMethod {
  const method = typeof raw === 'string' ? { type: raw } : raw;
  if (typeof method !== 'object' || method === null) return { type: 'direct' };
  const type = (method as { type?: unknown }).type;
  if (typeof type !== 'string' || !METHOD_TYPES.has(type)) return { type: 'direct' };
  if (type === 'thresholds') {
    const steps = [...((method as { steps?: { atLeast: number; points: number }[] }).steps ?? [])];
    // Highest first, as core sorts them when it loads a framework.
    return { type, steps: steps.sort((a, b) => b.atLeast - a.atLeast) };
  }
  return method as ScoringMethod;
}

/**
 * What the unit answers, per main index and in framework order — the same list the server's
 * progress counts (answerableCodes): an unscored main index is skipped; a main index whose
 * indicators carry no points is answered as a whole. Maxima are core's `nodeMaximum`, as compiling
 * the framework gives them to the server (an indicator of a weighted-mean framework is out of the
 * scale, not "no points").
 */
export function answerGroups(framework: FrameworkShape): MainIndexGroup[] {
  const groups: MainIndexGroup[] = [];
  for (const mainIndex of framework.mainIndices) {
    if (mainIndex.unscored) continue;
    const maxPoints = nodeMaximum(framework, mainIndex.maxPoints);
    const group: MainIndexGroup = { code: mainIndex.code, name: mainIndex.name, maxPoints, items: [] };
    if (mainIndex.nameEn) group.nameEn = mainIndex.nameEn;
    const byValue =
      mainIndex.indicators.length === 0 ||
      mainIndex.indicators.some((indicator) => !Number.isFinite(nodeMaximum(framework, indicator.maxPoints)));
    if (byValue) {
      group.items.push({
        code: mainIndex.code,
        name: mainIndex.name,
        ...(mainIndex.nameEn ? { nameEn: mainIndex.nameEn } : {}),
        level: 'mainIndex',
        mainIndexCode: mainIndex.code,
        maxPoints,
        method: { type: 'mainIndexValue' },
      });
    } else {
      for (const indicator of mainIndex.indicators) {
        group.items.push({
          code: indicator.code,
          name: indicator.name,
          ...(indicator.nameEn ? { nameEn: indicator.nameEn } : {}),
          level: 'indicator',
          mainIndexCode: mainIndex.code,
          maxPoints: nodeMaximum(framework, indicator.maxPoints),
          method: toScoringMethod(indicator.method),
          ...(indicator.inputUnit ? { inputUnit: indicator.inputUnit } : {}),
          ...(indicator.numeratorLabel ? { numeratorLabel: indicator.numeratorLabel } : {}),
          ...(indicator.denominatorLabel ? { denominatorLabel: indicator.denominatorLabel } : {}),
          ...(indicator.pointsStep !== undefined ? { pointsStep: indicator.pointsStep } : {}),
          ...(indicator.guidance ? { guidance: indicator.guidance } : {}),
          ...(indicator.evidence ? { evidence: indicator.evidence } : {}),
          ...(indicator.dataSource ? { dataSource: indicator.dataSource } : {}),
        });
      }
    }
    groups.push(group);
  }
  return groups;
}

/** The item as core's answer rules read it (`readAnswer`): a main index is answered by its value. */
export function answerNodeOf(item: AnswerItem): AnswerNode {
  const method = item.method.type === 'mainIndexValue' ? undefined : item.method;
  return {
    code: item.code,
    level: item.level,
    maxPoints: item.maxPoints,
    ...(method ? { method } : {}),
    ...(item.pointsStep !== undefined ? { pointsStep: item.pointsStep } : {}),
  };
}

/** The English name where the framework gives one (most publish Vietnamese only). */
export function localName(node: { name: string; nameEn?: string }, locale: 'vi' | 'en'): string {
  return locale === 'en' && node.nameEn ? node.nameEn : node.name;
}
