/**
 * The first journeys in real Chromium: the built app, served by `opendti serve`, renders, signs a
 * user in and out, is operable by keyboard, and has no serious or critical accessibility violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('the application shell in Chromium', () => {
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

  it('shows the sign-in page in Vietnamese, accessible, reachable by keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await expect.poll(() => page.getByRole('heading', { name: 'Đăng nhập' }).count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    // Tab from the top: the skip link comes first, then the controls.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chuyển đến nội dung chính');
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    await screenshot(page, 'sign-in');
    await page.close();
  });

  it('refuses a wrong password with the server’s Vietnamese message, then signs in and out', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel(/^Mật khẩu/).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await loginAs(page, server.url, 'quantri', server.passwords.get('quantri') as string);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(1);
    await page.close();
  });

  it('switches to English and answers unknown pages with a clear page, not a blank screen', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/khong-co-trang-nay`);
    await expect.poll(() => page.getByRole('heading', { name: 'Không tìm thấy trang' }).count()).toBe(1);
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    await page.close();
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
