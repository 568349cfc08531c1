/**
 * Reporting progress on an improvement plan (issue 11) in real Chromium, on the built `opendti serve`
 * with the demo. The manager's plan is set up through the HTTP API (the plan pages are another
 * journey's point): two reporting rounds, one passed and one being reported, a task Thành phố Điện
 * Biên Phủ (DBP) leads and one Huyện Điện Biên (DBI) leads alone. On screen: DBP's reporter opens
 * "Nhiệm vụ", reports the round with a file and a link, and comments; the manager opens the plan's
 * "Báo cáo tiến độ", sees the missing report marked, reads DBP's report with its file, and answers.
 * Screenshots at 1,366 px and on a phone; axe on each page; the Content-Security-Policy at the end.
 */
import { addDays, vietnamDay } from '@opendti/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiCall, apiSignIn, demoPassword } from './support/api.js';
import {
  type AxeViolation,
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { tinyPdf } from './support/fixtures.js';
import { keyboardProblems, walkByKeyboard } from './support/keyboard.js';
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const TASK = 'Ban hành kế hoạch chuyển đổi số của thành phố năm 2026';

describe('a unit reports progress on its plan task; the manager reads the round', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: ApiSession;
  const contexts: BrowserContext[] = [];
  const today = vietnamDay(new Date());
  const past = addDays(today, -30);
  const current = addDays(today, 45);
  let planId = '';
  const accessibility: Record<string, AxeViolation[]> = {};
  const keyboard: Record<string, object> = {};
  async function walk(page: Page, name: string): Promise<void> {
    const result = await walkByKeyboard(page);
    const problems = keyboardProblems(result);
    if (Object.keys(problems).length > 0) keyboard[name] = problems;
    expect(result.focused, `${name}: Tab reached nothing`).toBeGreaterThan(0);
  }

  async function pageAs(username: string, viewport = LAPTOP): Promise<Page> {
    const phone = viewport.width < 500;
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    manager = await apiSignIn(server, 'quanly');
    const periods = await apiCall<{ items: { id: string; year: number }[] }>(server, manager, 'GET', '/api/v1/periods');
    const published = periods.items.find((period) => period.year === 2022)?.id;
    const plan = await apiCall<{ id: string }>(server, manager, 'POST', '/api/v1/plans', {
      year: 2023,
      date: addDays(today, -90),
      title: 'Kế hoạch nâng cao chỉ số chuyển đổi số (thử nghiệm báo cáo)',
      documentNumber: '187/KH-UBND',
      reportingSchedule: [past, current],
      basis: [{ frameworkId: 'dienbien-2022-district', source: published }],
    });
    planId = plan.id;
    const task = (text: string, indicator: string, lead: string, coordinating: string[]) =>
      apiCall(server, manager, 'POST', `/api/v1/plans/${planId}/tasks`, {
        text,
        indicators: [indicator],
        lead,
        coordinating,
        startOn: null,
        dueOn: addDays(today, 200),
      });
    await task(TASK, '1.1', 'DBP', ['DBI']);
    await task('Cập nhật cổng thông tin điện tử của huyện', '1.2', 'DBI', ['DBP']);
    await task('Số hoá hồ sơ một cửa của huyện', '2.1', 'DBI', []);
    await apiCall(server, manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'issue' });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets DBP’s reporter report the round with a file and a link, and comment', async () => {
    const page = await pageAs('nhaplieu.dbp');
    await page.getByRole('link', { name: 'Nhiệm vụ' }).first().click();
    await page.waitForURL('**/ke-hoach/nhiem-vu');
    await page.getByRole('heading', { name: 'Nhiệm vụ kế hoạch của đơn vị' }).waitFor();
    // The passed round without a report is marked on the task itself.
    await page
      .getByText(/chưa báo cáo \(quá hạn\)/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: new RegExp(TASK) }).click();

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Gửi báo cáo' }) });
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await form.getByText('Cần nêu kết quả thực hiện trong kỳ.').waitFor();

    await form
      .getByLabel(/Kết quả thực hiện trong kỳ/)
      .fill('Đã trình UBND thành phố dự thảo kế hoạch; đang lấy ý kiến các phòng.');
    await form.getByLabel(/Tỷ lệ hoàn thành/).fill('60');
    await form.getByLabel('Đang thực hiện').check();
    await form.getByLabel(/Đường dẫn minh chứng/).fill('https://dienbienphu.dienbien.gov.vn/ke-hoach-cds');
    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Chọn tệp để tải lên' }).click();
    await (await chooser).setFiles({ name: 'Du thao ke hoach.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await form.getByText('Du thao ke hoach.pdf').waitFor();
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText(/Đã gửi báo cáo tiến độ kỳ/).waitFor();
    await page.getByRole('button', { name: 'Cập nhật báo cáo' }).waitFor();
    await page.getByText('Đã báo cáo đúng hạn').first().waitFor();

    await page
      .getByLabel('Góp ý, trao đổi về nhiệm vụ')
      .first()
      .fill('Đề nghị Huyện Điện Biên gửi số liệu phối hợp trước ngày 20.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).first().click();
    await page.getByText('Đề nghị Huyện Điện Biên gửi số liệu phối hợp trước ngày 20.').waitFor();
    await screenshot(page, 'plan-progress-unit');
    accessibility['unit tasks'] = await seriousAccessibilityViolations(page);
    await walk(page, 'unit tasks');

    const phone = await pageAs('nhaplieu.dbp', PHONE);
    await phone.goto(`${server.url}/ke-hoach/nhiem-vu`);
    await phone.getByRole('button', { name: new RegExp(TASK) }).click();
    await phone.getByRole('button', { name: 'Cập nhật báo cáo' }).waitFor();
    await screenshot(phone, 'plan-progress-unit-phone');
    accessibility['unit tasks, phone'] = await seriousAccessibilityViolations(phone);
  }, 120_000);

  it('shows the manager the rounds, the missing reports marked, and DBP’s report with its file', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}/bao-cao`);
    await page.getByRole('heading', { name: 'Báo cáo tiến độ' }).waitFor();
    await page.getByText(/3 nhiệm vụ phải báo cáo: 1 đúng hạn, 0 muộn, 0 chưa báo cáo, 2 chưa đến hạn/).waitFor();
    await page.getByRole('button', { name: 'Xem báo cáo và trao đổi của nhiệm vụ 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Đã trình UBND thành phố dự thảo kế hoạch; đang lấy ý kiến các phòng.').waitFor();
    const file = dialog.getByRole('link', { name: /Du thao ke hoach\.pdf/ });
    const href = await file.getAttribute('href');
    expect(href).toMatch(new RegExp(`/api/v1/plans/${planId}/tasks/.+/evidence/`));
    const download = await page.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await dialog.getByText('Đề nghị Huyện Điện Biên gửi số liệu phối hợp trước ngày 20.').waitFor();
    await dialog.getByLabel('Góp ý, trao đổi về nhiệm vụ').fill('Đã nhận; đề nghị gửi kèm quyết định ban hành khi hoàn thành.');
    await dialog.getByRole('button', { name: 'Gửi góp ý' }).click();
    await dialog.getByText('Đã nhận; đề nghị gửi kèm quyết định ban hành khi hoàn thành.').waitFor();
    accessibility['manager report dialog'] = await seriousAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    // The passed round: nobody reported, all three missing.
    await page
      .getByRole('button', { name: /^Xem kỳ báo cáo: Báo cáo tháng/ })
      .first()
      .click();
    await page.getByText(/3 nhiệm vụ phải báo cáo: 0 đúng hạn, 0 muộn, 3 chưa báo cáo/).waitFor();
    await screenshot(page, 'plan-progress-manager');
    accessibility['manager rounds'] = await seriousAccessibilityViolations(page);
    await walk(page, 'manager rounds');

    const phone = await pageAs('quanly', PHONE);
    await phone.goto(`${server.url}/ke-hoach/${planId}/bao-cao`);
    await phone.getByText(/3 nhiệm vụ phải báo cáo/).waitFor();
    await screenshot(phone, 'plan-progress-manager-phone');
    accessibility['manager rounds, phone'] = await seriousAccessibilityViolations(phone);
  }, 120_000);

  it('is axe-clean, reachable by keyboard, and keeps the Content-Security-Policy', () => {
    expect(accessibility).toEqual(Object.fromEntries(Object.keys(accessibility).map((name) => [name, []])));
    expect(keyboard).toEqual({});
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
