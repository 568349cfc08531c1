/**
 * Notifications (issue 12) in real Chromium, on the built `opendti serve` with the demo and a real
 * SMTP server started by the test: the appraiser asks Thành phố Điện Biên Phủ (DBP) for
 * supplementation in the council's page; the unit reporter's bell shows it without a reload, the
 * list opens the assessment; the e-mail arrived at the SMTP server and its link opens the same page.
 * The earlier steps (an answer, the submission, closing the self-assessment) go through the HTTP API.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../server/src/test-support/test-smtp-server.js';
import { type ApiSession, apiCall, apiSignIn, demoPassword } from './support/api.js';
import {
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import type { AssessmentSummary } from './support/fixtures.js';
import { type RunningServer, startServer } from './support/server.js';

const REPORTER_EMAIL = 'nhaplieu.dbp@dienbien.test';

describe('a supplementation request reaches the unit: bell, list and e-mail', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: TestSmtpServer;
  const contexts: BrowserContext[] = [];
  let dbpId = '';

  async function send(session: ApiSession, method: 'PUT' | 'PATCH', path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async function pageAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    [server, browser] = await Promise.all([
      startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'OpenDTI <no-reply@dienbien.test>' } }),
      launchBrowser(),
    ]);
    // PUBLIC_URL is not set: links point at http://HOST:PORT, this very server.
    const admin = await apiSignIn(server, 'quantri');
    const users = await apiCall<{ items: { id: string; username: string }[] }>(
      server,
      admin,
      'GET',
      '/api/v1/users?pageSize=200',
    );
    const reporterId = users.items.find((user) => user.username === 'nhaplieu.dbp')?.id;
    await send(admin, 'PATCH', `/api/v1/users/${reporterId}`, { email: REPORTER_EMAIL });

    const manager = await apiSignIn(server, 'quanly');
    const periods = await apiCall<{ items: { id: string; year: number }[] }>(
      server,
      manager,
      'GET',
      '/api/v1/periods?pageSize=200',
    );
    const periodId = periods.items.find((period) => period.year === 2023)?.id ?? '';
    const assessments = await apiCall<{ items: AssessmentSummary[] }>(
      server,
      manager,
      'GET',
      `/api/v1/periods/${periodId}/assessments`,
    );
    dbpId = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id ?? '';
    const reporter = await apiSignIn(server, 'nhaplieu.dbp');
    const view = await apiCall<{ state: string; answers: { indicatorCode: string; version: number }[] }>(
      server,
      reporter,
      'GET',
      `/api/v1/assessments/${dbpId}`,
    );
    const baseVersion = view.answers.find((answer) => answer.indicatorCode === '1.1')?.version ?? 0;
    await send(reporter, 'PUT', `/api/v1/assessments/${dbpId}/answers/1.1`, { value: 'có', baseVersion });
    if (view.state === 'draft')
      await apiCall(server, await apiSignIn(server, 'lanhdao.dbp'), 'POST', `/api/v1/assessments/${dbpId}/transitions`, {
        action: 'submit',
      });
    await apiCall(server, manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('the appraiser requests supplementation; the unit’s bell counts it without a reload; the list opens the assessment', async () => {
    const unit = await pageAs('nhaplieu.dbp');
    await unit.goto(`${server.url}/don-vi`);
    const bell = unit.getByTestId('notification-bell');
    await bell.waitFor();
    const before = (await bell.getAttribute('aria-label')) ?? '';
    const unreadBefore = Number(/(\d+)/.exec(before)?.[1] ?? 0);

    const appraiser = await apiSignIn(server, 'thamdinh');
    await send(appraiser, 'PUT', `/api/v1/assessments/${dbpId}/appraisals/1.1`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung văn bản đã ký',
      dueOn: '2099-02-15',
      baseVersion: 0,
    });

    // The count is polled each minute (decision 0014); coming back to the tab refreshes it at once.
    await unit.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await expect
      .poll(async () => (await bell.getAttribute('aria-label')) ?? '', { timeout: 70_000, interval: 500 })
      .toBe(`Thông báo: ${unreadBefore + 1} chưa đọc`);
    await bell.click();
    await unit.getByRole('heading', { name: 'Yêu cầu bổ sung, giải trình chỉ số 1.1' }).waitFor();
    expect(JSON.stringify(await seriousAccessibilityViolations(unit), null, 1)).toBe('[]');
    await screenshot(unit, 'notifications-list');
    await unit.getByRole('button', { name: 'Mở: Yêu cầu bổ sung, giải trình chỉ số 1.1' }).click();
    await expect.poll(() => unit.url()).toBe(`${server.url}/don-vi/${dbpId}`);
    await expect
      .poll(async () => (await bell.getAttribute('aria-label')) ?? '')
      .toBe(unreadBefore === 0 ? 'Thông báo' : `Thông báo: ${unreadBefore} chưa đọc`);
  }, 120_000);

  it('the e-mail arrived at the SMTP server, in Vietnamese with English below, and its link opens the assessment', async () => {
    const requested = () => smtp.received.find((candidate) => candidate.parsed.subject?.startsWith('Yêu cầu bổ sung'));
    await expect.poll(requested, { timeout: 30_000, interval: 250 }).toBeDefined();
    const mail = requested();
    expect(mail?.to).toEqual([REPORTER_EMAIL]);
    expect(mail?.parsed.subject).toBe('Yêu cầu bổ sung, giải trình chỉ số 1.1 / Supplementation requested on indicator 1.1');
    const link = /Xem trên OpenDTI: (\S+)/.exec(mail?.parsed.text ?? '')?.[1];
    expect(link).toBe(`${server.url}/don-vi/${dbpId}`);
    const page = await pageAs('nhaplieu.dbp');
    await page.goto(link as string);
    await page.getByText('Bổ sung văn bản đã ký').first().waitFor();
  }, 60_000);

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
