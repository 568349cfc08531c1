import type { FrameworkDetail, Ownership } from './plan-records';

/**
 * The ownership editor's table (phân công theo dõi chỉ số, seed 003 and seed 000 §2): per indicator
 * its lead unit and coordinating units, grouped by main index, assigned one by one or for a whole
 * main index at once (seed 003 assigns each main index to a department). Pure, so the bulk rule and
 * what is sent are tested without a browser.
 */
export interface OwnershipIndicator {
  code: string;
  name: string;
  nameEn?: string;
}

export interface OwnershipGroup {
  code: string;
  name: string;
  nameEn?: string;
  indicators: OwnershipIndicator[];
}

export interface OwnerCells {
  lead: string | null;
  coordinating: string[];
}

export type OwnershipState = Record<string, OwnerCells>;

/** The framework's main indices and their indicators; a main index answered as its own value stands for itself. */
export function ownershipGroups(framework: Pick<FrameworkDetail, 'mainIndices'>): OwnershipGroup[] {
  return framework.mainIndices.map((main) => ({
    code: main.code,
    name: main.name,
    ...(main.nameEn ? { nameEn: main.nameEn } : {}),
    indicators:
      main.indicators.length > 0
        ? main.indicators.map((indicator) => ({
            code: indicator.code,
            name: indicator.name,
            ...(indicator.nameEn ? { nameEn: indicator.nameEn } : {}),
          }))
        : [{ code: main.code, name: main.name, ...(main.nameEn ? { nameEn: main.nameEn } : {}) }],
  }));
}

export function ownershipStateOf(groups: readonly OwnershipGroup[], owners: readonly Ownership[]): OwnershipState {
  const byIndicator = new Map(owners.map((owner) => [owner.indicator, owner]));
  const state: OwnershipState = {};
  for (const group of groups) {
    for (const indicator of group.indicators) {
      const owner = byIndicator.get(indicator.code);
      state[indicator.code] = { lead: owner?.lead ?? null, coordinating: [...(owner?.coordinating ?? [])] };
    }
  }
  return state;
}

/**
 * Sets the lead and the coordinating units of every indicator of a main index. `onlyUnassigned`
 * keeps indicators that already have a lead as they are.
 */
export function assignGroup(
  state: OwnershipState,
  group: OwnershipGroup,
  cells: OwnerCells,
  onlyUnassigned = false,
): OwnershipState {
  const next = { ...state };
  for (const indicator of group.indicators) {
    if (onlyUnassigned && state[indicator.code]?.lead) continue;
    next[indicator.code] = {
      lead: cells.lead,
      coordinating: cells.coordinating.filter((code) => code !== cells.lead),
    };
  }
  return next;
}

export function setOwner(state: OwnershipState, indicator: string, cells: OwnerCells): OwnershipState {
  return { ...state, [indicator]: { lead: cells.lead, coordinating: cells.coordinating.filter((code) => code !== cells.lead) } };
}

/** An indicator the table cannot save as it is: coordinating units without a lead. */
export function ownershipGaps(state: OwnershipState): string[] {
  return Object.entries(state)
    .filter(([, cells]) => cells.lead === null && cells.coordinating.length > 0)
    .map(([indicator]) => indicator);
}

/** What is sent (PUT, the whole table): the indicators with a lead, in the framework's order. */
export function ownersToSave(groups: readonly OwnershipGroup[], state: OwnershipState): Ownership[] {
  return groups.flatMap((group) =>
    group.indicators.flatMap((indicator) => {
      const cells = state[indicator.code];
      return cells?.lead ? [{ indicator: indicator.code, lead: cells.lead, coordinating: cells.coordinating }] : [];
    }),
  );
}

export function isOwnershipDirty(groups: readonly OwnershipGroup[], state: OwnershipState, saved: readonly Ownership[]): boolean {
  return JSON.stringify(ownersToSave(groups, state)) !== JSON.stringify(ownersToSave(groups, ownershipStateOf(groups, saved)));
}

/** How many indicators of a group have a lead. */
export function assignedCount(group: OwnershipGroup, state: OwnershipState): number {
  return group.indicators.filter((indicator) => state[indicator.code]?.lead).length;
}

/** A main index's units when all its indicators share them (the bulk row shows them), else none. */
export function commonOwner(group: OwnershipGroup, state: OwnershipState): OwnerCells | undefined {
  const [first, ...rest] = group.indicators.map((indicator) => state[indicator.code]);
  if (!first?.lead) return undefined;
  const key = (cells: OwnerCells | undefined) => `${cells?.lead}|${[...(cells?.coordinating ?? [])].sort().join(';')}`;
  return rest.every((cells) => key(cells) === key(first)) ? first : undefined;
}
