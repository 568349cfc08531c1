/**
 * A temporary password in real Chromium, on the built `opendti serve` with the demo: the
 * administrator resets the password of Điện Biên Phủ's reporter (over the API: the reset form is not
 * the point here); the reporter signs in with it, is sent to the password change page and cannot
 * leave it; the page has no serious accessibility violation and is worked by keyboard alone, from a
 * wrong current password to the success notice; then the reporter reaches the workspace, the other
 * session has ended, and the account menu leads back to the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

interface ApiSession {
  cookie: string;
  csrfToken: string;
}

const TEMPORARY = 'Tam-thoi-Kiem-thu-7';
const CHOSEN = 'Mat-khau-rieng-cua-toi-2024';

describe('a temporary password from the administrator, changed at the first sign-in', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, password: string): Promise<{ status: number; session: ApiSession }> {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0] as string)
      .find((pair) => pair.startsWith('opendti_session='));
    const body = (await response.json()) as { csrfToken?: string };
    return { status: response.status, session: { cookie: cookie ?? '', csrfToken: body.csrfToken ?? '' } };
  }

  function call(session: ApiSession, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    return fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** The accessible name of the focused element: its aria-label, its label's text (without the required mark), or its text. */
  const focusedName = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      const label = element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? element?.textContent ?? '';
      return label.replace(/\s*\*$/, '').trim();
    });

  /** The current password's input (its label's text ends with the required mark, so it is found by its autocomplete role). */
  const currentPasswordField = (page: Page) => page.locator('input[autocomplete="current-password"]');

  /** Presses Tab until `name` has the focus (at most 30 times), as a keyboard user moves through the page. */
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let press = 0; press < 30; press++) {
      if ((await focusedName(page)) === name) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached "${name}" (focus is on "${await focusedName(page)}")`);
  }

  it('sends the user to the change page, keeps them there, and lets them change it by keyboard', async () => {
    const admin = await signIn('quantri', server.passwords.get('quantri') as string);
    const users = (await (await call(admin.session, 'GET', '/api/v1/users?pageSize=200')).json()) as {
      items: { id: string; username: string }[];
    };
    const reporter = users.items.find((user) => user.username === 'nhaplieu.dbp');
    const reset = await call(admin.session, 'POST', `/api/v1/users/${reporter?.id}/reset-password`, {
      temporaryPassword: TEMPORARY,
    });
    expect(reset.status).toBe(204);

    // A session elsewhere (another browser) with the temporary password: refused everything but the change.
    const elsewhere = await signIn('nhaplieu.dbp', TEMPORARY);
    expect(elsewhere.status).toBe(200);
    const refused = await call(elsewhere.session, 'GET', '/api/v1/periods');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('auth.must-change-password');

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await loginAs(page, server.url, 'nhaplieu.dbp', TEMPORARY);
    await page.waitForURL((url) => url.pathname === '/tai-khoan/mat-khau');
    await expect.poll(() => page.getByRole('heading', { name: 'Đổi mật khẩu' }).count()).toBe(1);
    expect(await page.getByText('Mật khẩu tạm thời do quản trị viên cấp').count()).toBe(1);
    // The rules are stated before anything is typed, from core's list.
    expect(await page.getByText('ít nhất 10 ký tự').count()).toBe(1);
    // No section to go to, and an address typed by hand leads back.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Tự đánh giá' }).count()).toBe(0);
    await page.goto(`${server.url}/don-vi`);
    await page.waitForURL((url) => url.pathname === '/tai-khoan/mat-khau');
    await expect.poll(() => page.getByRole('heading', { name: 'Đổi mật khẩu' }).count()).toBe(1);

    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    await screenshot(page, 'password-change');

    // By keyboard alone: a wrong current password is answered under its field, and focus goes there.
    await page.locator('body').focus();
    await tabTo(page, 'Mật khẩu hiện tại');
    await page.keyboard.type('Khong-phai-mat-khau-1');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Hiện mật khẩu hiện tại');
    await page.keyboard.press('Space');
    expect(await currentPasswordField(page).getAttribute('type')).toBe('text');
    await page.keyboard.press('Space');
    expect(await currentPasswordField(page).getAttribute('type')).toBe('password');
    await tabTo(page, 'Mật khẩu mới');
    await page.keyboard.type(CHOSEN);
    await tabTo(page, 'Nhập lại mật khẩu mới');
    await page.keyboard.type(`${CHOSEN}x`);
    await page.keyboard.press('Enter');
    // The mismatch is caught before anything is sent.
    await expect.poll(() => page.getByText('Hai lần nhập mật khẩu mới không khớp nhau').count()).toBe(1);
    expect(await focusedName(page)).toBe('Nhập lại mật khẩu mới');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Mật khẩu hiện tại không đúng').count()).toBe(1);
    expect(await currentPasswordField(page).getAttribute('aria-invalid')).toBe('true');
    expect(await focusedName(page)).toBe('Mật khẩu hiện tại');
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(TEMPORARY);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu' }).textContent()).toContain(
      'Các phiên đăng nhập khác của tài khoản này',
    );
    await screenshot(page, 'password-changed');

    // The other session has ended; the temporary password is worth nothing now.
    expect((await call(elsewhere.session, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await signIn('nhaplieu.dbp', TEMPORARY)).status).toBe(401);

    // On to the workspace, by keyboard.
    await tabTo(page, 'Đến trang làm việc');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/don-vi');
    await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Tự đánh giá' }).count()).toBeGreaterThan(0);

    // The account menu leads back to the page at any time.
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL((url) => url.pathname === '/tai-khoan/mat-khau');
    await expect.poll(() => page.getByRole('heading', { name: 'Đổi mật khẩu' }).count()).toBe(1);
    expect(await page.getByText('Mật khẩu tạm thời do quản trị viên cấp').count()).toBe(0);
    await context.close();

    // The new password opens a full session.
    const fresh = await signIn('nhaplieu.dbp', CHOSEN);
    expect(fresh.status).toBe(200);
    expect((await call(fresh.session, 'GET', '/api/v1/periods')).status).toBe(200);
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
