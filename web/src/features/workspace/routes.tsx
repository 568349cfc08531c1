import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** The unit workspace (reporter, leader): each page is its own chunk. */
const WorkspaceHomePage = lazy(() => import('./workspace-home-page'));
const AssessmentPage = lazy(() => import('./assessment-page'));

export const routes: RouteObject[] = [
  { path: '/don-vi', element: <WorkspaceHomePage /> },
  { path: '/don-vi/:assessmentId', element: <AssessmentPage /> },
];
