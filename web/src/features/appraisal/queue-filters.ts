import { compareVietnamese } from '@opendti/core/text';
import { matchesSearch } from '../../shared/format';
import type { OverviewAssessment } from './api-types';

export type QueueItem = Pick<
  OverviewAssessment,
  'state' | 'adjusted' | 'undecided' | 'undecidedForYou' | 'awaitsCouncil' | 'supplementation' | 'mainIndices' | 'unit'
>;

export const QUEUE_FILTERS = ['mine', 'pending', 'adjusted', 'supplemented'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/**
 * The queue's filters, combined with "and":
 * - mine: something the user may decide is still undecided (`undecidedForYou`, counted by the server
 *   from core's policy: an appraiser's assignment, the chair's everything);
 * - pending: the council has work on it (`awaitsCouncil`, from core's state rules: submitted, under
 *   appraisal, supplemented, or with requests open — the indicators not waiting for the unit are
 *   still the council's);
 * - adjusted: the council changed at least one score;
 * - supplemented: the unit answered a supplementation request (or sent its supplementation back).
 */
export function matchesQueueFilter(item: QueueItem, filter: QueueFilter): boolean {
  switch (filter) {
    case 'mine':
      return item.state !== 'finalised' && item.undecidedForYou > 0;
    case 'pending':
      return item.awaitsCouncil;
    case 'adjusted':
      return item.adjusted > 0;
    case 'supplemented':
      return item.state === 'supplemented' || item.supplementation.answered > 0;
  }
}

export interface QueueQuery {
  filters: readonly QueueFilter[];
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
      query.filters.every((filter) => matchesQueueFilter(item, filter)),
  );
}

/** How many items each filter would keep on its own: shown on the filter chips. */
export function countByFilter(items: readonly QueueItem[]): Record<QueueFilter, number> {
  const counts = { mine: 0, pending: 0, adjusted: 0, supplemented: 0 };
  for (const item of items) for (const filter of QUEUE_FILTERS) if (matchesQueueFilter(item, filter)) counts[filter]++;
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
