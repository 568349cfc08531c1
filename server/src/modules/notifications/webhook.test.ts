/**
 * The province's webhook (issue 12): each notification is POSTed to WEBHOOK_URL with an HMAC-SHA256
 * signature over a timestamp and the body, retried by the queue when the receiver fails, with the
 * same delivery id so that the receiver can drop a repeat.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signWebhook, webhookJobId } from './webhook-delivery.js';

const SECRET = 'bi-mat-cua-tinh-dien-bien-2026';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a receiver does: recompute the signature, refuse an old timestamp. */
function verify(headers: IncomingHttpHeaders, body: string, now: number): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-opendti-signature']));
  if (!match) return false;
  const expected = createHmac('sha256', SECRET).update(`${match[1]}.${body}`).digest();
  return Math.abs(now - Number(match[1])) <= 300 && timingSafeEqual(expected, Buffer.from(match[2] as string, 'hex'));
}

describe('the webhook', () => {
  let t: TestApp;
  let receiver: Server;
  const received: Received[] = [];
  let failures = 1;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = failures-- > 0 ? 503 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    t = await createTestApp('pglite', {
      jobs: { env: { WEBHOOK_URL: `http://127.0.0.1:${port}/opendti`, WEBHOOK_SECRET: SECRET } },
    });
    // The demo's own notifications, from its seed, are posted at start: let them go first.
    await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    failures = 1;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('posts a notification, signed, and posts it again after a failure with the same delivery id', async () => {
    received.length = 0;
    const admin = await t.signIn('quantri');
    const leader = await t.signIn('lanhdao.dbp');
    const reset = await t.call(admin, 'POST', `/api/v1/users/${leader.userId}/reset-password`, {
      temporaryPassword: 'Tam-thoi-2024!',
    });
    expect(reset.statusCode).toBe(204);
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(2), { timeout: 15_000, interval: 100 });
    const [first, second] = received;
    expect(first?.headers['x-opendti-delivery']).toBe(second?.headers['x-opendti-delivery']);
    const now = Math.floor(Date.now() / 1000);
    for (const request of [first, second]) expect(verify(request?.headers ?? {}, request?.body ?? '', now)).toBe(true);
    // Tampered with: refused.
    expect(verify(second?.headers ?? {}, (second?.body ?? '').replace('lanhdao', 'khac'), now)).toBe(false);
    const body = JSON.parse(second?.body ?? '{}');
    expect(body).toMatchObject({
      event: 'account.passwordReset',
      recipient: { username: 'lanhdao.dbp', unitCode: 'DBP' },
      vi: { title: 'Mật khẩu của bạn đã được quản trị viên đặt lại' },
      link: 'http://opendti.test/thong-bao',
    });
    expect(second?.headers['x-opendti-event']).toBe('account.passwordReset');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received).toHaveLength(2);
  }, 30_000);

  it('signs as documented and derives a job id of its own per notification', () => {
    expect(signWebhook('k'.repeat(16), '{}', 1_700_000_000)).toBe(
      `t=1700000000,v1=${createHmac('sha256', 'k'.repeat(16)).update('1700000000.{}').digest('hex')}`,
    );
    const id = '0c8a7f3e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    expect(webhookJobId(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(webhookJobId(id)).not.toBe(id);
    expect(webhookJobId(id)).toBe(webhookJobId(id));
  });
});
