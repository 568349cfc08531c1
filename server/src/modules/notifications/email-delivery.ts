import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../../db/database.js';
import { notificationEmailOptOuts, notifications, users } from '../../db/schema/index.js';
import { composeNotificationMail, type MailTransport } from '../../mail/notification-mail.js';
import { WEBHOOK_QUEUE, webhookJobId } from './webhook-delivery.js';

/** Hands notifications not yet e-mailed to the e-mail queue; every minute, and at once when one is committed. */
export const DISPATCH_QUEUE = 'notifications-dispatch';
/** One job per notification e-mail, with the notification's id as the job's id. */
export const EMAIL_QUEUE = 'notification-email';

const DISPATCH_BATCH = 1000;
/** A claim older than this is a process that died while sending: another attempt may take it. */
const CLAIM_TIMEOUT_MS = 10 * 60_000;

/**
 * Moves pending notifications to the e-mail queue (and the webhook's, when one is configured), oldest first. Safe to run anywhere at any time:
 * a job's id is its notification's id, so a notification handed over twice (two processes, a crash
 * between the insert and the update) is still one job. With e-mail off (no SMTP_URL) the rows are
 * marked `off` instead, and are not sent when e-mail is turned on later.
 */
export async function dispatchPendingEmails(db: Database, boss: PgBoss, mailOn: boolean, webhookOn = false): Promise<number> {
  let handed = 0;
  for (;;) {
    const pending = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.emailStatus, 'pending'))
      .orderBy(asc(notifications.createdAt))
      .limit(DISPATCH_BATCH);
    if (pending.length === 0) return handed;
    const ids = pending.map((row) => row.id);
    if (mailOn)
      await boss.insert(
        EMAIL_QUEUE,
        ids.map((id) => ({ id, data: { notificationId: id } })),
      );
    if (webhookOn)
      await boss.insert(
        WEBHOOK_QUEUE,
        ids.map((id) => ({ id: webhookJobId(id), data: { notificationId: id } })),
      );
    await db
      .update(notifications)
      .set({ emailStatus: mailOn ? 'queued' : 'off' })
      .where(and(inArray(notifications.id, ids), eq(notifications.emailStatus, 'pending')));
    handed += ids.length;
    if (pending.length < DISPATCH_BATCH) return handed;
  }
}

export type EmailOutcome = 'sent' | 'already-sent' | 'no-address' | 'off' | 'opted-out';

/**
 * Sends one notification's e-mail, at most once. The row is claimed first (one statement: only a
 * row not yet sent and not being sent by a live attempt); a retry of a job whose e-mail went out
 * finds it sent and does nothing. A refusal (bad settings, server down, address bounced) records the
 * error, frees the claim and throws, so that the queue retries with backoff; after the last attempt
 * the row is `failed`.
 */
export async function sendNotificationEmail(
  db: Database,
  transport: MailTransport | undefined,
  options: { from: string; publicUrl: string; lastAttempt: boolean },
  notificationId: string,
  now: Date,
): Promise<EmailOutcome> {
  if (!transport) {
    await db.update(notifications).set({ emailStatus: 'off' }).where(eq(notifications.id, notificationId));
    return 'off';
  }
  const [claimed] = await db
    .update(notifications)
    .set({ emailStatus: 'sending', emailClaimedAt: now, emailAttempts: sql`${notifications.emailAttempts} + 1` })
    .where(
      and(
        eq(notifications.id, notificationId),
        isNull(notifications.emailSentAt),
        or(
          inArray(notifications.emailStatus, ['pending', 'queued', 'failed']),
          and(
            eq(notifications.emailStatus, 'sending'),
            lt(notifications.emailClaimedAt, new Date(now.getTime() - CLAIM_TIMEOUT_MS)),
          ),
        ),
      ),
    )
    .returning();
  if (!claimed) return 'already-sent';
  const [recipient] = await db
    .select({ email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, claimed.userId));
  if (!recipient?.email || recipient.disabled) {
    await db.update(notifications).set({ emailStatus: 'no-address' }).where(eq(notifications.id, notificationId));
    return 'no-address';
  }
  if (await optedOut(db, claimed.userId, claimed.event)) {
    await db.update(notifications).set({ emailStatus: 'opted-out' }).where(eq(notifications.id, notificationId));
    return 'opted-out';
  }
  try {
    await transport.sendMail(composeNotificationMail(claimed, recipient.email, options));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(notifications)
      .set({ emailStatus: options.lastAttempt ? 'failed' : 'queued', emailError: message.slice(0, 1000) })
      .where(eq(notifications.id, notificationId));
    throw error;
  }
  await db
    .update(notifications)
    .set({ emailStatus: 'sent', emailSentAt: new Date(), emailError: null })
    .where(eq(notifications.id, notificationId));
  return 'sent';
}

/** Account events are always e-mailed: a password reset one did not ask for is a warning sign. */
export const ALWAYS_EMAILED: readonly string[] = ['account.passwordReset'];

async function optedOut(db: Database, userId: string, event: string): Promise<boolean> {
  if (ALWAYS_EMAILED.includes(event)) return false;
  const [row] = await db
    .select({ event: notificationEmailOptOuts.event })
    .from(notificationEmailOptOuts)
    .where(and(eq(notificationEmailOptOuts.userId, userId), eq(notificationEmailOptOuts.event, event)));
  return row !== undefined;
}
