/**
 * Issue 11's whole journey in one run, in real Chromium on the built `opendti serve` with the demo —
 * each step on the screen where a user does it; only what is not this journey's point goes through
 * the HTTP API (the next year's answers, appraisal and publication, which other journeys walk):
 *
 * 1. the manager gives main index 1 to Thành phố Điện Biên Phủ (DBP) in the ownership table, drafts
 *    DBP's own plan from the published 2022 results (owners pre-filled), and issues it;
 * 2. DBP's reporter reports progress in the open round with a file as evidence;
 * 3. the manager's dashboard says plainly that tasks are overdue (the draft's tasks were due at the
 *    end of 2023);
 * 4. 2023 is answered (DBP reaches full marks on one targeted indicator), finalised and published;
 *    the dashboard then compares with 2023 and shows that target met and the others missed.
 */
import { addDays, vietnamDay } from '@opendti/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const FRAMEWORK = 'dienbien-2022-district';
const DBP = 'Thành phố Điện Biên Phủ';

interface PlanView {
  id: string;
  title: string;
  status: string;
  version: number;
  basis: { unitCode?: string }[];
  targets: { code: string; level: string; target: number; unit: string }[];
  tasks: { id: string; position: number; text: string; indicators: string[]; lead: string | null }[];
}

interface FrameworkView {
  mainIndices: { code: string; indicators: { code: string; maxPoints: number; method?: { type: string } | null }[] }[];
}

describe('an improvement plan from the published results to the next year’s verdict', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let manager: ApiSession;
  let framework: FrameworkView;
  let planId = '';
  const accessibility: Record<string, AxeViolation[]> = {};

  async function pageAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: LAPTOP });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  async function check(page: Page, name: string): Promise<void> {
    await page.mouse.move(1, LAPTOP.height - 2);
    accessibility[name] = await seriousAccessibilityViolations(page);
    await screenshot(page, `plan-journey-${name.replaceAll(' ', '-')}`);
  }

  /** Picks an option of a Mantine select by typing part of it, as a keyboard user does. */
  async function choose(field: Locator, typed: string, option: RegExp): Promise<void> {
    await field.click();
    await field.fill(typed);
    await field.page().getByRole('option', { name: option }).first().click();
  }

  const plan = () => apiCall<PlanView>(server, manager, 'GET', `/api/v1/plans/${planId}`);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await apiSignIn(server, 'quanly');
    framework = await apiCall<FrameworkView>(server, manager, 'GET', `/api/v1/frameworks/${FRAMEWORK}`);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('assigns main index 1 to DBP, drafts DBP’s plan from the 2022 results with the owners pre-filled, and issues it', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/phan-cong`);
    await page.getByRole('combobox', { name: /^Bộ chỉ số/ }).click();
    await page.getByRole('option', { name: /Cấp huyện/ }).click();
    const group = page.getByRole('region', { name: /^1 · / });
    await choose(
      group.getByRole('combobox', { name: 'Đơn vị chủ trì', exact: true }),
      'dien bien phu',
      /Thành phố Điện Biên Phủ/,
    );
    await group.getByRole('button', { name: /^Áp dụng cho cả chỉ số chính/ }).click();
    await page.getByRole('button', { name: 'Lưu phân công' }).click();
    const mainIndex1 = framework.mainIndices[0]?.indicators.map((indicator) => indicator.code) ?? [];
    await page.getByText(`Đã lưu phân công của ${mainIndex1.length} chỉ số.`).waitFor();

    await page.goto(`${server.url}/ke-hoach/tao-moi`);
    await page.getByRole('combobox', { name: /^Kỳ đánh giá đã công bố/ }).click();
    await page.getByRole('option', { name: /2022/ }).click();
    await page.getByRole('combobox', { name: /^Nhóm đơn vị/ }).click();
    await page.getByRole('option', { name: 'Huyện, thị xã, thành phố' }).click();
    await choose(page.getByRole('combobox', { name: /^Chỉ một đơn vị/ }), 'dien bien phu', /Thành phố Điện Biên Phủ/);
    await page.getByRole('button', { name: 'Lập dự thảo kế hoạch' }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').at(-1) as string;
    const drafted = await plan();
    expect(drafted.basis[0]?.unitCode).toBe('DBP');
    const owned = drafted.tasks.filter((task) => task.indicators.some((code) => mainIndex1.includes(code)));
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((task) => task.lead === 'DBP')).toBe(true);
    await page.getByRole('heading', { name: drafted.title }).waitFor();
    await check(page, 'draft');

    // One reporting round, due in a month (the schedule field is another journey's point).
    await apiCall(server, manager, 'PATCH', `/api/v1/plans/${planId}`, {
      version: drafted.version,
      reportingSchedule: [addDays(vietnamDay(new Date()), 30)],
    });
    await page.reload();
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await dialog.getByRole('textbox', { name: /^Số văn bản/ }).fill('12/KH-UBND');
    await dialog.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã ban hành', { exact: true }).first().waitFor();
    expect((await plan()).status).toBe('issued');
  });

  it('lets DBP’s reporter report progress in the round with a file as evidence', async () => {
    const task = (await plan()).tasks.find((candidate) => candidate.lead === 'DBP') as PlanView['tasks'][number];
    const page = await pageAs('nhaplieu.dbp');
    await page.goto(`${server.url}/ke-hoach/nhiem-vu`);
    await page.getByRole('heading', { name: 'Nhiệm vụ kế hoạch của đơn vị' }).waitFor();
    await page
      .getByRole('button', { name: new RegExp(task.text.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Gửi báo cáo' }) });
    await form.getByLabel(/Kết quả thực hiện trong kỳ/).fill('Đã ban hành kế hoạch của thành phố; đang triển khai.');
    await form.getByLabel(/Tỷ lệ hoàn thành/).fill('40');
    await form.getByLabel('Đang thực hiện').check();
    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Chọn tệp để tải lên' }).click();
    await (await chooser).setFiles({ name: 'Ke hoach thanh pho.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await form.getByText('Ke hoach thanh pho.pdf').waitFor();
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText(/Đã gửi báo cáo tiến độ kỳ/).waitFor();
    await page.getByText('Đã báo cáo đúng hạn').first().waitFor();
    await check(page, 'unit report');

    const { rounds } = await apiCall<{ rounds: { dueOn: string; counts: { submitted: number } }[] }>(
      server,
      manager,
      'GET',
      `/api/v1/plans/${planId}/reporting-rounds`,
    );
    expect(rounds.map((round) => round.counts.submitted)).toEqual([1]);
  });

  it('shows the manager’s dashboard the overdue tasks, the targets waiting for next year', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}/tong-quan`);
    await page.getByRole('heading', { name: /^Tổng quan kế hoạch: /, level: 2 }).waitFor();
    await page.getByText(/nhiệm vụ đã quá thời hạn mà chưa hoàn thành/).waitFor();
    await page
      .getByRole('region', { name: /Chỉ tiêu/ })
      .getByText('Chờ kết quả kỳ sau')
      .first()
      .waitFor();
    await check(page, 'dashboard overdue');
  });

  it('judges the targets against 2023 once it is published: the one DBP reached is met, the others missed', async () => {
    const drafted = await plan();
    const indicators = new Map(
      framework.mainIndices.flatMap((main) => main.indicators.map((indicator) => [indicator.code, indicator])),
    );
    // A target on an indicator whose points are typed directly, so full marks are one answer.
    const reached = drafted.targets.find((target) => {
      const indicator = indicators.get(target.code);
      return (
        target.level === 'indicator' && target.unit === 'points' && indicator && (indicator.method?.type ?? 'direct') === 'direct'
      );
    });
    if (!reached) throw new Error('no directly scored indicator among the targets');

    const chair = await apiSignIn(server, 'chutich');
    const reporter = await apiSignIn(server, 'nhaplieu.dbp');
    const periods = await apiCall<{ items: { id: string; year: number }[] }>(
      server,
      manager,
      'GET',
      '/api/v1/periods?pageSize=200',
    );
    const period2023 = periods.items.find((period) => period.year === 2023)?.id ?? '';
    const mine = await apiCall<{ items: { id: string }[] }>(server, reporter, 'GET', `/api/v1/periods/${period2023}/assessments`);
    await apiCall(server, reporter, 'PUT', `/api/v1/assessments/${mine.items[0]?.id}/answers/${reached.code}`, {
      points: reached.target,
      baseVersion: 0,
    });
    await apiCall(server, manager, 'POST', `/api/v1/periods/${period2023}/transitions`, { action: 'startAppraisal' });
    const assessments = await apiCall<{ items: { id: string; state: string }[] }>(
      server,
      chair,
      'GET',
      `/api/v1/periods/${period2023}/assessments`,
    );
    for (const assessment of assessments.items) {
      if (assessment.state === 'draft') {
        await apiCall(server, manager, 'PUT', `/api/v1/assessments/${assessment.id}/participation`, {
          participation: 'scoredAsZero',
          reason: 'Không nộp bản tự đánh giá',
        });
        continue;
      }
      await apiCall(server, chair, 'POST', `/api/v1/assessments/${assessment.id}/appraisals/accept-remaining`, {});
      await apiCall(server, chair, 'POST', `/api/v1/assessments/${assessment.id}/transitions`, { action: 'finalise' });
    }
    await apiCall(server, manager, 'POST', `/api/v1/periods/${period2023}/transitions`, {
      action: 'publish',
      decision: {
        number: '03/QĐ-UBND',
        date: vietnamDay(new Date()),
        signerName: 'Người Ký Thử',
        signerTitle: 'Chủ tịch UBND tỉnh',
      },
    });

    const dashboard = await apiCall<{ comparison: { year: number } | null; targets: { code: string; met: boolean | null }[] }>(
      server,
      manager,
      'GET',
      `/api/v1/plans/${planId}/dashboard`,
    );
    expect(dashboard.comparison?.year).toBe(2023);
    const verdicts = dashboard.targets.map((target) => target.met);
    expect(dashboard.targets.find((target) => target.code === reached.code)?.met).toBe(true);
    expect(verdicts.filter((met) => met === true)).toHaveLength(1);

    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}/tong-quan`);
    const targets = page.getByRole('region', { name: /Chỉ tiêu/ });
    await targets
      .getByText(
        new RegExp(`^1 đạt, ${verdicts.filter((met) => met === false).length} chưa đạt trên ${verdicts.length} chỉ tiêu$`),
      )
      .waitFor();
    await targets.getByText('Đạt', { exact: true }).first().waitFor();
    await targets.getByText('Chưa đạt', { exact: true }).first().waitFor();
    expect(await page.getByText(DBP).count()).toBeGreaterThan(0);
    await check(page, 'dashboard verdict');
  }, 240_000);

  it('is axe-clean on every page and keeps the Content-Security-Policy', () => {
    expect(Object.keys(accessibility)).toHaveLength(4);
    expect(Object.fromEntries(Object.entries(accessibility).filter(([, found]) => found.length > 0))).toEqual({});
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
