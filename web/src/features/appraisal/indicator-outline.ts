import type { CurrentUser } from '../../api/session';
import type { AppraisalView, AssessmentState, Decision, FrameworkDocument, PeriodState } from './api-types';

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

/**
 * Core's `assignedScope` reach: an appraiser assigned main indices or indicators decides only those;
 * without any assignment (and for the chair) everything.
 */
export function isInScope(scopes: readonly string[], code: string, mainIndexCode: string): boolean {
  return scopes.length === 0 || scopes.includes(code) || scopes.includes(mainIndexCode);
}

/** Where to start: the first item still to decide within the user's scope, else the first in scope, else the first. */
export function firstItemToAppraise(
  outline: readonly OutlineMainIndex[],
  appraisals: readonly Pick<AppraisalView, 'indicatorCode' | 'decision'>[],
  scopes: readonly string[],
): string | undefined {
  const items = outlineItems(outline);
  const inScope = items.filter((item) => isInScope(scopes, item.code, item.mainIndexCode));
  const open = inScope.find((item) => {
    const status = decisionStatus(item.code, appraisals);
    return status === 'undecided' || status === 'supplementationRequested';
  });
  return open?.code ?? inScope[0]?.code ?? items[0]?.code;
}

/**
 * What the user may do on one indicator now, mirroring core (capabilities: the council decides, an
 * appraiser within the assigned scope; workflow: decisions while submitted, in appraisal or
 * supplemented, in a period under appraisal; while the unit supplements, only further requests).
 * The server decides in the end; this only spares the user a refused click and says why.
 */
export type DecideMode = { mode: 'full' } | { mode: 'requestsOnly' } | { mode: 'none'; reason: DecideBlock };
export type DecideBlock = 'role' | 'scope' | 'periodState' | 'notSubmitted' | 'finalised';

const COUNCIL_DECIDES: readonly AssessmentState[] = ['submitted', 'inAppraisal', 'supplemented'];

export function decideMode(input: {
  role: CurrentUser['role'] | undefined;
  scopes: readonly string[];
  periodState: PeriodState;
  state: AssessmentState;
  code: string;
  mainIndexCode: string;
}): DecideMode {
  if (input.role !== 'appraiser' && input.role !== 'councilChair') return { mode: 'none', reason: 'role' };
  const scopes = input.role === 'councilChair' ? [] : input.scopes;
  if (!isInScope(scopes, input.code, input.mainIndexCode)) return { mode: 'none', reason: 'scope' };
  if (input.state === 'finalised') return { mode: 'none', reason: 'finalised' };
  if (input.state === 'draft') return { mode: 'none', reason: 'notSubmitted' };
  if (input.periodState !== 'appraisal') return { mode: 'none', reason: 'periodState' };
  if (input.state === 'supplementationRequested') return { mode: 'requestsOnly' };
  return COUNCIL_DECIDES.includes(input.state) ? { mode: 'full' } : { mode: 'none', reason: 'notSubmitted' };
}

/** The items of a main index still to decide that this user may accept in one go (accept-remaining). */
export function acceptableRemaining(
  main: OutlineMainIndex,
  appraisals: readonly Pick<AppraisalView, 'indicatorCode' | 'decision'>[],
  scopes: readonly string[],
): string[] {
  return main.items
    .filter(
      (item) => isInScope(scopes, item.code, item.mainIndexCode) && !appraisals.some((row) => row.indicatorCode === item.code),
    )
    .map((item) => item.code);
}

/** The assignment that limits the user: an appraiser's; the chair (and everyone else) is not limited by one. */
export function effectiveScopes(user: Pick<CurrentUser, 'role' | 'assignedScopes'> | null | undefined): string[] {
  return user?.role === 'appraiser' ? user.assignedScopes : [];
}
