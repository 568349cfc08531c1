import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Improvement plans (issue 11), for the office managing them and the units doing their tasks. Each
 * page is its own chunk; ECharts loads only when a chart comes near the screen.
 */
const MyTasksPage = lazy(() => import('./my-tasks-page'));
const PlanReportsPage = lazy(() => import('./plan-reports-page'));
const PlanDashboardPage = lazy(() => import('./plan-dashboard-page'));

export const routes: RouteObject[] = [
  { path: '/ke-hoach/nhiem-vu', element: <MyTasksPage /> },
  { path: '/ke-hoach/:planId/bao-cao', element: <PlanReportsPage /> },
  { path: '/ke-hoach/:planId/tong-quan', element: <PlanDashboardPage /> },
];
