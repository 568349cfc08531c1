import { Type } from '@fastify/type-provider-typebox';
import { NOTIFICATION_EVENTS } from '@opendti/core';
import { Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { PageOf, PageQuery } from '../../http/pagination.js';

const Text = Type.Object({ title: Type.String(), body: Type.String() });

/** One notification of the signed-in user, with its texts in both languages (core renders them). */
export const NotificationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  event: StringEnum(NOTIFICATION_EVENTS, { description: 'What happened' }),
  vi: Text,
  en: Text,
  link: Nullable(Type.String({ description: "The web app's path of the thing the notification is about" })),
  createdAt: Timestamp(),
  readAt: Nullable(Timestamp()),
  emailStatus: Type.String({ description: 'pending, queued, sending, sent, failed, off (no SMTP_URL), no-address' }),
});

export const NotificationQuery = Type.Intersect([
  PageQuery,
  Type.Object({ unreadOnly: Type.Optional(Type.Boolean({ description: 'Only those not yet read' })) }),
]);

export const NotificationPageSchema = Type.Intersect([
  PageOf(NotificationSchema),
  Type.Object({ unread: Type.Integer({ minimum: 0 }) }),
]);

export const UnreadCountSchema = Type.Object({ unread: Type.Integer({ minimum: 0 }) });

export const NotificationParams = Type.Object({ notificationId: Type.String({ format: 'uuid' }) });

/** A period's reminder days before the self-assessment deadline; empty turns reminders off. */
export const ReminderDaysBody = Type.Object({
  reminderDays: Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { maxItems: 5, uniqueItems: true }),
});

export const FailedJobSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  queue: Type.String(),
  data: Type.Unknown(),
  error: Type.String({ description: 'The last attempt’s error' }),
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp(),
  failedAt: Nullable(Timestamp()),
});

export const JobStatusSchema = Type.Object({
  running: Type.Boolean({ description: 'Whether the job queue runs in this server process' }),
  email: Type.Object({
    enabled: Type.Boolean({ description: 'False when SMTP_URL is not set: notifications are in the app only' }),
    from: Nullable(Type.String()),
  }),
  counts: Type.Object({
    pendingEmails: Type.Integer({ minimum: 0 }),
    failedEmails: Type.Integer({ minimum: 0 }),
    failedJobs: Type.Integer({ minimum: 0 }),
  }),
  failed: Type.Array(FailedJobSchema),
});

export const JobParams = Type.Object({
  queue: Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' }),
  jobId: Type.String({ format: 'uuid' }),
});

export const PreferencesSchema = Type.Object({
  events: Type.Array(
    Type.Object({
      event: StringEnum(NOTIFICATION_EVENTS),
      app: Type.Boolean({ description: 'Always true: the app lists every notification' }),
      email: Type.Boolean(),
      emailOptional: Type.Boolean({ description: 'False for account events, always e-mailed' }),
    }),
  ),
});

export const PreferencesBody = Type.Object({
  email: Type.Partial(
    Type.Object(
      Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, Type.Boolean()])) as Record<
        (typeof NOTIFICATION_EVENTS)[number],
        ReturnType<typeof Type.Boolean>
      >,
    ),
    { additionalProperties: false, description: 'Event → whether it is e-mailed' },
  ),
});
