/**
 * The plan dashboard and the public summary in Chromium, on the built `opendti serve` with the demo
 * (2022 published): a plan drafted from the published districts and issued (through the API: not
 * this journey's point), one task started by its lead unit and the rest past due. The manager opens
 * the dashboard — the overdue tasks said plainly, stacked bars per main index and per lead unit
 * drawn by ECharts, the targets waiting for next year's results — writes and publishes the summary;
 * a visitor then finds the plan on the public pages, with nothing of the units' reports. Laptop
 * and phone, axe clean, every control reached by the Tab key, no sideways scrolling, no
 * Content-Security-Policy violation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiCall, apiSignIn, demoPassword } from './support/api.js';
import {
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { keyboardProblems, walkByKeyboard } from './support/keyboard.js';
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SUMMARY = 'Tỉnh tập trung vào các chỉ số còn mất điểm nhiều nhất; mỗi nhiệm vụ có đơn vị chủ trì và thời hạn.';

interface Plan {
  id: string;
  title: string;
  version: number;
  tasks: { id: string; version: number }[];
}

describe('the plan dashboard and the public summary', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let plan: Plan;

  async function open(url: string, viewport = LAPTOP, username?: string): Promise<Page> {
    const context = await browser.newContext(viewport === PHONE ? { viewport, isMobile: true, hasTouch: true } : { viewport });
    contexts.push(context);
    const page = await context.newPage();
    if (username) await loginAs(page, server.url, username, demoPassword(server, username));
    await page.goto(url);
    return page;
  }

  /** A chart has drawn: ECharts' SVG renderer writes a path per bar segment. */
  async function chartDrawn(page: Page, name: RegExp): Promise<void> {
    const chart = page.getByRole('img', { name });
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.locator('svg path').count(), { timeout: 30_000 }).toBeGreaterThan(2);
  }

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const manager: ApiSession = await apiSignIn(server, 'quanly');
    const reporter: ApiSession = await apiSignIn(server, 'nhaplieu.dbp');
    const periods = await apiCall<{ items: { id: string; year: number }[] }>(server, undefined, 'GET', '/api/v1/public/periods');
    const period2022 = periods.items.find((period) => period.year === 2022)?.id ?? '';
    plan = await apiCall<Plan>(server, manager, 'POST', '/api/v1/plans/drafts', { periodId: period2022, unitKind: 'district' });
    const [first] = plan.tasks;
    if (!first) throw new Error('the draft has no task');
    await apiCall(server, manager, 'PATCH', `/api/v1/plans/${plan.id}/tasks/${first.id}`, {
      version: first.version,
      lead: 'DBP',
      dueOn: `${new Date().getUTCFullYear() + 1}-12-31`,
    });
    await apiCall(server, manager, 'PATCH', `/api/v1/plans/${plan.id}`, { version: plan.version, documentNumber: '25/KH-UBND' });
    await apiCall(server, manager, 'POST', `/api/v1/plans/${plan.id}/transitions`, { action: 'issue' });
    await apiCall(server, reporter, 'POST', `/api/v1/plans/${plan.id}/tasks/${first.id}/transitions`, { action: 'start' });
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows the manager the overdue tasks, the bars per main index and lead unit, the targets; publishes the summary', async () => {
    const page = await open(`${server.url}/ke-hoach/${plan.id}/tong-quan`, LAPTOP, 'quanly');
    await page.getByRole('heading', { name: /^Tổng quan kế hoạch: /, level: 2 }).waitFor();
    await expect.poll(() => page.getByText(/nhiệm vụ đã quá thời hạn mà chưa hoàn thành/).count()).toBe(1);
    await chartDrawn(page, /theo trạng thái của từng chỉ số chính/);
    await chartDrawn(page, /theo trạng thái của từng đơn vị chủ trì/);
    // No later period is published in the demo: every target waits for next year's results (the first 15, then all).
    const targets = page.getByRole('region', { name: /Chỉ tiêu/ });
    expect(await targets.getByText('Chờ kết quả kỳ sau').count()).toBe(15);
    await targets.getByRole('button', { name: `Xem tất cả ${plan.tasks.length} chỉ tiêu` }).click();
    expect(await targets.getByText('Chờ kết quả kỳ sau').count()).toBe(plan.tasks.length);
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(keyboardProblems(await walkByKeyboard(page))).toEqual({});
    await screenshot(page, 'plan-dashboard-1366');

    await page.getByLabel('Tóm tắt công khai').fill(SUMMARY);
    await page.getByLabel('Công khai trên cổng thông tin').check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu phần công khai tóm tắt.').waitFor();
    await page.getByRole('link', { name: 'Xem trang công khai' }).waitFor();

    const phone = await open(`${server.url}/ke-hoach/${plan.id}/tong-quan`, PHONE, 'quanly');
    await chartDrawn(phone, /theo trạng thái của từng chỉ số chính/);
    expect(await noSidewaysScroll(phone)).toBe(true);
    expect(JSON.stringify(await seriousAccessibilityViolations(phone), null, 1)).toBe('[]');
    await screenshot(phone, 'plan-dashboard-phone');
  });

  it('lets a visitor find the published plan, its summary, task bars and targets — nothing else', async () => {
    const page = await open(`${server.url}/`);
    await page.getByRole('banner').getByRole('link', { name: 'Kế hoạch công khai' }).click();
    await page.waitForURL(/\/ke-hoach-cong-khai$/);
    await page.getByRole('link', { name: plan.title }).click();
    await page.waitForURL(new RegExp(`/ke-hoach-cong-khai/${plan.id}$`));
    await page.getByText(SUMMARY).waitFor();
    await page.getByText(/Số 25\/KH-UBND/).waitFor();
    await chartDrawn(page, /số nhiệm vụ của kế hoạch theo trạng thái/);
    expect(await page.getByText('Chờ kết quả kỳ sau').count()).toBe(15);
    // The unit that leads a task is not named on the public page.
    expect(await page.getByText('Thành phố Điện Biên Phủ').count()).toBe(0);
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    expect(keyboardProblems(await walkByKeyboard(page))).toEqual({});
    await screenshot(page, 'public-plan-1366');

    const phone = await open(`${server.url}/ke-hoach-cong-khai/${plan.id}`, PHONE);
    await phone.getByText(SUMMARY).waitFor();
    expect(await noSidewaysScroll(phone)).toBe(true);
    expect(JSON.stringify(await seriousAccessibilityViolations(phone), null, 1)).toBe('[]');
    await screenshot(phone, 'public-plan-phone');
    const list = await open(`${server.url}/ke-hoach-cong-khai`, PHONE);
    await list.getByRole('link', { name: plan.title }).waitFor();
    expect(await noSidewaysScroll(list)).toBe(true);
    await screenshot(list, 'public-plans-phone');

    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
