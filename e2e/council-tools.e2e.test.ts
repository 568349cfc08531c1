/**
 * The appraisal council's tools (issue 10, "Council") in real Chromium, on the built `opendti serve`
 * with the demo: the chair assigns the appraiser main index 3 of Thành phố Điện Biên Phủ (DBP); the
 * appraiser filters the queue to "Được phân công cho tôi", withdraws a supplementation request the unit
 * has not answered (the unit's banner goes), and accepts, after a confirmation that says
 * how many, every remaining indicator of DBP they may decide; the chair sees finalising refused with
 * the server's reason, accepts the rest and finalises from the unit's own appraisal page; the chair
 * records the minutes of the sign-off meeting and the period manager reads them on the period's page.
 * The earlier steps (answers, submission, closing the self-assessment) go through the HTTP API.
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
import type { AssessmentSummary } from './support/fixtures.js';
import { type RunningServer, startServer } from './support/server.js';

const DBP = 'Thành phố Điện Biên Phủ';
const APPRAISER = 'Thành viên Hội đồng thẩm định (DEMO)';
const CHAIR = 'Chủ tịch Hội đồng thẩm định (DEMO)';
const DECISION = 'Hội đồng thống nhất thông qua kết quả thẩm định của Thành phố Điện Biên Phủ, không điều chỉnh điểm.';

/** Today in Vietnam as dd/mm/yyyy. */
function vietnameseToday(): string {
  const day = new Date(Date.now() + 7 * 3600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

describe('the council assigns, accepts, finalises from the unit page and records its minutes', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let periodId = '';
  let dbpId = '';

  const signIn = (username: string) => apiSignIn(server, username);
  const call = <T>(session: ApiSession | undefined, method: 'GET' | 'POST', path: string, body?: unknown) =>
    apiCall<T>(server, session, method, path, body);

  /** A page of a fresh browser context signed in as `username` through the form, at 1,366 px or on a phone. */
  async function pageAs(username: string, viewport = { width: 1366, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  const accessibility: Record<string, AxeViolation[]> = {};
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    accessibility[name] = await seriousAccessibilityViolations(page);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const manager = await signIn('quanly');
    const periods = await call<{ items: { id: string; year: number }[] }>(manager, 'GET', '/api/v1/periods?pageSize=200');
    periodId = periods.items.find((period) => period.year === 2023)?.id ?? '';
    const assessments = await call<{ items: AssessmentSummary[] }>(manager, 'GET', `/api/v1/periods/${periodId}/assessments`);
    dbpId = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id ?? '';
    // DBP answers a few indicators and its leader submits; the manager closes the self-assessment.
    const reporter = await signIn('nhaplieu.dbp');
    for (const code of ['1.1']) {
      const view = await call<{ answers: { indicatorCode: string; version: number }[] }>(
        reporter,
        'GET',
        `/api/v1/assessments/${dbpId}`,
      );
      const baseVersion = view.answers.find((answer) => answer.indicatorCode === code)?.version ?? 0;
      await apiPut(reporter, `/api/v1/assessments/${dbpId}/answers/${code}`, { value: 'có', baseVersion });
    }
    const state = (await call<{ state: string }>(reporter, 'GET', `/api/v1/assessments/${dbpId}`)).state;
    if (state === 'draft')
      await call(await signIn('lanhdao.dbp'), 'POST', `/api/v1/assessments/${dbpId}/transitions`, { action: 'submit' });
    await call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
  }, 180_000);

  /** PUT through fetch (the support helper speaks GET and POST). */
  async function apiPut(session: ApiSession, path: string, body: unknown): Promise<void> {
    const response = await fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
  }

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the chair assign the appraiser main index 3 of DBP on the council overview', async () => {
    const page = await pageAs('chutich');
    await page.goto(`${server.url}/tham-dinh/ky/${periodId}?nhom=district`);
    await page.getByRole('heading', { name: 'Phân công thẩm định' }).waitFor();
    await page.getByRole('combobox', { name: 'Thành viên', exact: true }).click();
    await page.getByRole('option', { name: APPRAISER }).click();
    await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('option', { name: DBP }).click();
    await page.getByRole('combobox', { name: 'Chỉ số chính', exact: true }).click();
    await page.getByRole('option', { name: /^3\. / }).click();
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByText(`Đã phân công ${APPRAISER}.`).waitFor();
    await page.getByRole('cell', { name: `${DBP} — chỉ số chính 3`, exact: true }).waitFor();
    await checkAccessibility(page, 'council overview with assignments');
    await screenshot(page, 'council-tools-1-assignments');
  });

  it('lets the appraiser keep the units assigned to them in the queue, on a laptop and a phone', async () => {
    const page = await pageAs('thamdinh');
    await page.goto(`${server.url}/tham-dinh?ky=${periodId}`);
    const chip = page.getByText(/^Được phân công cho tôi \(1\)$/);
    await chip.click();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    const row = page.getByRole('row').filter({ hasText: DBP });
    await row.getByText('Của tôi', { exact: true }).waitFor();
    await row.getByText(`${APPRAISER} (bạn) · chỉ số chính 3`).waitFor();
    expect(new URL(page.url()).searchParams.get('loc')).toBe('assigned');
    await checkAccessibility(page, 'queue assigned to me');
    await screenshot(page, 'council-tools-2-queue-assigned');

    const phone = await pageAs('thamdinh', { width: 390, height: 844 });
    await phone.goto(`${server.url}/tham-dinh?ky=${periodId}&loc=assigned`);
    // One card per unit on a phone, the one assigned to the reader marked as theirs.
    await phone.locator('a').filter({ hasText: DBP }).filter({ hasText: 'Của tôi' }).waitFor();
    expect(await phone.locator('a').filter({ hasText: 'Của tôi' }).count()).toBe(1);
    await checkAccessibility(phone, 'queue on a phone');
    await screenshot(phone, 'council-tools-2-queue-phone');
  });

  it('lets the appraiser withdraw a request the unit has not answered: the unit’s banner goes', async () => {
    const appraiser = await signIn('thamdinh');
    await apiPut(appraiser, `/api/v1/assessments/${dbpId}/appraisals/1.1`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung quyết định thành lập Ban chỉ đạo.',
      dueOn: '2099-02-15',
      baseVersion: 0,
    });
    const unitPage = await pageAs('nhaplieu.dbp');
    await unitPage.goto(`${server.url}/don-vi/${dbpId}`);
    await unitPage.getByText('Hội đồng thẩm định yêu cầu bổ sung, giải trình').first().waitFor();

    const page = await pageAs('thamdinh');
    await page.goto(`${server.url}/tham-dinh/${dbpId}?chi-so=1.1`);
    await page.getByRole('button', { name: 'Rút lại yêu cầu bổ sung 1.1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rút lại yêu cầu bổ sung chỉ số 1.1?' });
    await dialog.getByRole('button', { name: 'Rút lại yêu cầu bổ sung' }).click();
    await page.getByText('Đã rút lại yêu cầu bổ sung chỉ số 1.1.').waitFor();
    expect((await call<{ state: string }>(appraiser, 'GET', `/api/v1/assessments/${dbpId}`)).state).toBe('inAppraisal');

    await unitPage.reload();
    await unitPage.getByRole('heading', { name: DBP }).first().waitFor();
    expect(await unitPage.getByText('Hội đồng thẩm định yêu cầu bổ sung, giải trình').count()).toBe(0);
  });

  it('lets the appraiser accept every remaining indicator of DBP they may decide, after saying how many', async () => {
    const page = await pageAs('thamdinh');
    await page.goto(`${server.url}/tham-dinh/${dbpId}`);
    await page.getByRole('heading', { name: DBP }).waitFor();
    await page.getByText(`${APPRAISER} (bạn) · chỉ số chính 3`).waitFor();
    const button = page.getByRole('button', { name: /^Công nhận tất cả \d+ chỉ số còn lại của đơn vị$/ });
    const count = Number((await button.textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(10);
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Công nhận các chỉ số còn lại?' });
    await dialog
      .getByText(`Công nhận điểm tự đánh giá của ${count} chỉ số chưa thẩm định thuộc "${DBP}"`, { exact: false })
      .waitFor();
    await checkAccessibility(page, 'accept all remaining');
    await screenshot(page, 'council-tools-3-accept-all-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(`Đã công nhận ${count} chỉ số.`).waitFor();
    // The appraiser's field is main indices 1–5: what is left belongs to others, and no chair's button shows.
    await expect.poll(() => button.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Chốt', exact: true }).count()).toBe(0);
  });

  it('lets the chair see why finalising waits, accept the rest and finalise from the unit page', async () => {
    const page = await pageAs('chutich');
    await page.goto(`${server.url}/tham-dinh/${dbpId}`);
    await page.getByRole('heading', { name: DBP }).waitFor();
    const finalise = page.getByRole('button', { name: 'Chốt', exact: true });
    await expect.poll(() => finalise.isDisabled()).toBe(true);
    await page.getByText(/^Chưa chốt được: còn \d+ chỉ số chưa được công nhận hoặc điều chỉnh điểm/).waitFor();
    await screenshot(page, 'council-tools-4-finalise-blocked');

    await page.getByRole('button', { name: /^Công nhận tất cả \d+ chỉ số còn lại của đơn vị$/ }).click();
    await page.getByRole('dialog', { name: 'Công nhận các chỉ số còn lại?' }).getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(/^Đã công nhận \d+ chỉ số\.$/).waitFor();
    await expect.poll(() => finalise.isEnabled()).toBe(true);
    await checkAccessibility(page, 'unit appraisal ready to finalise');
    await finalise.click();
    const dialog = page.getByRole('dialog', { name: `Chốt kết quả thẩm định của ${DBP}?` });
    await dialog.getByRole('button', { name: 'Chốt', exact: true }).click();
    await page.getByText(`Đã chốt kết quả của ${DBP}.`).waitFor();
    await page.getByText('Đã chốt kết quả').first().waitFor();
    await screenshot(page, 'council-tools-4-finalised');
    const chair = await signIn('chutich');
    expect((await call<{ state: string }>(chair, 'GET', `/api/v1/assessments/${dbpId}`)).state).toBe('finalised');
  });

  it('lets the chair record the minutes of the sign-off meeting', async () => {
    const page = await pageAs('chutich');
    await page.goto(`${server.url}/tham-dinh/ky/${periodId}?nhom=district`);
    await page.getByRole('button', { name: 'Ghi biên bản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi biên bản họp Hội đồng' });
    // Nothing chosen: the server's check (core's rule) answers at the fields, in Vietnamese.
    await dialog.getByRole('button', { name: 'Lưu biên bản' }).click();
    await dialog.getByText('Cần chọn ít nhất một thành viên Hội đồng có mặt').waitFor();
    await dialog.getByText('Cần ghi nội dung kết luận của Hội đồng').waitFor();
    await expect.poll(() => dialog.getByLabel('Ngày họp (dd/mm/yyyy)').inputValue()).toBe(vietnameseToday());
    await dialog.getByRole('checkbox', { name: CHAIR }).check();
    await dialog.getByRole('checkbox', { name: APPRAISER }).check();
    await dialog.getByLabel('Người dự khác (mỗi dòng một người)').fill('Bà Lò Thị Hoa, Sở Nội vụ');
    await dialog.getByLabel('Kết luận của Hội đồng').fill(DECISION);
    await checkAccessibility(page, 'minutes form');
    await screenshot(page, 'council-tools-5-minutes-form');
    await dialog.getByRole('button', { name: 'Lưu biên bản' }).click();
    await page.getByText('Đã lưu biên bản.').waitFor();
    await page.getByRole('heading', { name: `Họp ngày ${vietnameseToday()}` }).waitFor();
    await page.getByText(DECISION).waitFor();
    await screenshot(page, 'council-tools-5-minutes');
  });

  it('shows the minutes to the period manager on the period’s page', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}`);
    await page.getByRole('heading', { name: 'Biên bản họp Hội đồng thẩm định' }).waitFor();
    await page.getByText(DECISION).waitFor();
    await page.getByText(`Thành viên có mặt: ${CHAIR}, ${APPRAISER}`).waitFor();
    await page.getByText('Người dự khác: Bà Lò Thị Hoa, Sở Nội vụ').waitFor();
    expect(await page.getByRole('button', { name: /^Sửa biên bản/ }).count()).toBe(0);
    await checkAccessibility(page, 'period page with minutes');
    await screenshot(page, 'council-tools-6-manager-minutes');
  });

  it('has no serious or critical accessibility violation on the pages visited', () => {
    expect(Object.keys(accessibility)).toHaveLength(7);
    const found = Object.fromEntries(Object.entries(accessibility).filter(([, violations]) => violations.length > 0));
    expect(found).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
