import { compareVietnamese } from '@opendti/core/text';
import { matchesSearch } from '../../shared/format';
import type { OverviewAssessment } from './api-types';

export type QueueItem = Pick<
  OverviewAssessment,
  | 'state'
  | 'adjusted'
  | 'undecided'
  | 'undecidedForYou'
  | 'awaitsCouncil'
  | 'awaitingUnit'
  | 'assignedToYou'
  | 'supplementation'
  | 'mainIndices'
  | 'unit'
>;

export const QUEUE_FILTERS = ['assigned', 'mine', 'pending', 'adjusted', 'supplemented'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/**
 * Whose turn it is, exactly one per unit, so that the queue's counts add up: `council` (something is
 * left to decide that does not wait for the unit, or the chair has to finalise), `unit` (all that is
 * left waits for the unit's supplementation: core's `awaitingUnitCodes`, counted by the server),
 * `finalised`, or `draft` (the unit has not submitted). A unit with one request open and other
 * indicators still to decide is the council's.
 */
export type QueueStage = 'council' | 'unit' | 'finalised' | 'draft';

export function queueStage(item: Pick<QueueItem, 'state' | 'awaitsCouncil' | 'awaitingUnit' | 'undecided'>): QueueStage {
  if (item.state === 'finalised') return 'finalised';
  if (!item.awaitsCouncil) return 'draft';
  return item.awaitingUnit > 0 && item.undecided <= item.awaitingUnit ? 'unit' : 'council';
}

/**
 * The queue's filters, combined with "and":
 * - assigned: the chair (or the period manager) assigned this unit, or one of its main indices, to
 *   the user (`assignedToYou`); a direction of the work, not a limit on who may decide;
 * - mine: something the user may decide is still undecided (`undecidedForYou`, counted by the server
 *   from core's policy: an appraiser's assignment, the chair's everything);
 * - pending: it is the council's turn (`queueStage` — not a unit whose every remaining indicator
 *   waits for its supplementation: that one is the unit's turn, counted once, under "waiting for the unit");
 * - adjusted: the council changed at least one score;
 * - supplemented: the unit's answers to supplementation requests are back with the council.
 */
export function matchesQueueFilter(item: QueueItem, filter: QueueFilter): boolean {
  switch (filter) {
    case 'assigned':
      return item.assignedToYou;
    case 'mine':
      return item.state !== 'finalised' && item.undecidedForYou > 0;
    case 'pending':
      return queueStage(item) === 'council';
    case 'adjusted':
      return item.adjusted > 0;
    case 'supplemented':
      return queueStage(item) === 'council' && (item.state === 'supplemented' || item.supplementation.answered > 0);
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
  const counts = { assigned: 0, mine: 0, pending: 0, adjusted: 0, supplemented: 0 };
  for (const item of items) for (const filter of QUEUE_FILTERS) if (matchesQueueFilter(item, filter)) counts[filter]++;
  return counts;
}

/** How many units stand at each stage: each unit once (the queue's summary). */
export function countByStage(items: readonly QueueItem[]): Record<QueueStage, number> {
  const counts = { council: 0, unit: 0, finalised: 0, draft: 0 };
  for (const item of items) counts[queueStage(item)]++;
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
