/** The portal's shareable addresses (Vietnamese slugs, like the rest of the app's routes). */
export function rankingPath(periodId: string, unitKind: string): string {
  return `/ket-qua/${encodeURIComponent(periodId)}/${encodeURIComponent(unitKind)}`;
}

export function unitPath(periodId: string, unitKind: string, unitCode: string): string {
  return `${rankingPath(periodId, unitKind)}/${encodeURIComponent(unitCode)}`;
}

/** The province-wide indicator overview of a cohort; `mainIndex` opens the drill-in to its indicators. */
export function indicatorOverviewPath(periodId: string, unitKind: string, mainIndex?: string): string {
  const path = `/chi-so/${encodeURIComponent(periodId)}/${encodeURIComponent(unitKind)}`;
  return mainIndex ? `${path}?main=${encodeURIComponent(mainIndex)}` : path;
}

/** The published improvement plans, and one of them. */
export const PUBLIC_PLANS_PATH = '/ke-hoach-cong-khai';

export function publicPlanPath(planId: string): string {
  return `${PUBLIC_PLANS_PATH}/${encodeURIComponent(planId)}`;
}
