/**
 * The province-wide indicator overview in Chromium, on the built `opendti serve` with the demo (2022
 * published): a visitor opens it from the ranking, sees the heatmap (ECharts, drawn as SVG) and the
 * table of the same numbers, drills into one main index, downloads the CSV under a Vietnamese name
 * without diacritics; on a laptop and on a phone, where only the heatmap's own frame scrolls; axe
 * clean; the print view keeps the heatmap and the tables. Then, on the same server, out-of-range
 * input refused at the field and by the API (issue 10, "Done when"). No Content-Security-Policy
 * violation on any page visited.
 */
import { readFileSync } from 'node:fs';
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
    const heatmapText = await page
      .getByRole('img', { name: /Bản đồ nhiệt/ })
      .locator('svg')
      .textContent();
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
    const firstCode =
      (await page.getByTestId('overview-indicators').locator('tbody tr td:first-child').first().textContent()) ?? '';
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

  /**
   * Issue 10, "Done when": out-of-range input refused at the field and by the API. The rules are
   * core's readAnswer, once for both: 12 in a 0–10 field, a ratio a > b, a negative part and an
   * off-step value are refused at the field with the message naming the limit, and the same values
   * sent to the API are refused with the Problem's code; nothing is stored. The demo's frameworks
   * declare no points step, so the administrator clones the district framework with a step of 0,5
   * on 1.2 for a 2024 period (HTTP API: not the point of the journey).
   */
  describe('out-of-range input refused at the field and by the API', () => {
    let reporter: ApiSession;
    let assessmentId = '';

    const put = async (indicator: string, body: object) => {
      const response = await fetch(`${server.url}/api/v1/assessments/${assessmentId}/answers/${indicator}`, {
        method: 'PUT',
        headers: {
          cookie: reporter.cookie,
          'x-csrf-token': reporter.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ ...body, baseVersion: 0 }),
      });
      return { status: response.status, error: ((await response.json()) as { error: { code: string; message: string } }).error };
    };

    beforeAll(async () => {
      const admin = await apiSignIn(server, 'quantri');
      const manager = await apiSignIn(server, 'quanly');
      const frameworkId = 'dienbien-2024-buoc-diem';
      await apiCall(server, admin, 'POST', '/api/v1/frameworks/dienbien-2022-district/clone', {
        id: frameworkId,
        year: 2024,
        name: 'Bộ chỉ số cấp huyện 2024 (thử bước điểm)',
      });
      const document = await apiCall<{ mainIndices: { indicators: { code: string; pointsStep?: number }[] }[] }>(
        server,
        admin,
        'GET',
        `/api/v1/frameworks/${frameworkId}`,
      );
      const stepped = document.mainIndices.flatMap((main) => main.indicators).find((indicator) => indicator.code === '1.2');
      if (!stepped) throw new Error('no indicator 1.2');
      stepped.pointsStep = 0.5;
      const saved = await fetch(`${server.url}/api/v1/frameworks/${frameworkId}`, {
        method: 'PUT',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ document }),
      });
      expect(saved.status).toBe(200);
      const period = await apiCall<{ id: string }>(server, manager, 'POST', '/api/v1/periods', {
        year: 2024,
        name: 'Kỳ thử giới hạn nhập liệu 2024',
        cohorts: [{ unitKind: 'district', frameworkId }],
      });
      await apiCall(server, manager, 'POST', `/api/v1/periods/${period.id}/transitions`, { action: 'openSelfAssessment' });
      const assessments = await apiCall<{ items: { id: string; unit: { code: string } }[] }>(
        server,
        manager,
        'GET',
        `/api/v1/periods/${period.id}/assessments`,
      );
      assessmentId = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id ?? '';
      expect(assessmentId).not.toBe('');
      reporter = await apiSignIn(server, 'nhaplieu.dbp');
    }, 120_000);

    it('refuses 12 of 10 points and an off-step 7,3 at the field, naming the limit and the step', async () => {
      const context = await browser.newContext({ viewport: LAPTOP });
      contexts.push(context);
      const page = await context.newPage();
      await loginAs(page, server.url, 'nhaplieu.dbp', demoPassword(server, 'nhaplieu.dbp'));
      await page.goto(`${server.url}/don-vi/${assessmentId}?chi-so=1.2`);
      const points = page.getByLabel(/Điểm tự chấm/);
      await points.waitFor();
      await page.getByText('Theo bước 0,5 điểm').waitFor();
      await points.pressSequentially('12');
      await page.getByText('Điểm 12 vượt điểm tối đa 10 của "1.2"').waitFor();
      await points.fill('7,3');
      await page.getByText('Điểm 7,3 của "1.2" không theo bước 0,5 điểm (gần nhất: 7 hoặc 7,5)').waitFor();
      expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
      await screenshot(page, 'input-limits-off-step');

      // A ratio: a above b, then a negative part.
      await page.goto(`${server.url}/don-vi/${assessmentId}?chi-so=3.1`);
      await page.getByLabel('Số đạt được (a)').fill('120');
      await page.getByLabel('Tổng số (b)').fill('100');
      await page.getByText('Tỷ lệ 120/100 của "3.1" vượt 100%: tử số a (120) không được lớn hơn mẫu số b (100)').waitFor();
      await page.getByLabel('Số đạt được (a)').fill('-2');
      await page.getByLabel('Tổng số (b)').fill('5');
      await page.getByText(/^Giá trị -2\/5 của "3\.1" không được âm$/).waitFor();
      await screenshot(page, 'input-limits-ratio');
      await context.close();
    });

    it('refuses the same values sent to the API with the Problem code, in Vietnamese, and stores none of them', async () => {
      expect(await put('1.2', { points: 12 })).toEqual({
        status: 400,
        error: { code: 'input.points-above-max', message: 'điểm 12 vượt điểm tối đa 10 của "1.2"' },
      });
      expect(await put('1.2', { points: 7.3 })).toEqual({
        status: 400,
        error: {
          code: 'input.points-off-step',
          message: 'điểm 7,3 của "1.2" không theo bước 0,5 điểm (gần nhất: 7 hoặc 7,5)',
        },
      });
      expect(await put('3.1', { value: '120/100' })).toMatchObject({ status: 400, error: { code: 'input.ratio-above-one' } });
      expect(await put('3.1', { value: '-2/5' })).toMatchObject({ status: 400, error: { code: 'input.negative-value' } });
      const view = await apiCall<{ answers: { indicatorCode: string; selfPoints: number | null }[] }>(
        server,
        reporter,
        'GET',
        `/api/v1/assessments/${assessmentId}`,
      );
      const stored = view.answers.filter((answer) => ['1.2', '3.1'].includes(answer.indicatorCode) && answer.selfPoints !== null);
      expect(stored).toEqual([]);
    });
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
