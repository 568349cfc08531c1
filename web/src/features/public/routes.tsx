import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/**
 * The public results portal (no sign-in). Each page is its own chunk; ECharts loads later still,
 * when a chart first appears, so the front page's JavaScript stays small.
 */
const RankingPage = lazy(() => import('./ranking-page'));
const UnitPage = lazy(() => import('./unit-page'));
const IndicatorOverviewPage = lazy(() => import('./indicator-overview-page'));
const PublicPlansPage = lazy(() => import('./public-plans-page'));
const PublicPlanPage = lazy(() => import('./public-plan-page'));

export const routes: RouteObject[] = [
  { path: '/', element: <RankingPage /> },
  { path: '/ket-qua/:periodId/:unitKind', element: <RankingPage /> },
  { path: '/ket-qua/:periodId/:unitKind/:unitCode', element: <UnitPage /> },
  { path: '/chi-so/:periodId/:unitKind', element: <IndicatorOverviewPage /> },
  { path: '/ke-hoach-cong-khai', element: <PublicPlansPage /> },
  { path: '/ke-hoach-cong-khai/:planId', element: <PublicPlanPage /> },
];
