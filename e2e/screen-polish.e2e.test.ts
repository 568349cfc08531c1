/**
 * What issue 10's walk saw on screen, checked in Chromium on the built `opendti serve` with the demo:
 * the signed-in name in the header keeps its Vietnamese marks; the district ranking with last year's
 * change columns fits a 1,366 px laptop; the audit log names decisions, years and points as people
 * write them; a server message alone starts with a capital; the app has a favicon.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiCall, apiSignIn, demoPassword } from './support/api.js';
import { ARTIFACTS, launchBrowser, loginAs, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('the polish found in the walk', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let published2023 = '';

  async function newPage(viewport: { width: number; height: number }, username?: string): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    if (username) await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // Publish 2023 (every unit accepted as entered) so that its ranking compares with 2022.
    const manager: ApiSession = await apiSignIn(server, 'quanly');
    const chair: ApiSession = await apiSignIn(server, 'chutich');
    const list = await apiCall<{ items: { id: string; year: number }[] }>(server, manager, 'GET', '/api/v1/periods?pageSize=200');
    published2023 = list.items.find((period) => period.year === 2023)?.id ?? '';
    // DBP enters one answer (so that the council has decisions to log); the others enter nothing.
    const reporter: ApiSession = await apiSignIn(server, 'nhaplieu.dbp');
    const own = await apiCall<{ items: { id: string }[] }>(
      server,
      reporter,
      'GET',
      `/api/v1/periods/${published2023}/assessments`,
    );
    await apiCall(server, reporter, 'PUT', `/api/v1/assessments/${own.items[0]?.id}/answers/1.1`, {
      value: 'có',
      baseVersion: 0,
    });
    await apiCall(server, manager, 'POST', `/api/v1/periods/${published2023}/transitions`, { action: 'startAppraisal' });
    const assessments = await apiCall<{ items: { id: string; state: string }[] }>(
      server,
      chair,
      'GET',
      `/api/v1/periods/${published2023}/assessments`,
    );
    for (const assessment of assessments.items) {
      // A unit that entered nothing is ranked only by the manager's explicit decision.
      if (assessment.state === 'draft') {
        await apiCall(server, manager, 'PUT', `/api/v1/assessments/${assessment.id}/participation`, {
          participation: 'scoredAsZero',
          reason: 'Đơn vị không nhập dữ liệu; tính 0 điểm',
        });
        continue;
      }
      await apiCall(server, chair, 'POST', `/api/v1/assessments/${assessment.id}/appraisals/accept-remaining`, {});
      await apiCall(server, chair, 'POST', `/api/v1/assessments/${assessment.id}/transitions`, { action: 'finalise' });
    }
    await apiCall(server, manager, 'POST', `/api/v1/periods/${published2023}/transitions`, {
      action: 'publish',
      decision: { number: '02/QĐ-UBND', date: '2024-03-29', signerName: 'Người Ký Thử', signerTitle: 'Chủ tịch UBND tỉnh' },
    });
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows the signed-in name in the header with its diacritics whole, at 1,366 px', async () => {
    const page = await newPage(LAPTOP, 'nhaplieu.dbp');
    const name = page.getByTestId('account-name');
    await name.waitFor();
    await screenshot(page, 'polish-header');
    await page.screenshot({ path: `${ARTIFACTS}polish-header-name.png`, clip: await paddedBox(page, 'account-name') });
    expect(await clippedText(page, 'account-name')).toEqual([]);
  });

  it('fits the ranking with its change columns on a 1,366 px laptop, and on a phone only the table scrolls', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${server.url}/ket-qua/${published2023}/district`);
    await page.getByRole('link', { name: 'Thành phố Điện Biên Phủ', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: /Hạng/ }).first().waitFor();
    expect(await page.getByRole('columnheader', { name: /± Chỉ số|Thay đổi/ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'polish-ranking-1366');
    expect(await tablesWiderThanTheirBox(page)).toEqual([]);

    const phone = await newPage(PHONE);
    await phone.goto(`${server.url}/ket-qua/${published2023}/district`);
    await phone.getByRole('link', { name: 'Thành phố Điện Biên Phủ', exact: true }).waitFor();
    await screenshot(phone, 'polish-ranking-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });

  it('names the council’s decisions, years and points in the audit log', async () => {
    const page = await newPage(LAPTOP, 'quantri');
    await page.goto(`${server.url}/quan-tri/nhat-ky?action=appraisal.accepted`);
    await page.locator('table').first().waitFor();
    await page.getByText('Công nhận', { exact: true }).first().waitFor();
    await screenshot(page, 'polish-audit-decisions');
    const decisions = await page.locator('main table').innerText();
    expect(decisions).not.toMatch(/\baccepted\b/);
    // Accepting keeps the self points, and they are what was decided: shown, not left out as unchanged.
    expect(decisions).toMatch(/Điểm:\s*\S+\s*→\s*\S+/);

    await page.goto(`${server.url}/quan-tri/nhat-ky?action=period.created`);
    await page.getByText('Huyện, thị xã, thành phố', { exact: false }).first().waitFor();
    await screenshot(page, 'polish-audit-periods');
    const created = await page.locator('main table').innerText();
    expect(created).toContain('2022');
    expect(created).not.toMatch(/2\.02[23]/);
    // Framework ids (dienbien-2022-district) keep their names; kinds of unit are named in Vietnamese.
    expect(created).not.toMatch(/unitKind|(?<![-\w])(district|department)(?![-\w])/);

    // Badges keep the case of their words everywhere ("Cấp huyện", not "CẤP HUYỆN").
    await page.goto(`${server.url}/quan-tri/don-vi`);
    await page.getByText('Cấp tỉnh', { exact: true }).first().waitFor();
    const shouting = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root')].filter(
          (badge) => getComputedStyle(badge).textTransform === 'uppercase',
        ).length,
    );
    expect(shouting).toBe(0);
    await screenshot(page, 'polish-units-badges');
  });

  it('starts a refused sign-in’s message with a capital letter', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel(/^Mật khẩu/).fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^\p{Lu}/u);
  });

  it('serves an SVG favicon that the page links', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(server.url);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/favicon.svg');
    const response = await fetch(`${server.url}${href}`);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await response.text()).toContain('<svg');
  });
});

/**
 * Text whose glyph boxes stick out of the element that clips it (overflow hidden): the marks above
 * "Cán bộ nhập liệu" cut off. The range's box is the font's full height, marks included.
 */
async function clippedText(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const problems: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(`[data-testid="${id}"] *`)) {
      const style = getComputedStyle(element);
      if (style.overflow === 'visible' && style.overflowY === 'visible') continue;
      // Text for screen readers only is clipped to 1 px on purpose.
      if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
      const box = element.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(element);
      for (const text of range.getClientRects()) {
        if (text.top < box.top - 0.5 || text.bottom > box.bottom + 0.5) {
          problems.push(`${element.className}: text ${text.top}–${text.bottom} outside ${box.top}–${box.bottom}`);
        }
      }
      if (element.scrollHeight > element.clientHeight) problems.push(`${element.className}: scrolls ${element.scrollHeight}`);
    }
    return problems;
  }, testId);
}

async function paddedBox(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 };
}

/**
 * Tables wider than the box they are seen through (the nearest scrolling or clipping ancestor, or
 * the main column): on a laptop the reader would have to scroll sideways to see the last columns.
 */
async function tablesWiderThanTheirBox(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) wide.push(`page ${document.documentElement.scrollWidth}px`);
    for (const table of document.querySelectorAll<HTMLElement>('main table')) {
      let box = table.parentElement;
      while (box && box.tagName !== 'MAIN' && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      const width = table.getBoundingClientRect().width;
      if (box && width > box.clientWidth + 1) wide.push(`table ${Math.round(width)}px in ${box.clientWidth}px`);
    }
    return wide;
  });
}
