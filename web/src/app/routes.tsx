import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { routes as adminRoutes } from '../features/admin/routes';
import { routes as appraisalRoutes } from '../features/appraisal/routes';
import { PASSWORD_CHANGE_PATH } from '../features/auth/paths';
import { routes as notificationRoutes } from '../features/notifications/routes';
import { routes as planRoutes } from '../features/plans/routes';
import { routes as publicRoutes } from '../features/public/routes';
import { routes as workspaceRoutes } from '../features/workspace/routes';
import { ApplicationShell } from './app-shell';
import { NotFoundPage, RouteErrorPage } from './page-states';

/**
 * Every page, each loaded on demand so the public portal's first view stays small. Features live in
 * src/features/<area>/ and export one `routes` array; they never import each other.
 */
const LoginPage = lazy(() => import('../features/auth/login-page'));
const PasswordChangePage = lazy(() => import('../features/auth/password-change-page'));

export const routes: RouteObject[] = [
  {
    element: <ApplicationShell />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/dang-nhap', element: <LoginPage /> },
      { path: PASSWORD_CHANGE_PATH, element: <PasswordChangePage /> },
      // feature routes: keep one line per feature, in this order
      ...publicRoutes,
      ...workspaceRoutes,
      ...planRoutes,
      ...appraisalRoutes,
      ...adminRoutes,
      ...notificationRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
