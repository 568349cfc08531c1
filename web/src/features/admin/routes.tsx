import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';

/**
 * Administration (/quan-tri), for the administrator and the period manager. Every page is loaded on
 * demand, so none of this reaches the public portal's first view.
 */
const AdminLayout = lazy(() => import('./admin-layout'));
const FrameworksPage = lazy(() => import('./frameworks-page'));
const FrameworkDetailPage = lazy(() => import('./framework-detail-page'));
const UnitsPage = lazy(() => import('./units-page'));
const UsersPage = lazy(() => import('./users-page'));
const PeriodsPage = lazy(() => import('./periods-page'));
const PeriodCreatePage = lazy(() => import('./period-create-page'));
const PeriodDetailPage = lazy(() => import('./period-detail-page'));
const StatusBoardPage = lazy(() => import('./status-board-page'));
const PublicationPreviewPage = lazy(() => import('./publication-preview-page'));
const AuditPage = lazy(() => import('./audit-page'));
const UnitMapsPage = lazy(() => import('./unit-maps-page'));
const DocumentsPage = lazy(() => import('./documents-page'));
const JobsPage = lazy(() => import('./jobs-page'));

export const routes: RouteObject[] = [
  {
    path: '/quan-tri',
    element: <AdminLayout />,
    children: [
      { index: true, element: <Navigate to="ky-danh-gia" replace /> },
      { path: 'ky-danh-gia', element: <PeriodsPage /> },
      { path: 'ky-danh-gia/tao-moi', element: <PeriodCreatePage /> },
      { path: 'ky-danh-gia/:periodId', element: <PeriodDetailPage /> },
      { path: 'ky-danh-gia/:periodId/tien-do', element: <StatusBoardPage /> },
      { path: 'ky-danh-gia/:periodId/cong-bo', element: <PublicationPreviewPage /> },
      { path: 'bo-chi-so', element: <FrameworksPage /> },
      { path: 'bo-chi-so/:frameworkId', element: <FrameworkDetailPage /> },
      { path: 'don-vi', element: <UnitsPage /> },
      { path: 'ban-do', element: <UnitMapsPage /> },
      { path: 'nguoi-dung', element: <UsersPage /> },
      { path: 'nhat-ky', element: <AuditPage /> },
      { path: 'van-ban', element: <DocumentsPage /> },
      { path: 'tac-vu-nen', element: <JobsPage /> },
    ],
  },
];
