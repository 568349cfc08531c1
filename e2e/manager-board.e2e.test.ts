/**
 * The period manager's controls in Chromium (issue 10, "Manager"), on the built `opendti serve` with
 * the demo: the status board of a period reached from the period's page, its filters, returning a
 * submitted assessment with a reason, extending one unit's deadline so that it submits after the
 * period's deadline, and closing the self-assessment early, which asks for confirmation with the
 * count of units that have not submitted and leaves the units with no data to the manager.
 * Screenshots of the board at 1,366 px and on a phone; axe clean; no CSP violation.
 */
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
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const DBP = 'Thành phố Điện Biên Phủ';

describe('the period manager’s status board and controls', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let periodId = '';
  let open2023 = '';
  let dbpId = '';
  let manager: ApiSession;

  const call = <T>(session: ApiSession, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    apiCall<T>(server, session, method, path, body);

  async function pageAs(username: string, viewport = LAPTOP): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  const accessibility: Record<string, AxeViolation[]> = {};
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    accessibility[name] = await seriousAccessibilityViolations(page);
  }

  /** The board's row of one unit (a table row on a laptop, a card on a phone). */
  const rowOf = (page: Page, unit: string) => page.getByRole('row').filter({ hasText: unit });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await apiSignIn(server, 'quanly');
    const units = await call<{ items: { id: string; code: string }[] }>(
      manager,
      'GET',
      '/api/v1/units?kind=district&pageSize=200',
    );
    // A period whose deadline has passed: only an extension lets a unit submit.
    const created = await call<{ id: string }>(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ thử bảng theo dõi 2024',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: units.items.filter((unit) => ['DBP', 'DBI', 'MLA', 'MAN'].includes(unit.code)).map((unit) => unit.id),
      selfAssessmentDeadline: '2025-01-30',
    });
    periodId = created.id;
    await call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    const list = await call<{ items: { id: string; unit: { code: string } }[] }>(
      manager,
      'GET',
      `/api/v1/periods/${periodId}/assessments`,
    );
    dbpId = list.items.find((item) => item.unit.code === 'DBP')?.id ?? '';
    const reporter = await apiSignIn(server, 'nhaplieu.dbp');
    await call(reporter, 'PUT', `/api/v1/assessments/${dbpId}/answers/1.1`, { value: 'có', baseVersion: 0 });
    const periods = await call<{ items: { id: string; year: number }[] }>(manager, 'GET', '/api/v1/periods?pageSize=200');
    open2023 = periods.items.find((period) => period.year === 2023)?.id ?? '';
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('opens the board from the period page and filters it', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}`);
    await page.getByRole('link', { name: 'Theo dõi tiến độ đơn vị' }).click();
    await page.getByRole('heading', { name: 'Theo dõi tiến độ đơn vị' }).waitFor();
    await rowOf(page, DBP).getByText('Đang làm', { exact: true }).waitFor();
    await rowOf(page, DBP).getByText('1/', { exact: false }).first().waitFor();

    await page.getByText('Chưa bắt đầu (3)').click();
    await rowOf(page, 'Huyện Điện Biên').first().waitFor();
    expect(await rowOf(page, DBP).count()).toBe(0);
    await page.getByText('Đang làm (1)').click();
    await rowOf(page, DBP).waitFor();
    expect(await page.getByRole('row').count()).toBe(2); // the header and DBP
    await page.getByText('Tất cả (4)').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await checkAccessibility(page, 'board');
    await screenshot(page, 'manager-board-1366');
  });

  it('extends one unit’s deadline, and the unit submits after the period’s deadline', async () => {
    const leader = await apiSignIn(server, 'lanhdao.dbp');
    const submit = () =>
      fetch(`${server.url}/api/v1/assessments/${dbpId}/transitions`, {
        method: 'POST',
        headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'submit' }),
      });
    expect((await submit()).status).toBe(409);

    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}/tien-do`);
    await rowOf(page, DBP).getByRole('button', { name: 'Gia hạn' }).click();
    const dialog = page.getByRole('dialog', { name: `Gia hạn: ${DBP}` });
    await dialog.getByLabel('Hạn nộp mới').fill('31/12/2099');
    await dialog.getByLabel('Lý do').fill('Đơn vị đề nghị gia hạn do thay đổi nhân sự');
    await checkAccessibility(page, 'board dialog');
    await screenshot(page, 'manager-board-extend');
    await dialog.getByRole('button', { name: 'Xác nhận: Gia hạn' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rowOf(page, DBP).getByText('31/12/2099').waitFor();
    await rowOf(page, DBP).getByText('đã gia hạn').waitFor();

    expect((await submit()).status).toBe(200);
    await page.reload();
    await rowOf(page, DBP).getByText('Nộp muộn', { exact: true }).waitFor();
    await page.getByText('Nộp muộn (1)').click();
    await rowOf(page, DBP).waitFor();
  });

  it('returns the submitted assessment to its unit, with a reason', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}/tien-do`);
    await rowOf(page, DBP).getByRole('button', { name: 'Trả lại đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: `Trả lại đơn vị: ${DBP}` });
    await dialog.getByRole('button', { name: 'Xác nhận: Trả lại đơn vị' }).click();
    await dialog.getByText('Vui lòng nhập').waitFor();
    await dialog.getByLabel('Lý do').fill('Thiếu tài liệu kiểm chứng chỉ số 1.1');
    await dialog.getByRole('button', { name: 'Xác nhận: Trả lại đơn vị' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rowOf(page, DBP).getByText('Đang làm', { exact: true }).waitFor();
    const view = await call<{ state: string }>(manager, 'GET', `/api/v1/assessments/${dbpId}`);
    expect(view.state).toBe('draft');
  });

  it('shows the board as cards on a phone, without a page wider than the screen', async () => {
    const page = await pageAs('quanly', PHONE);
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}/tien-do`);
    await page.getByRole('heading', { name: 'Theo dõi tiến độ đơn vị' }).waitFor();
    await page.getByText(DBP).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await checkAccessibility(page, 'board on a phone');
    await screenshot(page, 'manager-board-phone');
  });

  it('asks to confirm an early close, saying how many units have not submitted; units with no data wait for a decision', async () => {
    const detail = await call<{ assessmentStates: Record<string, number>; earlyClose: { notSubmitted: number } }>(
      manager,
      'GET',
      `/api/v1/periods/${open2023}`,
    );
    const notSubmitted = detail.earlyClose.notSubmitted;
    expect(notSubmitted).toBe(detail.assessmentStates.draft);

    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${open2023}`);
    await page.getByRole('button', { name: 'Đóng tự đánh giá, chuyển thẩm định' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Còn ${notSubmitted} đơn vị chưa nộp.`, { exact: false }).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Xác nhận: Đóng tự đánh giá, chuyển thẩm định' });
    expect(await confirm.isDisabled()).toBe(true);
    await checkAccessibility(page, 'early close');
    await screenshot(page, 'manager-early-close');
    await dialog.getByLabel('Tôi xác nhận đóng tự đánh giá trước hạn').check();
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });

    // Nobody entered anything in the demo's 2023: every unit has no data, and publication waits.
    await page.getByRole('link', { name: 'Theo dõi tiến độ đơn vị' }).click();
    await page.getByText(`${notSubmitted} đơn vị không có dữ liệu`).waitFor();
    await rowOf(page, DBP).getByRole('button', { name: 'Tính 0 điểm' }).waitFor();
    await screenshot(page, 'manager-board-no-data');
  });

  it('has no serious or critical accessibility violation on the pages visited', () => {
    expect(Object.keys(accessibility).sort()).toEqual(['board', 'board dialog', 'board on a phone', 'early close'].sort());
    const found = Object.fromEntries(Object.entries(accessibility).filter(([, violations]) => violations.length > 0));
    expect(found).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
