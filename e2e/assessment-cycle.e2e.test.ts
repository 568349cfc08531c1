/**
 * The assessment cycle of issue 4 §6 in real Chromium, on the built `opendti serve` with the demo:
 * the reporter of Thành phố Điện Biên Phủ (DBP) fills indicators and uploads evidence, the leader
 * submits; the manager starts the appraisal; the appraiser adjusts one score and asks for
 * supplementation on another, and while that one indicator waits for the unit both the appraiser and
 * the chair go on deciding other main indices; the unit answers and sends it back; the chair accepts
 * the rest of the unit and finalises; the manager
 * publishes; an anonymous visitor finds DBP in the 2023 district ranking and on its page. Each main
 * page is checked with axe-core, and the public ranking is walked by keyboard. Bulk steps that are
 * not the point of the journey (starting the appraisal, finalising the 27 other units) go through
 * the HTTP API.
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
import { type AssessmentSummary, tinyPdf } from './support/fixtures.js';
import { keyboardProblems, walkByKeyboard } from './support/keyboard.js';
import { type RunningServer, startServer } from './support/server.js';

const DBP = 'Thành phố Điện Biên Phủ';

/** dd/mm/yyyy, `days` after today in Vietnam. */
function vietnameseDayFromNow(days: number): string {
  const day = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

describe('the 2023 assessment cycle of Thành phố Điện Biên Phủ, from self-assessment to the public page', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let periodId = '';
  let dbpId = '';

  const password = (username: string) => demoPassword(server, username);
  const signIn = (username: string) => apiSignIn(server, username);
  const call = <T>(session: ApiSession | undefined, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    apiCall<T>(server, session, method, path, body);

  /** A page of a fresh browser context signed in as `username` through the form. */
  async function pageAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await loginAs(page, server.url, username, password(username));
    return page;
  }

  /** axe-core's findings per page, asserted together at the end so that one finding does not stop the journey. */
  const accessibility: Record<string, AxeViolation[]> = {};
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    accessibility[name] = await seriousAccessibilityViolations(page);
  }

  async function dbpState(session: ApiSession): Promise<string> {
    const view = await call<{ state: string }>(session, 'GET', `/api/v1/assessments/${dbpId}`);
    return view.state;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const manager = await signIn('quanly');
    const periods = await call<{ items: { id: string; year: number }[] }>(manager, 'GET', '/api/v1/periods?pageSize=200');
    periodId = periods.items.find((period) => period.year === 2023)?.id ?? '';
    const assessments = await call<{ items: AssessmentSummary[] }>(manager, 'GET', `/api/v1/periods/${periodId}/assessments`);
    dbpId = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id ?? '';
    expect(periodId).not.toBe('');
    expect(dbpId).not.toBe('');
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the reporter answer a yes/no, a ratio and a directly scored indicator, and upload evidence', async () => {
    const page = await pageAs('nhaplieu.dbp');
    const reporter = await signIn('nhaplieu.dbp');
    const answerOf = async (code: string) => {
      const view = await call<{ answers: { indicatorCode: string; selfPoints: number | null }[] }>(
        reporter,
        'GET',
        `/api/v1/assessments/${dbpId}`,
      );
      return view.answers.find((answer) => answer.indicatorCode === code)?.selfPoints ?? null;
    };
    const saved = async () => page.getByText('Đã lưu', { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });

    // From the unit's home to its 2023 assessment.
    await page.goto(`${server.url}/don-vi`);
    await page.getByRole('link', { name: 'Tiếp tục tự đánh giá' }).first().click();
    await page.waitForURL(`**/don-vi/${dbpId}`);
    await page.getByRole('heading', { name: DBP, level: 1 }).waitFor();

    // 1.1 — yes/no.
    await page.goto(`${server.url}/don-vi/${dbpId}?chi-so=1.1`);
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await saved();
    await expect.poll(() => answerOf('1.1'), { timeout: 15_000 }).toBe(5);

    // 1.2 — points judged directly (the unit proposes, the council decides).
    await page.goto(`${server.url}/don-vi/${dbpId}?chi-so=1.2`);
    // Out of range: what is typed stays (a strict clamp kept "1" of "12"), core's message says the limit.
    const points = page.getByLabel(/Điểm tự chấm/);
    await points.pressSequentially('12');
    expect(await points.inputValue()).toBe('12');
    await page.getByText('Điểm 12 vượt điểm tối đa 10 của "1.2"').waitFor();
    await points.fill('8');
    await saved();
    await expect.poll(() => answerOf('1.2'), { timeout: 15_000 }).toBe(8);

    // 3.1 — a ratio a ÷ b.
    await page.goto(`${server.url}/don-vi/${dbpId}?chi-so=3.1`);
    // a above b: refused at the field, and by the API with the same rule, in the reader's language.
    await page.getByLabel('Số đạt được (a)').fill('120');
    await page.getByLabel('Tổng số (b)').fill('100');
    await page.getByText('Tỷ lệ 120/100 của "3.1" vượt 100%: tử số a (120) không được lớn hơn mẫu số b (100)').waitFor();
    const refused = await fetch(`${server.url}/api/v1/assessments/${dbpId}/answers/3.1`, {
      method: 'PUT',
      headers: {
        cookie: reporter.cookie,
        'x-csrf-token': reporter.csrfToken,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      body: JSON.stringify({ value: '120/100', baseVersion: 0 }),
    });
    expect([refused.status, (await refused.json()).error]).toEqual([
      400,
      {
        code: 'input.ratio-above-one',
        message: 'ratio 120/100 of "3.1" exceeds 100%: the numerator a (120) cannot be larger than the denominator b (100)',
      },
    ]);
    await page.getByLabel('Số đạt được (a)').fill('80');
    await page.getByLabel('Tổng số (b)').fill('100');
    await page.getByText('Tỷ lệ: 80%').waitFor();
    await saved();
    await expect.poll(() => answerOf('3.1'), { timeout: 15_000 }).toBe(4);

    // Evidence for 1.1, through the dropzone's file input.
    await page.goto(`${server.url}/don-vi/${dbpId}?chi-so=1.1`);
    await page.getByRole('radio', { name: 'Có', exact: true }).waitFor();
    await page.locator('input[type="file"]').first().setInputFiles({
      name: 'bien-ban-ban-chi-dao.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByText('bien-ban-ban-chi-dao.pdf').first().waitFor({ timeout: 20_000 });
    await saved();
    await checkAccessibility(page, 'workspace');
    await screenshot(page, 'cycle-1-workspace-reporter');
  });

  it('lets the leader check and submit', async () => {
    const page = await pageAs('lanhdao.dbp');
    await page.goto(`${server.url}/don-vi/${dbpId}`);
    await page.getByRole('button', { name: 'Kiểm tra & nộp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kiểm tra trước khi nộp' });
    await dialog.getByText('Chưa trả lời (sẽ tính 0 điểm)').waitFor();
    // What the leader signs: 1.1 (5) + 1.2 (8) + 3.1 (4) of 500, as the engine scores them.
    await dialog.getByText('Tổng điểm tự đánh giá: 17 / 500 điểm — chỉ số 0,0340').waitFor();
    await screenshot(page, 'cycle-2-submit-total');
    await dialog.getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    await dialog.getByRole('button', { name: 'Nộp', exact: true }).click();
    await page.getByText('Đã nộp, chờ thẩm định').first().waitFor();
    await screenshot(page, 'cycle-2-workspace-submitted');
  });

  it('starts the appraisal of the period (HTTP API, as the manager)', async () => {
    const manager = await signIn('quanly');
    await call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
    const assessments = await call<{ items: AssessmentSummary[] }>(manager, 'GET', `/api/v1/periods/${periodId}/assessments`);
    // DBP submitted; the units that entered nothing stay drafts with no data until the manager
    // decides: here, ranked with zero points (the manager's explicit decision, audited).
    const drafts = assessments.items.filter((assessment) => assessment.state === 'draft');
    expect(drafts.map((assessment) => assessment.unit.code)).not.toContain('DBP');
    for (const draft of drafts) {
      await call(manager, 'PUT', `/api/v1/assessments/${draft.id}/participation`, {
        participation: 'scoredAsZero',
        reason: 'Đơn vị không nhập dữ liệu; tính 0 điểm',
      });
    }
  });

  it('lets the appraiser adjust one score with a reason and ask for supplementation on another', async () => {
    const page = await pageAs('thamdinh');
    const appraiser = await signIn('thamdinh');

    await page.goto(`${server.url}/tham-dinh/${dbpId}?chi-so=1.2`);
    await page.getByRole('heading', { name: DBP }).waitFor();
    await checkAccessibility(page, 'appraisal');
    await page.getByText('Điều chỉnh điểm', { exact: true }).click();
    await page.getByLabel(/Điểm thẩm định/).fill('6,5');
    await page.getByLabel('Lý do điều chỉnh').fill('Biên bản chỉ có 3 cuộc họp chuyên đề về chuyển đổi số trong năm.');
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByText('Đã lưu quyết định chỉ số 1.2.').waitFor();

    await page.goto(`${server.url}/tham-dinh/${dbpId}?chi-so=1.1`);
    await page.getByText('Yêu cầu bổ sung', { exact: true }).first().click();
    await page
      .getByLabel('Đơn vị cần bổ sung, giải trình nội dung gì')
      .fill('Đề nghị bổ sung quyết định thành lập Ban chỉ đạo có chữ ký của Chủ tịch UBND thành phố.');
    await page.getByLabel('Hạn trả lời (ngày/tháng/năm)').fill(vietnameseDayFromNow(10));
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByText('Đã lưu quyết định chỉ số 1.1.').waitFor();
    await expect.poll(() => dbpState(appraiser)).toBe('supplementationRequested');
    // The form leaves request mode: 1.1 now waits for the unit, and says so.
    await page.getByText(/chỉ số 1\.1 đang chờ đơn vị bổ sung, giải trình/i).waitFor();
    await screenshot(page, 'cycle-4-appraisal');

    // Per indicator (seed 001 §1.3 b): the rest stays open. This appraiser decides main index 2 …
    await page.goto(`${server.url}/tham-dinh/${dbpId}?chi-so=2.1`);
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByText('Đã lưu quyết định chỉ số 2.1.').waitFor();
  });

  it('lets another council member decide another main index while the request is pending', async () => {
    const page = await pageAs('chutich');
    const chair = await signIn('chutich');
    await page.goto(`${server.url}/tham-dinh/${dbpId}?chi-so=6.1`);
    await page.getByRole('heading', { name: DBP }).waitFor();
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByText('Đã lưu quyết định chỉ số 6.1.').waitFor();
    expect(await dbpState(chair)).toBe('supplementationRequested');
    await screenshot(page, 'cycle-4-second-appraiser');
  });

  it('lets the reporter answer the request and the leader send the supplementation back', async () => {
    const reporterPage = await pageAs('nhaplieu.dbp');
    await reporterPage.goto(`${server.url}/don-vi/${dbpId}`);
    await reporterPage.getByText('Hội đồng thẩm định yêu cầu bổ sung, giải trình').waitFor();
    await reporterPage
      .getByLabel('Giải trình của đơn vị')
      .fill('Đã bổ sung Quyết định số 15/QĐ-UBND thành lập Ban chỉ đạo chuyển đổi số thành phố.');
    await reporterPage.getByRole('button', { name: 'Gửi giải trình' }).click();
    await reporterPage.getByText('Đã trả lời', { exact: true }).first().waitFor();

    const leaderPage = await pageAs('lanhdao.dbp');
    await leaderPage.goto(`${server.url}/don-vi/${dbpId}`);
    await leaderPage.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await leaderPage.getByRole('dialog').getByRole('button', { name: 'Gửi', exact: true }).click();
    await leaderPage.getByText('Đã bổ sung, chờ thẩm định lại').first().waitFor();
    await screenshot(leaderPage, 'cycle-5-supplemented');
  });

  it('lets the chair accept, accept the rest of a main index and finalise from the council overview', async () => {
    const page = await pageAs('chutich');
    const chair = await signIn('chutich');

    // Re-appraise the supplemented indicator, then accept the rest of main index 1.
    await page.goto(`${server.url}/tham-dinh/${dbpId}?chi-so=1.1`);
    await page.getByText('Giải trình của đơn vị').first().waitFor();
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByText('Đã lưu quyết định chỉ số 1.1.').waitFor();
    await page
      .getByRole('button', { name: /^Công nhận \d+ chỉ số còn lại$/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Công nhận các chỉ số còn lại?' }).getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(/^Đã công nhận \d+ chỉ số\.$/).waitFor();

    // The rest of the whole unit in one go, then finalise DBP in the overview.
    await page.getByRole('button', { name: /^Công nhận tất cả \d+ chỉ số còn lại của đơn vị$/ }).click();
    await page.getByRole('dialog', { name: 'Công nhận các chỉ số còn lại?' }).getByRole('button', { name: 'Xác nhận' }).click();
    // Done when nothing is left to accept (the notice of the main index may still be showing).
    // vitest's poll gives up after 1 s by default: too short for ~60 decisions on a busy machine.
    await expect.poll(async () => page.getByRole('button', { name: /^Công nhận tất cả/ }).count(), { timeout: 20_000 }).toBe(0);
    await page.goto(`${server.url}/tham-dinh/ky/${periodId}?nhom=district`);
    const row = page.getByRole('row').filter({ hasText: DBP });
    await row.getByRole('button', { name: 'Chốt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chốt', exact: true }).click();
    await row.getByText('Đã chốt', { exact: true }).waitFor();
    await checkAccessibility(page, 'council overview');
    await screenshot(page, 'cycle-6-council-overview');

    // Every other unit, through the API, so that the period can be published.
    const assessments = await call<{ items: AssessmentSummary[] }>(chair, 'GET', `/api/v1/periods/${periodId}/assessments`);
    for (const assessment of assessments.items) {
      if (assessment.id === dbpId || assessment.state === 'finalised' || assessment.state === 'draft') continue;
      await call(chair, 'POST', `/api/v1/assessments/${assessment.id}/appraisals/accept-remaining`, {});
      await call(chair, 'POST', `/api/v1/assessments/${assessment.id}/transitions`, { action: 'finalise' });
    }
    const after = await call<{ items: AssessmentSummary[] }>(chair, 'GET', `/api/v1/periods/${periodId}/assessments`);
    // Scored as zero by the manager, the units with no data stay drafts.
    expect(after.items.filter((assessment) => assessment.state !== 'finalised' && assessment.state !== 'draft')).toEqual([]);
  });

  it('lets the manager publish the period', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/quan-tri/ky-danh-gia/${periodId}`);
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    // Publishing goes through the preview, where the decision is entered (e2e/publication.e2e.test.ts checks it in detail).
    await page.waitForURL(`**/quan-tri/ky-danh-gia/${periodId}/cong-bo`);
    await page.getByLabel('Số quyết định').fill('15/QĐ-UBND');
    await page.getByLabel('Ngày ký').fill(vietnameseDayFromNow(0));
    await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn A');
    await page.getByLabel('Chức vụ người ký').fill('Chủ tịch Ủy ban nhân dân tỉnh');
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.waitForURL(`**/quan-tri/ky-danh-gia/${periodId}`);
    await page
      .getByText(/^Công bố ngày \d/)
      .first()
      .waitFor();
    await checkAccessibility(page, 'admin period');
    await screenshot(page, 'cycle-7-admin-published');
  });

  it('shows DBP in the published 2023 district ranking and on its page, on a laptop and a phone', async () => {
    for (const [device, viewport] of [
      ['laptop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport, ...(device === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(server.url);
      const periodSelect = page.getByLabel('Kỳ đánh giá');
      await periodSelect.waitFor();
      const option = await periodSelect.locator('option', { hasText: '2023' }).getAttribute('value');
      await periodSelect.selectOption(option ?? '');
      await page.getByRole('tab', { name: 'Huyện, thị xã, thành phố' }).click();
      await page.waitForURL(`**/ket-qua/${periodId}/district**`);
      const link = page.getByRole('link', { name: DBP, exact: true });
      await link.waitFor();
      if (device === 'laptop') await checkAccessibility(page, 'public ranking');
      await screenshot(page, `cycle-8-ranking-${device}`);
      await link.click();
      await page.waitForURL(`**/ket-qua/${periodId}/district/DBP`);
      await page.getByRole('heading', { name: DBP }).first().waitFor();
      if (device === 'laptop') await checkAccessibility(page, 'public unit page');
      await screenshot(page, `cycle-8-unit-${device}`);
    }
  });

  it('reaches every control of the public ranking by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/ket-qua/${periodId}/district`);
    await page.getByRole('link', { name: DBP, exact: true }).waitFor();
    // Every visible control (period, cohort tabs, search, downloads, sort headers, unit links) gets
    // focus in turn, shows it, and Tab never stops.
    const walk = await walkByKeyboard(page);
    expect(keyboardProblems(walk)).toEqual({});
    expect(walk.focused).toBeGreaterThan(30);
  });

  it('has no serious or critical accessibility violation on the pages visited', () => {
    expect(Object.keys(accessibility).sort()).toEqual(
      ['admin period', 'appraisal', 'council overview', 'public ranking', 'public unit page', 'workspace'].sort(),
    );
    const found = Object.fromEntries(Object.entries(accessibility).filter(([, violations]) => violations.length > 0));
    expect(found).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
