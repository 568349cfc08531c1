import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize, requireSession } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import {
  NotificationPageSchema,
  NotificationParams,
  NotificationQuery,
  PreferencesBody,
  PreferencesSchema,
  ReminderDaysBody,
  UnreadCountSchema,
} from './notification-schemas.js';
import {
  changePreferences,
  changeReminderDays,
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  readPreferences,
} from './notifications.service.js';

/** Every signed-in user's own notifications (the bell and its list), and a period's reminder days. */
export function registerNotificationRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của tôi / my notifications',
        operationId: 'listNotifications',
        description: "The signed-in user's notifications, newest first, a page at a time, with the unread count.",
        querystring: NotificationQuery,
        response: { 200: NotificationPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listNotifications(db, requireSession(request).userId, request.query),
  );
  api.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Số thông báo chưa đọc / unread count',
        operationId: 'getUnreadNotificationCount',
        description: "How many of the signed-in user's notifications are unread: what the bell shows (polled).",
        response: { 200: UnreadCountSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ unread: await countUnread(db, requireSession(request).userId) }),
  );
  api.post(
    '/notifications/:notificationId/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc / mark read',
        operationId: 'updateNotificationRead',
        description: "Marks one of the signed-in user's notifications read; another user's is not found.",
        params: NotificationParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await markNotificationRead(db, requireSession(request).userId, request.params.notificationId, new Date());
      return reply.status(204).send();
    },
  );
  api.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu tất cả đã đọc / mark all read',
        operationId: 'updateAllNotificationsRead',
        description: 'Marks every unread notification of the signed-in user read; answers how many.',
        response: { 200: Type.Object({ marked: Type.Integer({ minimum: 0 }) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ marked: await markAllNotificationsRead(db, requireSession(request).userId, new Date()) }),
  );
  api.get(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Cách nhận thông báo / notification preferences',
        operationId: 'getNotificationPreferences',
        description: "The signed-in user's channels per event: the app always; e-mail unless turned off.",
        response: { 200: PreferencesSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => readPreferences(db, requireSession(request).userId),
  );
  api.put(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đổi cách nhận thông báo / change notification preferences',
        operationId: 'changeNotificationPreferences',
        description:
          'Turns e-mail on or off per event for the signed-in user (the unsubscribe link of an e-mail leads here); account events are always e-mailed.',
        body: PreferencesBody,
        response: { 200: PreferencesSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => changePreferences(db, requireSession(request).userId, request.body.email),
  );
  api.put(
    '/periods/:periodId/reminder-days',
    {
      schema: {
        tags: ['periods'],
        summary: 'Ngày nhắc hạn tự đánh giá / self-assessment reminder days',
        operationId: 'changePeriodReminderDays',
        description:
          'Days before the self-assessment deadline when units not yet submitted are reminded (default 7, 3, 1; empty: none). Period managers and administrators.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        body: ReminderDaysBody,
        response: { 200: ReminderDaysBody, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.manage');
      return changeReminderDays(db, actor, request.params.periodId, request.body.reminderDays);
    },
  );
}
