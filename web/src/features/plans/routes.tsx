import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Improvement plans (issue 11): each page is its own chunk. */
const MyTasksPage = lazy(() => import('./my-tasks-page'));
const PlanReportsPage = lazy(() => import('./plan-reports-page'));

export const routes: RouteObject[] = [
  { path: '/ke-hoach/nhiem-vu', element: <MyTasksPage /> },
  { path: '/ke-hoach/:planId/bao-cao', element: <PlanReportsPage /> },
];
