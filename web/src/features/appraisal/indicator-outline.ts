import type { AppraisalView, AssessmentView, Decision, FrameworkDocument } from './api-types';

type MainIndexDocument = FrameworkDocument['mainIndices'][number];
type IndicatorDocument = MainIndexDocument['indicators'][number];

/** One thing the council decides on: an indicator, or a main index scored from its own value. */
export interface OutlineItem {
  code: string;
  name: string;
  mainIndexCode: string;
  maxPoints: number | null;
  /** The framework's definition (method, guidance, evidence required); absent for a main-index item. */
  indicator?: IndicatorDocument;
}

export interface OutlineMainIndex {
  code: string;
  name: string;
  maxPoints: number | null;
  items: OutlineItem[];
}

const finiteOrNull = (value: number | undefined): number | null => (value !== undefined && Number.isFinite(value) ? value : null);

/**
 * The indicators of a framework grouped by main index, in framework order — the same list the server
 * appraises (assessments.service `answerableCodes`): unscored main indices are skipped, and a main
 * index whose indicators publish no points (national DTI) is decided as one item.
 */
export function buildOutline(document: FrameworkDocument, locale: 'vi' | 'en'): OutlineMainIndex[] {
  const nameOf = (node: { name: string; nameEn?: string }) => (locale === 'en' && node.nameEn ? node.nameEn : node.name);
  return document.mainIndices
    .filter((main) => !main.unscored)
    .map((main) => {
      const scoredFromValue =
        main.indicators.length === 0 || main.indicators.some((indicator) => finiteOrNull(indicator.maxPoints) === null);
      const items: OutlineItem[] = scoredFromValue
        ? [{ code: main.code, name: nameOf(main), mainIndexCode: main.code, maxPoints: finiteOrNull(main.maxPoints) }]
        : main.indicators.map((indicator) => ({
            code: indicator.code,
            name: nameOf(indicator),
            mainIndexCode: main.code,
            maxPoints: finiteOrNull(indicator.maxPoints),
            indicator,
          }));
      return { code: main.code, name: nameOf(main), maxPoints: finiteOrNull(main.maxPoints), items };
    });
}

/**
 * The unit's self points as the council reads them. A main index scored from its own value stores the
 * 0–1 value the unit typed (the engine's input); the unit saw it, and the council decides it, as
 * points out of the main index's maximum.
 */
export function selfPointsOf(item: OutlineItem, answer: { selfPoints: number | null } | undefined): number | null {
  const stored = answer?.selfPoints ?? null;
  if (stored === null || item.indicator !== undefined) return stored;
  return item.maxPoints === null ? null : stored * item.maxPoints;
}

export function outlineItems(outline: readonly OutlineMainIndex[]): OutlineItem[] {
  return outline.flatMap((main) => main.items);
}

/** The item before (step −1) or after (step 1) `code`, in framework order; undefined at either end. */
export function neighbourCode(outline: readonly OutlineMainIndex[], code: string, step: 1 | -1): string | undefined {
  const items = outlineItems(outline);
  const position = items.findIndex((item) => item.code === code);
  if (position < 0) return items[0]?.code;
  return items[position + step]?.code;
}

export type DecisionStatus = Decision | 'undecided';

export function decisionStatus(
  code: string,
  appraisals: readonly Pick<AppraisalView, 'indicatorCode' | 'decision'>[],
): DecisionStatus {
  const decision = appraisals.find((row) => row.indicatorCode === code)?.decision;
  return decision === 'accepted' || decision === 'adjusted' || decision === 'supplementationRequested' ? decision : 'undecided';
}

/** What the server says this user may do on one indicator now (core's `evaluateIndicatorActions`). */
export type IndicatorActions = AssessmentView['indicators'][number];
type Verdict = IndicatorActions['decide'];

/**
 * The indicators the policy lets this user decide at all (an appraiser's assignment, the chair's
 * everything), whatever the state: closed only for another reason than the capability.
 */
export function withinReach(verdict: Verdict | undefined): boolean {
  return verdict !== undefined && (verdict.allowed || verdict.reason !== 'missing-capability');
}

/**
 * Where to start: the first item still to decide that the user may decide now (not one waiting for
 * the unit), else the first still to decide within reach, else the first in reach, else the first.
 */
export function firstItemToAppraise(
  outline: readonly OutlineMainIndex[],
  appraisals: readonly Pick<AppraisalView, 'indicatorCode' | 'decision'>[],
  actionsOf: (code: string) => IndicatorActions | undefined,
): string | undefined {
  const items = outlineItems(outline);
  const inReach = items.filter((item) => withinReach(actionsOf(item.code)?.decide));
  const open = inReach.filter((item) => {
    const status = decisionStatus(item.code, appraisals);
    return status === 'undecided' || status === 'supplementationRequested';
  });
  const decidableNow = open.find((item) => actionsOf(item.code)?.decide.allowed);
  return decidableNow?.code ?? open[0]?.code ?? inReach[0]?.code ?? items[0]?.code;
}

/**
 * What the decision panel offers, from the server's verdicts: the decision (accept, adjust or ask the
 * unit), or nothing, with the server's reason — e.g. the indicator waits for the unit's
 * supplementation, so that once a request is saved the form gives way to that reason.
 */
export type DecideMode = { mode: 'full' } | { mode: 'none'; message: string };

export function decideModeOf(actions: IndicatorActions | undefined): DecideMode {
  if (actions?.decide.allowed) return { mode: 'full' };
  return { mode: 'none', message: actions?.decide.message ?? '' };
}

/** The items of a main index still to decide that this user may accept now, in one go (accept-remaining). */
export function acceptableRemaining(
  main: OutlineMainIndex,
  appraisals: readonly Pick<AppraisalView, 'indicatorCode' | 'decision'>[],
  actionsOf: (code: string) => IndicatorActions | undefined,
): string[] {
  return main.items
    .filter((item) => actionsOf(item.code)?.decide.allowed && !appraisals.some((row) => row.indicatorCode === item.code))
    .map((item) => item.code);
}

/** The same over the whole unit: what "accept all remaining" of the assessment would accept for this user. */
export function acceptableRemainingInUnit(
  outline: readonly OutlineMainIndex[],
  appraisals: readonly Pick<AppraisalView, 'indicatorCode' | 'decision'>[],
  actionsOf: (code: string) => IndicatorActions | undefined,
): string[] {
  return outline.flatMap((main) => acceptableRemaining(main, appraisals, actionsOf));
}
