import { matchesSearch } from '../../shared/format';
import type { UnitRecord } from './admin-records';

/**
 * The units as a tree: the province, then its departments, districts and communes. Built in the
 * browser from the flat list (a province has a few thousand units at most), sorted the Vietnamese
 * way (Đ after D) and searched without diacritics ("dien bien" finds "Điện Biên").
 */
export interface UnitTreeNode<T extends UnitRecord = UnitRecord> {
  unit: T;
  depth: number;
  children: UnitTreeNode<T>[];
}

const KIND_ORDER = ['province', 'ministry', 'department', 'district', 'commune', 'other'];
const collator = new Intl.Collator('vi', { numeric: true });

/** Kinds in the order of the hierarchy; an unknown kind comes last. */
function kindRank(kind: string): number {
  const rank = KIND_ORDER.indexOf(kind);
  return rank < 0 ? KIND_ORDER.length : rank;
}

function compareUnits(a: UnitRecord, b: UnitRecord): number {
  const kind = kindRank(a.kind) - kindRank(b.kind);
  return kind !== 0 ? kind : collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
}

/**
 * Roots are units without a parent, or whose parent is not in the list. A unit caught in a loop of
 * parents (bad data) is never reached from a root, so it is shown as a root rather than lost.
 */
export function buildUnitTree<T extends UnitRecord>(units: readonly T[]): UnitTreeNode<T>[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const childrenOf = new Map<string, T[]>();
  const roots: T[] = [];
  for (const unit of units) {
    if (unit.parentId && byId.has(unit.parentId) && unit.parentId !== unit.id) {
      const siblings = childrenOf.get(unit.parentId) ?? [];
      siblings.push(unit);
      childrenOf.set(unit.parentId, siblings);
    } else {
      roots.push(unit);
    }
  }
  const placed = new Set<string>();
  const grow = (unit: T, depth: number): UnitTreeNode<T> => {
    placed.add(unit.id);
    const children = (childrenOf.get(unit.id) ?? [])
      .filter((child) => !placed.has(child.id))
      .sort(compareUnits)
      .map((child) => grow(child, depth + 1));
    return { unit, depth, children };
  };
  const tree = [...roots].sort(compareUnits).map((unit) => grow(unit, 0));
  const stranded = units.filter((unit) => !placed.has(unit.id)).sort(compareUnits);
  for (const unit of stranded) if (!placed.has(unit.id)) tree.push(grow(unit, 0));
  return tree;
}

/**
 * The tree cut down to the units matching `query` (code or name, without diacritics) and their
 * ancestors, so a match is shown where it sits; `expanded` holds the ancestors to open.
 */
export function filterUnitTree<T extends UnitRecord>(
  tree: UnitTreeNode<T>[],
  query: string,
): { tree: UnitTreeNode<T>[]; expanded: Set<string>; matches: number } {
  const expanded = new Set<string>();
  if (query.trim() === '') return { tree, expanded, matches: 0 };
  let matches = 0;
  const keep = (node: UnitTreeNode<T>): UnitTreeNode<T> | undefined => {
    const children = node.children.map(keep).filter((child): child is UnitTreeNode<T> => child !== undefined);
    const matched = matchesSearch(`${node.unit.code} ${node.unit.name}`, query);
    if (matched) matches++;
    if (!matched && children.length === 0) return undefined;
    if (children.length > 0) expanded.add(node.unit.id);
    return { ...node, children };
  };
  const filtered = tree.map(keep).filter((node): node is UnitTreeNode<T> => node !== undefined);
  return { tree: filtered, expanded, matches };
}

/**
 * The units `keep` accepts, with every ancestor of theirs, so that a filtered tree (communes only,
 * active units only) still shows the way down to them.
 */
export function keepWithAncestors<T extends UnitRecord>(units: readonly T[], keep: (unit: T) => boolean): T[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const kept = new Set<string>();
  for (const unit of units) {
    if (!keep(unit)) continue;
    let current: T | undefined = unit;
    while (current && !kept.has(current.id)) {
      kept.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return units.filter((unit) => kept.has(unit.id));
}

/** Depth-first list of the tree (for indented select options and tables). */
export function flattenUnitTree<T extends UnitRecord>(tree: UnitTreeNode<T>[]): UnitTreeNode<T>[] {
  const list: UnitTreeNode<T>[] = [];
  const visit = (node: UnitTreeNode<T>) => {
    list.push(node);
    node.children.forEach(visit);
  };
  tree.forEach(visit);
  return list;
}

/** A unit and everything below it: none of them can become its parent. */
export function selfAndDescendants(units: readonly UnitRecord[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Whether a unit exists on a day (yyyy-mm-dd): its active dates include it, open ends meaning "always". */
export function isActiveOn(unit: Pick<UnitRecord, 'activeFrom' | 'activeTo'>, day: string): boolean {
  return (!unit.activeFrom || unit.activeFrom <= day) && (!unit.activeTo || unit.activeTo >= day);
}

/**
 * The units a period takes part by default: every unit of the cohorts' kinds active at some time
 * during the year (the server applies the same rule when no list is given).
 */
export function defaultParticipants<T extends UnitRecord>(units: readonly T[], kinds: readonly string[], year: number): T[] {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  return units.filter(
    (unit) =>
      kinds.includes(unit.kind) &&
      (!unit.activeFrom || unit.activeFrom <= yearEnd) &&
      (!unit.activeTo || unit.activeTo >= yearStart),
  );
}
