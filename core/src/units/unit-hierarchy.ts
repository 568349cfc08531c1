/**
 * The units of a province form a tree (province → departments and communes; before July 2025,
 * province → districts → communes). A unit placed under one of its own descendants — or under
 * itself — makes the tree a loop: its ancestors never end, and every walk up the tree (the public
 * portal's breadcrumbs, a cohort's parents) would run forever.
 */

/** The unit `unitId` would sit under `newParentId`: the chain of units from `newParentId` up to `unitId` if that closes a loop, else undefined. */
export function parentLoop(
  parentOf: ReadonlyMap<string, string | null | undefined>,
  unitId: string,
  newParentId: string | null | undefined,
): string[] | undefined {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let current = newParentId ?? undefined; current !== undefined; current = parentOf.get(current) ?? undefined) {
    chain.push(current);
    if (current === unitId) return chain;
    // A loop already in the data that does not pass through this unit: stop rather than walk it forever.
    if (seen.has(current)) return undefined;
    seen.add(current);
  }
  return undefined;
}

/** A unit's activity period is a span: it cannot end before it begins (ISO calendar days compare as text). */
export function endsBeforeItBegins(activeFrom: string | null | undefined, activeTo: string | null | undefined): boolean {
  return Boolean(activeFrom && activeTo && activeTo < activeFrom);
}
