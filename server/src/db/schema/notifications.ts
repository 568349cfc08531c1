import type { NotificationParams } from '@opendti/core';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * One row per event and recipient (issue 12), written in the transaction of the change that causes
 * it: the durable record that the app lists and the e-mail job delivers. `(user_id, idempotency_key)`
 * is unique, so an event raised twice (a retried reminder job, two server processes) notifies once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** core's NotificationEvent */
    event: text('event').notNull(),
    /** The event's identity, e.g. `deadline.approaching:<period>:<unit>:3`; unique per recipient. */
    idempotencyKey: text('idempotency_key').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull(),
    /** The web app's path of the thing the notification is about. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    readAt: timestamp('read_at', { withTimezone: true }),
    /**
     * pending (not yet handed to the queue) → queued → sending (claimed by one process) → sent;
     * failed (out of retries, the job's error kept); off (no SMTP_URL); no-address (no e-mail).
     */
    emailStatus: text('email_status').notNull().default('pending'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailClaimedAt: timestamp('email_claimed_at', { withTimezone: true }),
    emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
    emailError: text('email_error'),
  },
  (table) => [
    uniqueIndex('notifications_recipient_event_key').on(table.userId, table.idempotencyKey),
    index('notifications_user_created_idx').on(table.userId, table.createdAt),
    index('notifications_email_pending_idx').on(table.createdAt).where(sql`${table.emailStatus} = 'pending'`),
  ],
);

/**
 * A user's "not by e-mail" choices, one row per event turned off (issue 12: per-user preferences).
 * The app's list always holds every notification; what a user can turn off is the e-mail.
 */
export const notificationEmailOptOuts = pgTable(
  'notification_email_opt_outs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [primaryKey({ columns: [table.userId, table.event] })],
);
