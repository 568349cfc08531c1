/**
 * The province-wide indicator overview in Chromium, on the built `opendti serve` with the demo (2022
 * published): a visitor opens it from the ranking, sees the heatmap (ECharts, drawn as SVG) and the
 * table of the same numbers, drills into one main index, downloads the CSV under a Vietnamese name
 * without diacritics; on a laptop and on a phone, where only the heatmap's own frame scrolls; axe
 * clean; the print view keeps the heatmap and the tables; no Content-Security-Policy violation.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityViolations, launchBrowser, screenshot, seriousAccessibilityViolations } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const DBP = 'Thành phố Điện Biên Phủ';

describe('the province-wide indicator overview', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let rankingUrl = '';
  let overviewUrl = '';

  async function open(url: string, viewport = LAPTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  /** The heatmap has drawn its cells: ECharts' SVG renderer writes one path per cell. */
  async function heatmapDrawn(page: Page, cells: number): Promise<void> {
    const heatmap = page.getByRole('img', { name: /Bản đồ nhiệt/ });
    await heatmap.scrollIntoViewIfNeeded();
    await expect.poll(() => heatmap.locator('svg path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(cells);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const periods = (await (await fetch(`${server.url}/api/v1/public/periods`)).json()) as {
      items: { id: string; year: number }[];
    };
    const period2022 = periods.items.find((period) => period.year === 2022)?.id ?? '';
    rankingUrl = `${server.url}/ket-qua/${period2022}/district`;
    overviewUrl = `${server.url}/chi-so/${period2022}/district`;
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('opens from the ranking: the heatmap units × main indices and the table of the same numbers', async () => {
    const page = await open(rankingUrl);
    await page.getByRole('link', { name: DBP, exact: true }).waitFor();
    await page.getByRole('link', { name: /Tổng quan chỉ số toàn tỉnh/ }).click();
    await page.waitForURL(/\/chi-so\//);
    await page.getByRole('heading', { name: 'Tổng quan chỉ số toàn tỉnh', level: 2 }).waitFor();

    const matrix = page.getByTestId('overview-matrix');
    const dbpRow = matrix.getByRole('row', { name: new RegExp(DBP) });
    // Rank, name, then one value per main index: 0,8482 with a decimal comma.
    const cells = await dbpRow.getByRole('cell').allTextContents();
    expect(cells.slice(1).every((text) => /^\d,\d{4}$|^–$/.test(text))).toBe(true);
    const mainCount = cells.length - 1;
    expect(mainCount).toBeGreaterThan(3);
    await heatmapDrawn(page, 10 * mainCount);
    // The same numbers in the cells as in the table (DBP's first value is printed in the heatmap).
    const heatmapText = await page.getByRole('img', { name: /Bản đồ nhiệt/ }).locator('svg').textContent();
    expect(heatmapText).toContain(cells[1]);

    // The indicators that lost the most points come first.
    const list = page.getByTestId('overview-indicators');
    const losses = (await list.locator('tbody tr td:last-child').allTextContents()).map((text) =>
      Number(text.replace(/\./g, '').replace(',', '.')),
    );
    expect(losses.length).toBeGreaterThan(10);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
    expect(losses[0]).toBeGreaterThan(0);

    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(page, 'public-indicator-overview-1366');
  });

  it('drills into one main index: units × its indicators, points in the cells; the list narrows to it', async () => {
    const page = await open(overviewUrl);
    await page.getByTestId('overview-matrix').waitFor();
    await page.getByLabel('Xem chi tiết').selectOption('1');
    await page.waitForURL(/main=1/);
    await page.getByRole('heading', { name: /^Chỉ số chính 1\. / }).waitFor();
    const header = await page.getByTestId('overview-matrix').locator('thead th').allTextContents();
    const indicatorCodes = header.slice(2);
    expect(indicatorCodes.length).toBeGreaterThan(1);
    expect(indicatorCodes.every((code) => code.startsWith('1.'))).toBe(true);
    await heatmapDrawn(page, 10 * indicatorCodes.length);
    const listed = await page.getByTestId('overview-indicators').locator('tbody tr td:first-child').allTextContents();
    expect(listed.every((code) => code.startsWith('1.'))).toBe(true);
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    await screenshot(page, 'public-indicator-overview-drill-1366');

    await page.getByRole('button', { name: 'Trở lại tất cả chỉ số chính' }).click();
    await page.getByRole('heading', { name: 'Bản đồ nhiệt theo đơn vị' }).waitFor();
    expect(page.url()).not.toMatch(/main=/);
  });

  it('downloads the indicator list as CSV for Excel in Vietnamese under a name without diacritics', async () => {
    const page = await open(overviewUrl);
    await page.getByTestId('overview-indicators').waitFor();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path()).toString('utf8') };
    };
    const excel = await download('Tải CSV cho Excel tiếng Việt');
    expect(excel.name).toBe('tong-quan-chi-so-2022-huyen-thi-xa-thanh-pho-excel.csv');
    const [header, first] = excel.text.slice(1).split('\r\n');
    expect(header).toBe(
      'Mã;Chỉ số;Chỉ số chính;Điểm tối đa;Đạt tối đa;Đạt một phần;Không đạt;Không đánh giá;Điểm bị mất;Tỷ lệ đạt bình quân',
    );
    // The first row is the indicator listed first on screen, its points lost with a decimal comma.
    const firstCode = (await page.getByTestId('overview-indicators').locator('tbody tr td:first-child').first().textContent()) ?? '';
    expect(first?.split(';')[0]).toBe(firstCode);
    expect(first?.split(';')[8]).toMatch(/^\d+,\d{2}$/);
    const csv = await download('Tải CSV');
    expect(csv.name).toBe('tong-quan-chi-so-2022-huyen-thi-xa-thanh-pho.csv');
    expect(csv.text.slice(1).split('\r\n')[0]?.startsWith('Mã,Chỉ số,Chỉ số chính,')).toBe(true);
  });

  it('on a phone: the heatmap scrolls inside its frame, never the page; axe clean', async () => {
    const page = await open(`${overviewUrl}?main=1`, PHONE);
    await page.getByTestId('overview-matrix').waitFor();
    await heatmapDrawn(page, 10);
    const frame = page.getByTestId('overview-heatmap');
    expect(await frame.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    await screenshot(page, 'public-indicator-overview-phone');
  });

  it('prints the heatmap and the tables, not the navigation, the buttons or the fields', async () => {
    const page = await open(overviewUrl);
    await page.getByTestId('overview-matrix').waitFor();
    await heatmapDrawn(page, 10);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tải CSV', exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel('Xem chi tiết').isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: /Bản đồ nhiệt/ }).isVisible()).toBe(true);
    expect(await page.getByTestId('overview-matrix').isVisible()).toBe(true);
    expect(await page.getByTestId('overview-indicators').isVisible()).toBe(true);
    await screenshot(page, 'public-indicator-overview-print');
  });

  it('is linked from a unit page', async () => {
    const page = await open(`${rankingUrl}/DBP`);
    await page.getByRole('link', { name: /So sánh với toàn tỉnh/ }).click();
    await page.waitForURL(/\/chi-so\//);
    await page.getByTestId('overview-matrix').waitFor();
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
