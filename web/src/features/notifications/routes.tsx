import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Every signed-in user's notifications. */
const NotificationsPage = lazy(() => import('./notifications-page'));
const PreferencesPage = lazy(() => import('./preferences-page'));

export const NOTIFICATIONS_PATH = '/thong-bao';

/** Where e-mails' unsubscribe link leads (the server writes it as PUBLIC_URL + this path). */
export const PREFERENCES_PATH = '/thong-bao/cai-dat';

export const routes: RouteObject[] = [
  { path: NOTIFICATIONS_PATH, element: <NotificationsPage /> },
  { path: PREFERENCES_PATH, element: <PreferencesPage /> },
];
