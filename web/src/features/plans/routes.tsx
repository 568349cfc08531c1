import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Improvement plans (issue 11), the manager's pages: the list, a draft written from published
 * results, the plan editor and the indicator ownership table. Loaded on demand.
 */
const PlansPage = lazy(() => import('./plans-page'));
const PlanDraftPage = lazy(() => import('./plan-draft-page'));
const PlanEditorPage = lazy(() => import('./plan-editor-page'));
const OwnershipPage = lazy(() => import('./ownership-page'));

export const routes: RouteObject[] = [
  { path: '/ke-hoach', element: <PlansPage /> },
  { path: '/ke-hoach/tao-moi', element: <PlanDraftPage /> },
  { path: '/ke-hoach/phan-cong', element: <OwnershipPage /> },
  { path: '/ke-hoach/:planId', element: <PlanEditorPage /> },
];
