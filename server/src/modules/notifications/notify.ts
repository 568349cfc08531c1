import type { NotificationEvent, NotificationParams } from '@opendti/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { notifications, users } from '../../db/schema/index.js';

/** The channel a committed notification wakes the e-mail dispatcher on (NOTIFY is delivered at commit). */
export const NOTIFICATIONS_CHANNEL = 'opendti_notifications';

type Writer = Pick<Database, 'insert' | 'execute' | 'select'>;

export interface NotificationDraft {
  event: NotificationEvent;
  /** The event's identity without the recipient: the same event raised again notifies nobody twice. */
  key: string;
  recipients: readonly string[];
  params: NotificationParams;
  /** The web app's path of the thing the notification is about. */
  link?: string;
}

/**
 * Writes one notification per draft and recipient, inside the caller's transaction: a change is never
 * without its notifications, and a change rolled back notifies nobody. A recipient already notified of
 * an event (same key) is skipped, so retried jobs and a second process cannot notify twice. Returns
 * how many were written.
 */
export async function notify(tx: Writer, drafts: NotificationDraft | readonly NotificationDraft[]): Promise<number> {
  const list: readonly NotificationDraft[] = Array.isArray(drafts) ? drafts : [drafts as NotificationDraft];
  const rows = list.flatMap((draft) =>
    [...new Set<string>(draft.recipients)].map((userId) => ({
      userId,
      event: draft.event,
      idempotencyKey: draft.key,
      params: draft.params,
      link: draft.link ?? null,
    })),
  );
  let written = 0;
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const inserted = await tx
      .insert(notifications)
      .values(rows.slice(start, start + INSERT_BATCH))
      .onConflictDoNothing({ target: [notifications.userId, notifications.idempotencyKey] })
      .returning({ id: notifications.id });
    written += inserted.length;
  }
  if (written > 0) await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, '')`);
  return written;
}

const INSERT_BATCH = 1000;

/** The active reporters and leaders of these units: who hears about a unit's assessment. */
export async function unitMembers(tx: Pick<Database, 'select'>, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  if (unitIds.length === 0) return members;
  const rows = await tx
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(
      and(inArray(users.unitId, [...unitIds]), inArray(users.role, ['unitReporter', 'unitLeader']), eq(users.disabled, false)),
    );
  for (const row of rows) {
    if (!row.unitId) continue;
    members.set(row.unitId, [...(members.get(row.unitId) ?? []), row.id]);
  }
  return members;
}

/** The active period managers: who hears about a period as a whole. */
export async function periodManagers(tx: Pick<Database, 'select'>): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'periodManager'), eq(users.disabled, false)));
  return rows.map((row) => row.id);
}
