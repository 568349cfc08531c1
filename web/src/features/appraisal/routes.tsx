import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { CouncilGate } from './council-gate';

/** The appraisal council's pages (thẩm định), each loaded on demand. */
const QueuePage = lazy(() => import('./queue-page'));
const AssessmentPage = lazy(() => import('./assessment-page'));
const CouncilOverviewPage = lazy(() => import('./council-overview-page'));

export const routes: RouteObject[] = [
  {
    path: '/tham-dinh',
    element: (
      <CouncilGate>
        <QueuePage />
      </CouncilGate>
    ),
  },
  {
    path: '/tham-dinh/ky/:periodId',
    element: (
      <CouncilGate>
        <CouncilOverviewPage />
      </CouncilGate>
    ),
  },
  {
    path: '/tham-dinh/:assessmentId',
    element: (
      <CouncilGate>
        <AssessmentPage />
      </CouncilGate>
    ),
  },
];
