import { createHash, createHmac } from 'node:crypto';
import { notificationText } from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { WebhookConfig } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import { notifications, units, users } from '../../db/schema/index.js';

/** One signed POST per notification to the province's WEBHOOK_URL, retried by the queue. */
export const WEBHOOK_QUEUE = 'notification-webhook';

/**
 * The webhook job's id for a notification: derived from it, so that a notification handed over twice
 * is one job, and distinct from the e-mail job's id (the notification's own).
 */
export function webhookJobId(notificationId: string): string {
  const hex = createHash('sha256').update(`webhook:${notificationId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe and
 * others sign. The receiver recomputes it with the shared secret and refuses a timestamp more than a
 * few minutes old, so that a captured request cannot be replayed later.
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * Posts one notification: what happened, to whom (username, name, e-mail, unit code), the texts in
 * both languages and the link. The delivery id header is the notification's id, for the receiver to
 * drop a repeat (a retry after a lost answer). A non-2xx answer or no answer in 10 s throws: retried.
 */
export async function postNotificationWebhook(
  db: Database,
  webhook: WebhookConfig,
  publicUrl: string,
  notificationId: string,
  now: Date,
): Promise<number | 'gone'> {
  const [row] = await db
    .select({ notification: notifications, user: users, unitCode: units.code })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(notifications.id, notificationId));
  if (!row) return 'gone';
  const { notification, user } = row;
  const body = JSON.stringify({
    id: notification.id,
    event: notification.event,
    createdAt: notification.createdAt.toISOString(),
    recipient: { username: user.username, displayName: user.displayName, email: user.email, unitCode: row.unitCode },
    vi: notificationText(notification.event, notification.params, 'vi'),
    en: notificationText(notification.event, notification.params, 'en'),
    link: `${publicUrl}${notification.link ?? '/thong-bao'}`,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const response = await fetch(webhook.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'OpenDTI-Webhook/1',
      'x-opendti-delivery': notification.id,
      'x-opendti-event': notification.event,
      'x-opendti-signature': signWebhook(webhook.secret, body, timestamp),
    },
    body,
    signal: AbortSignal.timeout(10_000),
    redirect: 'error',
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook answered ${response.status} ${response.statusText}`);
  return response.status;
}
