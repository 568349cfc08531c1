/**
 * Publishing as the provincial office does it (issue 10, "Manager"), in real Chromium on the built
 * `opendti serve` with the demo: the 2023 self-assessment is closed with most units silent (one
 * unit, Thành phố Điện Biên Phủ, answered a little); the manager opens the publication preview and
 * reads its warnings, each naming a unit; once the council has finalised every unit (HTTP API, not
 * the point here), the manager enters the publication decision — refused at the field while it is
 * incomplete or dated tomorrow — and publishes; the public ranking and unit page cite the decision.
 * The period form refuses dates out of order at the field, naming both. Screenshots of the preview
 * at 1,366 px and on a phone; axe on every page; the CSP check at the end.
 */
import { readFileSync } from 'node:fs';
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
const DECISION_LINE =
  /^Công bố theo Quyết định số 27\/QĐ-UBND ngày \d{2}\/\d{2}\/\d{4} của Phó Chủ tịch Ủy ban nhân dân tỉnh Lò Văn Kiểm$/;

/** dd/mm/yyyy, `days` after today in Vietnam. */
function vietnameseDayFromNow(days: number): string {
  const day = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

describe('publishing 2023 through the preview, with its warnings and the decision', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let periodId = '';
  let manager: ApiSession;
  let chair: ApiSession;

  async function newPage(viewport: { width: number; height: number }, username?: string, phone = false): Promise<Page> {
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    if (username) await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  /** Opens a group of warnings ("Không có câu trả lời (27)"): long groups start closed, showing their count. */
  async function openWarnings(page: Page, kind: string): Promise<void> {
    const control = page.getByRole('button', { name: new RegExp(`^${kind} \\(\\d+\\)$`) });
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
  }

  const accessibility: Record<string, AxeViolation[]> = {};
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    accessibility[name] = await seriousAccessibilityViolations(page);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await apiSignIn(server, 'quanly');
    chair = await apiSignIn(server, 'chutich');
    const list = await apiCall<{ items: { id: string; year: number }[] }>(server, manager, 'GET', '/api/v1/periods?pageSize=200');
    periodId = list.items.find((period) => period.year === 2023)?.id ?? '';
    expect(periodId).not.toBe('');
    // Điện Biên Phủ answers two indicators; every other unit stays silent; the manager closes the self-assessment.
    const reporter = await apiSignIn(server, 'nhaplieu.dbp');
    const mine = await apiCall<{ items: { id: string }[] }>(server, reporter, 'GET', `/api/v1/periods/${periodId}/assessments`);
    const dbp = mine.items[0]?.id ?? '';
    await apiCall(server, reporter, 'PUT', `/api/v1/assessments/${dbp}/answers/1.1`, { value: 'có', baseVersion: 0 });
    await apiCall(server, reporter, 'PUT', `/api/v1/assessments/${dbp}/answers/1.2`, { points: 5, baseVersion: 0 });
    await apiCall(server, manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('leads the manager from the period to the preview, which warns unit by unit', async () => {
    const page = await newPage(LAPTOP, 'quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}`);
    await page.getByRole('link', { name: 'Xem trước bảng công bố' }).click();
    await page.waitForURL(`**/quan-tri/ky-danh-gia/${periodId}/cong-bo`);
    await page.getByRole('heading', { name: 'Xem trước bảng công bố', level: 2 }).waitFor();
    await page.getByRole('heading', { name: /^Cảnh báo \(\d+\)$/ }).waitFor();
    // A silent unit has no answers; Điện Biên Phủ has answers but is not finalised and has undecided indicators.
    await openWarnings(page, 'Không có câu trả lời');
    await openWarnings(page, 'Chưa chốt kết quả');
    await page.getByText('Thị xã Mường Lay: đơn vị không có câu trả lời nào').waitFor();
    await page
      .getByText(`${DBP}: bản đánh giá đang ở trạng thái "Đã nộp, chờ thẩm định", chưa được Chủ tịch Hội đồng chốt kết quả`)
      .waitFor();
    await page.getByText(new RegExp(`^${DBP}: còn \\d+ chỉ số chưa được Hội đồng công nhận hoặc điều chỉnh điểm$`)).waitFor();
    expect(await page.getByText(`${DBP}: đơn vị không có câu trả lời nào`).count()).toBe(0);
    // The table is the public ranking's, with the change since 2022 (the demo's published year).
    await page.getByRole('heading', { name: /^Bảng xếp hạng Huyện, thị xã, thành phố: \d+ đơn vị$/ }).waitFor();
    await page.getByText('Cột thay đổi so với kỳ công bố năm 2022.').first().waitFor();
    await page
      .getByRole('columnheader', { name: /Thay đổi hạng/ })
      .first()
      .waitFor();
    // Not publishable yet: the server's reason is shown and the button stays closed.
    // Units that entered nothing come first: the manager decides each on the status board.
    await page.getByText(/^Chưa công bố được: còn \d+ đơn vị không có dữ liệu tự đánh giá;/).waitFor();
    expect(await page.getByRole('button', { name: 'Công bố kết quả' }).isDisabled()).toBe(true);
    await checkAccessibility(page, 'preview with warnings');
    await screenshot(page, 'publication-1-preview-warnings-1366');

    const phone = await newPage(PHONE, 'quanly', true);
    await phone.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}/cong-bo`);
    await openWarnings(phone, 'Không có câu trả lời');
    await phone.getByText('Thị xã Mường Lay: đơn vị không có câu trả lời nào').waitFor();
    // The page itself does not scroll sideways on a phone; the table scrolls inside its box.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(phone, 'publication-1-preview-warnings-phone');
  });

  it('refuses an incomplete or future decision at the field, then publishes with it', async () => {
    // The council finalises every unit as entered (HTTP API).
    const assessments = await apiCall<{ items: { id: string; state: string }[] }>(
      server,
      chair,
      'GET',
      `/api/v1/periods/${periodId}/assessments`,
    );
    // The units that entered nothing stayed drafts at the close: the manager scores them as zero.
    for (const silent of assessments.items.filter((assessment) => assessment.state === 'draft')) {
      await apiCall(server, manager, 'PUT', `/api/v1/assessments/${silent.id}/participation`, {
        participation: 'scoredAsZero',
        reason: 'Không nộp bản tự đánh giá',
      });
    }
    for (const assessment of assessments.items.filter((item) => item.state !== 'draft')) {
      await apiCall(server, chair, 'POST', `/api/v1/assessments/${assessment.id}/appraisals/accept-remaining`, {});
      await apiCall(server, chair, 'POST', `/api/v1/assessments/${assessment.id}/transitions`, { action: 'finalise' });
    }
    const page = await newPage(LAPTOP, 'quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}`);
    // "Publish" on the period page leads to the preview.
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.waitForURL(`**/quan-tri/ky-danh-gia/${periodId}/cong-bo`);
    await openWarnings(page, 'Không có câu trả lời');
    await openWarnings(page, 'Thay đổi lớn');
    await page.getByText('Thị xã Mường Lay: đơn vị không có câu trả lời nào').waitFor();
    expect(await page.getByRole('button', { name: /^Chưa chốt kết quả/ }).count()).toBe(0);
    expect(await page.getByText(/chưa được Chủ tịch Hội đồng chốt kết quả$/).count()).toBe(0);
    // One answer against 2022's full year: a large change, named with the year and the figures.
    await page.getByText(new RegExp(`^${DBP}: thay đổi lớn so với năm 2022 \\(.*\\)$`)).waitFor();

    const publish = page.getByRole('button', { name: 'Công bố kết quả' });
    expect(await publish.isDisabled()).toBe(false);
    await publish.click();
    await page.getByText('Cần nhập số quyết định').waitFor();
    await page.getByText('Cần nhập họ tên người ký').waitFor();
    await page.getByLabel('Số quyết định').fill('QĐ 27');
    await page.getByLabel('Ngày ký').fill(vietnameseDayFromNow(1));
    await page.getByLabel('Họ tên người ký').fill('Lò Văn Kiểm');
    await page.getByLabel('Chức vụ người ký').fill('Phó Chủ tịch Ủy ban nhân dân tỉnh');
    await page.getByText('Số quyết định "QĐ 27" không đúng dạng số/ký hiệu, ví dụ 123/QĐ-UBND').waitFor();
    await page.getByText(/^Ngày ký quyết định \(\d{2}\/\d{2}\/\d{4}\) chưa đến/).waitFor();
    await page.getByLabel('Số quyết định').fill('27/QĐ-UBND');
    await page.getByLabel('Ngày ký').fill(vietnameseDayFromNow(0));
    // What the public pages will read, before it is sent.
    await page.getByText(DECISION_LINE).waitFor();
    await checkAccessibility(page, 'preview with the decision');
    await screenshot(page, 'publication-2-preview-decision-1366');
    await publish.click();
    await page.waitForURL(`**/quan-tri/ky-danh-gia/${periodId}`);
    await page.getByTestId('publication-decision').getByText(DECISION_LINE).waitFor();
    await checkAccessibility(page, 'published period');
    await screenshot(page, 'publication-3-period-published');
  });

  it('cites the decision on the public ranking and on a unit page', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${server.url}/ket-qua/${periodId}/district`);
    await page.getByTestId('publication-decision').getByText(DECISION_LINE).waitFor();
    await checkAccessibility(page, 'public ranking');
    await screenshot(page, 'publication-4-public-ranking');
    // The XLSX's title block names the decision (its entries are stored uncompressed, its strings inline).
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel (XLSX)', exact: true }).click(),
    ]);
    const xlsx = readFileSync(await file.path()).toString('utf8');
    expect(xlsx).toContain('Quyết định công bố');
    expect(xlsx).toMatch(/Quyết định số 27\/QĐ-UBND ngày \d{2}\/\d{2}\/\d{4} của Phó Chủ tịch Ủy ban nhân dân tỉnh Lò Văn Kiểm/);
    await page.getByRole('link', { name: DBP, exact: true }).click();
    await page.waitForURL(`**/ket-qua/${periodId}/district/DBP`);
    await page.getByTestId('publication-decision').getByText(DECISION_LINE).waitFor();
    await checkAccessibility(page, 'public unit page');
  });

  it('refuses a period whose dates are out of order at the field, naming both dates', async () => {
    const page = await newPage(LAPTOP, 'quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/tao-moi`);
    const selfAssessment = page.getByLabel('Hạn tự đánh giá');
    await selfAssessment.waitFor();
    const deadline = await selfAssessment.inputValue();
    const [, , year] = deadline.split('/');
    await page.getByLabel('Hạn thẩm định').fill(`15/01/${year}`);
    await page.getByText(`Hạn thẩm định (15/01/${year}) phải sau hạn tự đánh giá (${deadline})`).waitFor();
    await checkAccessibility(page, 'period form with dates out of order');
    await screenshot(page, 'publication-5-period-dates-order');
  });

  it('has no serious or critical accessibility violation on the pages visited', () => {
    expect(Object.keys(accessibility).length).toBe(6);
    const found = Object.fromEntries(Object.entries(accessibility).filter(([, violations]) => violations.length > 0));
    expect(found).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
