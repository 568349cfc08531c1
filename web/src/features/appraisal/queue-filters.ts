import { compareVietnamese } from '@opendti/core/text';
import { matchesSearch } from '../../shared/format';
import type { AssessmentState, OverviewAssessment } from './api-types';
import { isInScope } from './indicator-outline';

export type QueueItem = Pick<OverviewAssessment, 'state' | 'adjusted' | 'undecided' | 'supplementation' | 'mainIndices' | 'unit'>;

export const QUEUE_FILTERS = ['mine', 'pending', 'adjusted', 'supplemented'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** States in which the council has work: a new submission, an appraisal under way, a supplementation to re-appraise. */
const AWAITING_COUNCIL: readonly AssessmentState[] = ['submitted', 'inAppraisal', 'supplemented'];

export function awaitsCouncil(state: AssessmentState): boolean {
  return AWAITING_COUNCIL.includes(state);
}

/** Indicators still to decide that fall within the user's assigned main indices or indicators (all of them without an assignment). */
export function undecidedInScope(item: Pick<QueueItem, 'mainIndices'>, scopes: readonly string[]): number {
  let count = 0;
  for (const main of item.mainIndices) {
    if (isInScope(scopes, main.code, main.code)) count += main.undecided;
    else count += main.undecidedCodes.filter((code) => scopes.includes(code)).length;
  }
  return count;
}

/**
 * The queue's filters, combined with "and":
 * - mine: something within the user's assignment is still to decide;
 * - pending: the council has work on it (submitted, under appraisal, or supplemented);
 * - adjusted: the council changed at least one score;
 * - supplemented: the unit answered a supplementation request (or sent its supplementation back).
 */
export function matchesQueueFilter(item: QueueItem, filter: QueueFilter, scopes: readonly string[]): boolean {
  switch (filter) {
    case 'mine':
      return item.state !== 'finalised' && undecidedInScope(item, scopes) > 0;
    case 'pending':
      return awaitsCouncil(item.state);
    case 'adjusted':
      return item.adjusted > 0;
    case 'supplemented':
      return item.state === 'supplemented' || item.supplementation.answered > 0;
  }
}

export interface QueueQuery {
  filters: readonly QueueFilter[];
  /** The signed-in user's assignment (empty: everything). */
  scopes: readonly string[];
  /** Unit name or code, diacritics ignored ("dien bien" finds "Điện Biên"). */
  search: string;
  /** One cohort, or every one when null. */
  unitKind: string | null;
}

export function filterQueue<Item extends QueueItem>(items: readonly Item[], query: QueueQuery): Item[] {
  const search = query.search.trim();
  return items.filter(
    (item) =>
      (query.unitKind === null || item.unit.kind === query.unitKind) &&
      (search === '' || matchesSearch(`${item.unit.code} ${item.unit.name}`, search)) &&
      query.filters.every((filter) => matchesQueueFilter(item, filter, query.scopes)),
  );
}

/** How many items each filter would keep on its own: shown on the filter chips. */
export function countByFilter(items: readonly QueueItem[], scopes: readonly string[]): Record<QueueFilter, number> {
  const counts = { mine: 0, pending: 0, adjusted: 0, supplemented: 0 };
  for (const item of items) for (const filter of QUEUE_FILTERS) if (matchesQueueFilter(item, filter, scopes)) counts[filter]++;
  return counts;
}

/** Cohort by cohort (in the period's order), then by unit name in Vietnamese order (Đ after D). */
export function sortQueue<Item extends Pick<QueueItem, 'unit'>>(items: readonly Item[], cohortOrder: readonly string[]): Item[] {
  const rank = (kind: string) => {
    const position = cohortOrder.indexOf(kind);
    return position < 0 ? cohortOrder.length : position;
  };
  return [...items].sort((a, b) => rank(a.unit.kind) - rank(b.unit.kind) || compareVietnamese(a.unit.name, b.unit.name));
}

/** An appraiser's assignment in words: which codes are main indices of the period's frameworks, which are indicators. */
export function describeScopes(scopes: readonly string[], mainIndexCodes: ReadonlySet<string>) {
  return {
    mainIndices: scopes.filter((code) => mainIndexCodes.has(code)),
    indicators: scopes.filter((code) => !mainIndexCodes.has(code)),
  };
}
