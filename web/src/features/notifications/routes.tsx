import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Every signed-in user's notifications. */
const NotificationsPage = lazy(() => import('./notifications-page'));

export const NOTIFICATIONS_PATH = '/thong-bao';

export const routes: RouteObject[] = [{ path: NOTIFICATIONS_PATH, element: <NotificationsPage /> }];
