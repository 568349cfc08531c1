import {
  type Actor,
  DomainError,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationParams,
  named,
  normaliseReminderDays,
  notificationText,
} from '@opendti/core';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { notificationEmailOptOuts, notifications, periods } from '../../db/schema/index.js';
import type { Page } from '../../http/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import { ALWAYS_EMAILED } from './email-delivery.js';

type NotificationRow = typeof notifications.$inferSelect;

function presentNotification(row: NotificationRow) {
  const params = row.params as NotificationParams;
  return {
    id: row.id,
    event: row.event,
    vi: notificationText(row.event, params, 'vi'),
    en: notificationText(row.event, params, 'en'),
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
    emailStatus: row.emailStatus,
  };
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** The user's notifications, newest first, a page at a time, with the unread count. */
export async function listNotifications(
  db: Database,
  userId: string,
  query: { page?: number; pageSize?: number; unreadOnly?: boolean },
): Promise<Page<ReturnType<typeof presentNotification>> & { unread: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const where = and(eq(notifications.userId, userId), query.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [total], unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(notifications).where(where),
    countUnread(db, userId),
  ]);
  return { items: rows.map(presentNotification), page, pageSize, total: total?.total ?? 0, unread };
}

/** Marks one of the user's notifications read (again: no change); another user's is not found. */
export async function markNotificationRead(db: Database, userId: string, notificationId: string, now: Date): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!row)
    throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('notification', notificationId) } }]);
}

export async function markAllNotificationsRead(db: Database, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The manager sets a period's reminder days (audited). */
export async function changeReminderDays(db: Database, actor: Actor, periodId: string, days: readonly number[]) {
  const reminderDays = normaliseReminderDays(days);
  if (!reminderDays) {
    throw new DomainError('invalid-input', [
      {
        code: 'http.validation',
        params: { detail: 'reminderDays: tối đa 5 số nguyên từ 1 đến 60 (at most 5 whole days, 1–60)' },
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ reminderDays: periods.reminderDays }).from(periods).where(eq(periods.id, periodId));
    if (!before) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
    await tx.update(periods).set({ reminderDays }).where(eq(periods.id, periodId));
    await recordAudit(tx, {
      actor,
      action: 'period.reminderDays',
      entityType: 'period',
      entityId: periodId,
      periodId,
      oldValue: { reminderDays: before.reminderDays },
      newValue: { reminderDays },
    });
    return { reminderDays };
  });
}

/** The user's channels per event: the app always; e-mail unless turned off (account events always). */
export async function readPreferences(db: Database, userId: string) {
  const off = new Set(
    (await db.select().from(notificationEmailOptOuts).where(eq(notificationEmailOptOuts.userId, userId))).map((row) => row.event),
  );
  return {
    events: NOTIFICATION_EVENTS.map((event) => ({
      event,
      app: true,
      email: ALWAYS_EMAILED.includes(event) || !off.has(event),
      emailOptional: !ALWAYS_EMAILED.includes(event),
    })),
  };
}

/** Turns e-mail on or off for the events named; the others keep their setting. */
export async function changePreferences(db: Database, userId: string, email: Partial<Record<NotificationEvent, boolean>>) {
  await db.transaction(async (tx) => {
    for (const [event, on] of Object.entries(email)) {
      if (ALWAYS_EMAILED.includes(event)) continue;
      if (on)
        await tx
          .delete(notificationEmailOptOuts)
          .where(and(eq(notificationEmailOptOuts.userId, userId), eq(notificationEmailOptOuts.event, event)));
      else await tx.insert(notificationEmailOptOuts).values({ userId, event }).onConflictDoNothing();
    }
  });
  return readPreferences(db, userId);
}
