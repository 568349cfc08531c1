/** The portal's shareable addresses (Vietnamese slugs, like the rest of the app's routes). */
export function rankingPath(periodId: string, unitKind: string): string {
  return `/ket-qua/${encodeURIComponent(periodId)}/${encodeURIComponent(unitKind)}`;
}

export function unitPath(periodId: string, unitKind: string, unitCode: string): string {
  return `${rankingPath(periodId, unitKind)}/${encodeURIComponent(unitCode)}`;
}
