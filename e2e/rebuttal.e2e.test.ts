/**
 * The rebuttal round (giải trình, kiến nghị) of issue 10 in real Chromium, on the built `opendti
 * serve` with the demo: Thành phố Điện Biên Phủ (DBP) answers and submits; the council lowers 1.2
 * and accepts the rest (all through the HTTP API, as they are not the point here). Then, on screen:
 * the manager switches the round on for 2023 (the demo holds none); the chair sends the results; the reporter contests 1.2
 * with an explanation and the leader sends it; the chair changes the points with a reason; the chair
 * finalises. Screenshots of the unit's contest screen and the council's answer screen at 1,366 px,
 * the unit's on a phone; axe on each; the Content-Security-Policy at the end.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiSignIn, demoPassword } from './support/api.js';
import {
  type AxeViolation,
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { tinyPdf } from './support/fixtures.js';
import { type RunningServer, startServer } from './support/server.js';

const DBP = 'Thành phố Điện Biên Phủ';
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

interface View {
  state: string;
  appraisals: { indicatorCode: string; decision: string; appraisedPoints: number | null; reason: string | null }[];
  rebuttal: { dueOn: string | null; contests: { indicatorCode: string; status: string; outcome: string | null }[] };
}

describe('the rebuttal round of Thành phố Điện Biên Phủ, 2023', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let periodId = '';
  let dbpId = '';

  /** The HTTP API with any method (the shared helper takes GET and POST). */
  async function call<T>(session: ApiSession, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function pageAs(username: string, viewport = LAPTOP): Promise<Page> {
    const phone = viewport.width < 500;
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  const accessibility: Record<string, AxeViolation[]> = {};
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    accessibility[name] = await seriousAccessibilityViolations(page);
  }
  const dbpView = async (session: ApiSession) => call<View>(session, 'GET', `/api/v1/assessments/${dbpId}`);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const manager = await apiSignIn(server, 'quanly');
    const reporter = await apiSignIn(server, 'nhaplieu.dbp');
    const leader = await apiSignIn(server, 'lanhdao.dbp');
    const chair = await apiSignIn(server, 'chutich');
    const periods = await call<{ items: { id: string; year: number }[] }>(manager, 'GET', '/api/v1/periods?pageSize=200');
    periodId = periods.items.find((period) => period.year === 2023)?.id ?? '';
    const assessments = await call<{ items: { id: string; unit: { code: string } }[] }>(
      manager,
      'GET',
      `/api/v1/periods/${periodId}/assessments`,
    );
    dbpId = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id ?? '';
    for (const [code, body] of [
      ['1.1', { value: 'có' }],
      ['1.2', { points: 5 }],
    ] as const) {
      await call(reporter, 'PUT', `/api/v1/assessments/${dbpId}/answers/${code}`, { ...body, baseVersion: 0 });
    }
    await call(leader, 'POST', `/api/v1/assessments/${dbpId}/transitions`, { action: 'submit' });
    await call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
    await call(chair, 'PUT', `/api/v1/assessments/${dbpId}/appraisals/1.2`, {
      decision: 'adjusted',
      appraisedPoints: 2,
      reason: 'Kế hoạch chuyển đổi số chưa có số, ngày ban hành',
      baseVersion: 0,
    });
    await call(chair, 'POST', `/api/v1/assessments/${dbpId}/appraisals/accept-remaining`, {});
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the manager switch the round on for the period (the demo holds none)', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}`);
    await page.getByText('Không có vòng giải trình, kiến nghị: Chủ tịch Hội đồng chốt kết quả trực tiếp.').waitFor();
    await page.getByRole('switch', { name: 'Có vòng giải trình, kiến nghị' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page
      .getByText('Có vòng giải trình, kiến nghị: đơn vị được kiến nghị trong 5 ngày làm việc sau khi Hội đồng gửi kết quả.')
      .waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkAccessibility(page, 'period settings');
    await screenshot(page, 'rebuttal-0-period-settings');
  });

  it('lets the chair send the results to the unit once every indicator is decided', async () => {
    const page = await pageAs('chutich');
    await page.goto(`${server.url}/tham-dinh/${dbpId}`);
    await page.getByRole('heading', { name: DBP }).first().waitFor();
    await page.getByRole('button', { name: 'Gửi kết quả cho đơn vị' }).click();
    await page
      .getByRole('dialog', { name: `Gửi kết quả thẩm định cho ${DBP}?` })
      .getByRole('button', { name: 'Gửi' })
      .click();
    await page.getByText('Đang trong vòng giải trình, kiến nghị').waitFor();
    expect((await dbpView(await apiSignIn(server, 'chutich'))).state).toBe('rebuttalOpen');
  });

  it('lets the reporter contest the adjusted indicator with an explanation, and the leader send it', async () => {
    const page = await pageAs('nhaplieu.dbp');
    await page.goto(`${server.url}/don-vi/${dbpId}`);
    const section = page.getByTestId('rebuttal-section');
    await section.waitFor();
    const card = page.getByTestId('adjusted-1.2');
    await card.getByText('Thẩm định: 2 điểm').waitFor();
    await card.getByText('Lý do của Hội đồng: Kế hoạch chuyển đổi số chưa có số, ngày ban hành').waitFor();
    await card.getByRole('button', { name: 'Kiến nghị', exact: true }).click();
    await card
      .getByLabel('Nội dung giải trình, kiến nghị')
      .fill('Kế hoạch số 45/KH-UBND ngày 15/3/2023 của UBND thành phố đã ban hành; đề nghị Hội đồng xem lại điểm.');
    await card.getByRole('button', { name: 'Lưu kiến nghị' }).click();
    await card.getByText('Kiến nghị chưa gửi').waitFor();
    // Evidence for the contest, in the indicator's panel, which takes it during the window.
    await card.getByRole('button', { name: 'Thêm tài liệu kiểm chứng' }).click();
    await page.waitForURL('**/don-vi/*?chi-so=1.2');
    await page.locator('input[type="file"]').first().setInputFiles({
      name: 'ke-hoach-45-KH-UBND.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByText('ke-hoach-45-KH-UBND.pdf').first().waitFor({ timeout: 20_000 });
    // The full-page screenshot from the top, so that the sticky header stays at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkAccessibility(page, 'unit contest');
    await screenshot(page, 'rebuttal-1-unit-contest');
    // The reporter writes; the leader sends.
    await section.getByText('Lãnh đạo đơn vị gửi các kiến nghị cho Hội đồng.').waitFor();

    const phone = await pageAs('nhaplieu.dbp', PHONE);
    await phone.goto(`${server.url}/don-vi/${dbpId}`);
    await phone.getByTestId('adjusted-1.2').getByText('Kiến nghị chưa gửi').waitFor();
    await checkAccessibility(phone, 'unit contest (phone)');
    await screenshot(phone, 'rebuttal-2-unit-contest-phone');

    const leader = await pageAs('lanhdao.dbp');
    await leader.goto(`${server.url}/don-vi/${dbpId}`);
    await leader.getByRole('button', { name: 'Gửi 1 kiến nghị' }).click();
    await leader
      .getByRole('dialog', { name: 'Gửi giải trình, kiến nghị cho Hội đồng?' })
      .getByRole('button', { name: 'Gửi' })
      .click();
    await leader.getByTestId('adjusted-1.2').getByText('Đã gửi, chờ Hội đồng').waitFor();
    expect((await dbpView(await apiSignIn(server, 'lanhdao.dbp'))).state).toBe('rebuttalSubmitted');
  });

  it('lets the chair change the points with a reason, then finalise', async () => {
    const page = await pageAs('chutich');
    await page.goto(`${server.url}/tham-dinh/${dbpId}`);
    const card = page.getByTestId('contest-1.2');
    await card.getByText('Kế hoạch số 45/KH-UBND', { exact: false }).waitFor();
    await card.getByText('Thay đổi điểm').click();
    await card.getByLabel('Điểm thẩm định mới').fill('4');
    await card.getByLabel('Lý do (đơn vị đọc được)').fill('Kế hoạch 45/KH-UBND đúng yêu cầu; công nhận phần lớn');
    await checkAccessibility(page, 'council answer');
    await screenshot(page, 'rebuttal-3-council-answer');
    await card.getByRole('button', { name: 'Lưu trả lời' }).click();
    await card.getByText('Thay đổi: 2 → 4 điểm.', { exact: false }).waitFor();

    await page.goto(`${server.url}/tham-dinh/ky/${periodId}?nhom=district`);
    const row = page.getByRole('row').filter({ hasText: DBP });
    await row.getByRole('button', { name: 'Chốt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chốt', exact: true }).click();
    await row.getByText('Đã chốt', { exact: true }).waitFor();

    const view = await dbpView(await apiSignIn(server, 'chutich'));
    expect(view.state).toBe('finalised');
    expect(view.appraisals.find((row) => row.indicatorCode === '1.2')).toMatchObject({
      decision: 'adjusted',
      appraisedPoints: 4,
      reason: 'Kế hoạch 45/KH-UBND đúng yêu cầu; công nhận phần lớn',
    });
    expect(view.rebuttal.contests).toEqual([
      expect.objectContaining({ indicatorCode: '1.2', status: 'answered', outcome: 'changed' }),
    ]);
  });

  it('shows the unit the council’s answer', async () => {
    const page = await pageAs('nhaplieu.dbp');
    await page.goto(`${server.url}/don-vi/${dbpId}`);
    const card = page.getByTestId('adjusted-1.2');
    await card.getByText('Hội đồng thay đổi điểm: 2 → 4 điểm.', { exact: false }).waitFor();
    await screenshot(page, 'rebuttal-4-unit-answered');
  });

  it('has no serious or critical accessibility violation on the pages visited', () => {
    expect(Object.keys(accessibility).sort()).toEqual([
      'council answer',
      'period settings',
      'unit contest',
      'unit contest (phone)',
    ]);
    const found = Object.fromEntries(Object.entries(accessibility).filter(([, violations]) => violations.length > 0));
    expect(found).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
