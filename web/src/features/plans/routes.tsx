import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Improvement plans (issue 11), each page its own chunk: the manager's list, a draft written from
 * published results, the plan editor and the indicator ownership table; a unit's tasks; the
 * manager's reporting rounds; the plan's dashboard (ECharts loads only when a chart comes near the screen).
 */
const PlansPage = lazy(() => import('./plans-page'));
const PlanDraftPage = lazy(() => import('./plan-draft-page'));
const PlanEditorPage = lazy(() => import('./plan-editor-page'));
const OwnershipPage = lazy(() => import('./ownership-page'));
const MyTasksPage = lazy(() => import('./my-tasks-page'));
const PlanReportsPage = lazy(() => import('./plan-reports-page'));
const PlanDashboardPage = lazy(() => import('./plan-dashboard-page'));

export const routes: RouteObject[] = [
  { path: '/ke-hoach', element: <PlansPage /> },
  { path: '/ke-hoach/tao-moi', element: <PlanDraftPage /> },
  { path: '/ke-hoach/phan-cong', element: <OwnershipPage /> },
  { path: '/ke-hoach/nhiem-vu', element: <MyTasksPage /> },
  { path: '/ke-hoach/:planId', element: <PlanEditorPage /> },
  { path: '/ke-hoach/:planId/bao-cao', element: <PlanReportsPage /> },
  { path: '/ke-hoach/:planId/tong-quan', element: <PlanDashboardPage /> },
];
