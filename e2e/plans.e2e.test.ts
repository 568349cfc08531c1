/**
 * The manager's improvement plan (issue 11) in Chromium, on the built `opendti serve` with the demo:
 * the ownership table assigned for a whole main index at once, a draft written from the demo's
 * published 2022 district results with those owners pre-filled, a task edited in its row (a lead
 * unit chosen, by keyboard too, Escape leaving the row), a stale edit refused plainly, the plan
 * issued with its document number, a task cancelled with a reason; both pages walked with the Tab key. Screenshots at 1,366 px and on
 * a phone into /tmp/plans-shots/; axe clean; no Content-Security-Policy violation.
 */
import { mkdirSync } from 'node:fs';
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
import { keyboardProblems, walkByKeyboard } from './support/keyboard.js';
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/plans-shots/';
const FRAMEWORK = 'dienbien-2022-district';

interface PlanView {
  id: string;
  status: string;
  documentNumber: string;
  version: number;
  tasks: { id: string; position: number; indicators: string[]; lead: string | null; state: string; version: number }[];
}

describe('the manager drafts, assigns and issues an improvement plan', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let manager: ApiSession;
  let planId = '';
  let mainIndex1: string[] = [];

  async function pageAs(username: string, viewport = LAPTOP): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  const accessibility: Record<string, AxeViolation[]> = {};
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    // Measured as read, not under the pointer left on the last button clicked (a hovered button's shade).
    await page.mouse.move(1, (page.viewportSize()?.height ?? 700) - 2);
    accessibility[name] = await seriousAccessibilityViolations(page);
  }
  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
    await screenshot(page, name);
  }
  const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  /** Picks an option of a Mantine select by typing part of it, as a keyboard user does. */
  async function choose(field: Locator, typed: string, option: RegExp | string): Promise<void> {
    await field.click();
    await field.fill(typed);
    await field.page().getByRole('option', { name: option }).first().click();
  }

  const plan = () => apiCall<PlanView>(server, manager, 'GET', `/api/v1/plans/${planId}`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await apiSignIn(server, 'quanly');
    const framework = await apiCall<{ mainIndices: { code: string; indicators: { code: string }[] }[] }>(
      server,
      manager,
      'GET',
      `/api/v1/frameworks/${FRAMEWORK}`,
    );
    mainIndex1 = framework.mainIndices[0]?.indicators.map((indicator) => indicator.code) ?? [];
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('assigns the lead and coordinating units of a whole main index in the ownership table', async () => {
    const page = await pageAs('quanly');
    await page.getByRole('banner').getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { name: 'Kế hoạch nâng cao chỉ số' }).waitFor();
    await page.getByText('Chưa có kế hoạch nào').waitFor();
    await checkAccessibility(page, 'plan list (empty)');
    await page.getByRole('link', { name: 'Phân công theo dõi chỉ số' }).click();
    await page.getByRole('heading', { name: 'Phân công theo dõi chỉ số' }).waitFor();
    await page.getByRole('combobox', { name: /^Bộ chỉ số/ }).click();
    await page.getByRole('option', { name: /Cấp huyện/ }).click();

    const group = page.getByRole('region', { name: /^1 · / });
    await group.getByText(`0/${mainIndex1.length} đã giao`).waitFor();
    await choose(
      group.getByRole('combobox', { name: 'Đơn vị chủ trì', exact: true }),
      'thong tin',
      /Sở Thông tin và Truyền thông/,
    );
    await choose(group.getByRole('combobox', { name: 'Đơn vị phối hợp', exact: true }), 'noi vu', /Sở Nội vụ/);
    await page.keyboard.press('Escape');
    await group.getByRole('button', { name: /^Áp dụng cho cả chỉ số chính/ }).click();
    await group.getByText(`${mainIndex1.length}/${mainIndex1.length} đã giao`).waitFor();
    await page.getByText('Có thay đổi chưa lưu').waitFor();
    await checkAccessibility(page, 'ownership');
    await shot(page, 'plans-ownership-1366');
    await page.getByRole('button', { name: 'Lưu phân công' }).click();
    await page.getByText(`Đã lưu phân công của ${mainIndex1.length} chỉ số.`).waitFor();

    const owners = await apiCall<{ indicator: string; lead: string; coordinating: string[] }[]>(
      server,
      manager,
      'GET',
      `/api/v1/frameworks/${FRAMEWORK}/ownership`,
    );
    expect(owners.map((owner) => owner.indicator)).toEqual(mainIndex1);
    expect(new Set(owners.map((owner) => `${owner.lead}|${owner.coordinating.join(';')}`))).toEqual(new Set(['STTTT|SNV']));
  });

  it('drafts the plan from the published 2022 district results, owners pre-filled', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach`);
    await page.getByRole('link', { name: 'Lập dự thảo từ kết quả' }).click();
    await page.getByRole('heading', { name: 'Lập dự thảo từ kết quả' }).waitFor();
    await page.getByRole('combobox', { name: /^Kỳ đánh giá đã công bố/ }).click();
    await page.getByRole('option', { name: /2022/ }).click();
    await page.getByRole('combobox', { name: /^Nhóm đơn vị/ }).click();
    await page.getByRole('option', { name: 'Huyện, thị xã, thành phố' }).click();
    await checkAccessibility(page, 'draft form');
    await shot(page, 'plans-draft-form-1366');
    await page.getByRole('button', { name: 'Lập dự thảo kế hoạch' }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').at(-1) as string;
    await page.getByRole('heading', { name: 'Kế hoạch nâng cao chỉ số chuyển đổi số năm 2023' }).waitFor();

    const drafted = await plan();
    expect(drafted.status).toBe('draft');
    const owned = drafted.tasks.filter((task) => task.indicators.some((code) => mainIndex1.includes(code)));
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((task) => task.lead === 'STTTT')).toBe(true);
    const first = owned[0] as PlanView['tasks'][number];
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: `Sửa nhiệm vụ ${first.position}`, exact: true }) });
    await row.getByText('Sở Thông tin và Truyền thông').waitFor();
    await row.getByText('Sở Nội vụ').waitFor();
  });

  it('edits a task in its row: a lead unit chosen, saved; Escape leaves a row unchanged', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}`);
    const before = await plan();
    const target = before.tasks.find((task) => task.lead === null) as PlanView['tasks'][number];
    await page.getByRole('button', { name: `Sửa nhiệm vụ ${target.position}`, exact: true }).click();
    const form = page.getByRole('form', { name: `Sửa nhiệm vụ ${target.position}` });
    await choose(form.getByRole('combobox', { name: 'Đơn vị chủ trì' }), 'y te', /Sở Y tế \(SYT\)/);
    await form.getByRole('textbox', { name: /^Thời hạn/ }).fill('30/9/2023');
    await checkAccessibility(page, 'task editor');
    await shot(page, 'plans-task-editor-1366');
    await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`Đã lưu nhiệm vụ ${target.position}.`).waitFor();
    const saved = (await plan()).tasks.find((task) => task.id === target.id);
    expect(saved).toMatchObject({ lead: 'SYT', version: target.version + 1 });
    expect((saved as unknown as { dueOn: string }).dueOn).toBe('2023-09-30');

    // By keyboard: Enter opens the row, Escape leaves it, focus goes back to its button.
    const other = before.tasks.find((task) => task.id !== target.id) as PlanView['tasks'][number];
    const edit = page.getByRole('button', { name: `Sửa nhiệm vụ ${other.position}`, exact: true });
    await edit.focus();
    await page.keyboard.press('Enter');
    const otherForm = page.getByRole('form', { name: `Sửa nhiệm vụ ${other.position}` });
    await otherForm.getByRole('textbox', { name: /^Nhiệm vụ/ }).press('End');
    await page.keyboard.type(' (bỏ qua)');
    await page.keyboard.press('Escape');
    await otherForm.waitFor({ state: 'hidden' });
    expect(await edit.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await plan()).tasks.find((task) => task.id === other.id)?.version).toBe(other.version);
  });

  it('refuses a stale edit plainly: someone else saved the task first', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}`);
    const current = (await plan()).tasks[2] as PlanView['tasks'][number];
    await page.getByRole('button', { name: `Sửa nhiệm vụ ${current.position}`, exact: true }).click();
    const form = page.getByRole('form', { name: `Sửa nhiệm vụ ${current.position}` });
    // Meanwhile a colleague saves the same task.
    const response = await fetch(`${server.url}/api/v1/plans/${planId}/tasks/${current.id}`, {
      method: 'PATCH',
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ product: 'Báo cáo của đồng nghiệp', version: current.version }),
    });
    expect(response.status).toBe(200);
    await form.getByRole('textbox', { name: /^Sản phẩm/ }).fill('Sản phẩm của tôi');
    await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await form.getByText('Kế hoạch vừa được người khác thay đổi').waitFor();
    await shot(page, 'plans-stale-1366');
    await form.getByRole('button', { name: 'Tải lại kế hoạch' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('Báo cáo của đồng nghiệp').waitFor();
  });

  it('issues the plan with its document number, then cancels a task with a reason', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}`);
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await dialog.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    await dialog.getByText('Cần số văn bản để ban hành kế hoạch.').waitFor();
    await dialog.getByRole('textbox', { name: /^Số văn bản/ }).fill('187/KH-UBND');
    await checkAccessibility(page, 'issue dialog');
    await shot(page, 'plans-issue-1366');
    await dialog.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã ban hành', { exact: true }).first().waitFor();
    expect(await plan()).toMatchObject({ status: 'issued', documentNumber: '187/KH-UBND' });
    await page.getByRole('link', { name: 'Báo cáo tiến độ' }).waitFor();

    const task = (await plan()).tasks[3] as PlanView['tasks'][number];
    await page.getByRole('button', { name: `huỷ nhiệm vụ ${task.position}`, exact: true }).click();
    const reason = page.getByRole('dialog');
    await reason.getByRole('button', { name: 'Xác nhận: Huỷ nhiệm vụ' }).click();
    await reason.getByText('Vui lòng nhập lý do.').waitFor();
    await reason.getByRole('textbox', { name: /^Lý do/ }).fill('Chỉ số đã bỏ khỏi bộ chỉ số năm sau');
    await reason.getByRole('button', { name: 'Xác nhận: Huỷ nhiệm vụ' }).click();
    await reason.waitFor({ state: 'hidden' });
    await page.getByText('Chỉ số đã bỏ khỏi bộ chỉ số năm sau').waitFor();
    expect((await plan()).tasks.find((candidate) => candidate.id === task.id)?.state).toBe('cancelled');
    await checkAccessibility(page, 'issued plan');
    await shot(page, 'plans-editor-1366');

    await page.goto(`${server.url}/ke-hoach`);
    await page.getByRole('link', { name: 'Kế hoạch nâng cao chỉ số chuyển đổi số năm 2023' }).waitFor();
    await page.getByText('187/KH-UBND').waitFor();
    await page.getByText(/\d+ nhiệm vụ, 0 đã hoàn thành/).waitFor();
    await checkAccessibility(page, 'plan list');
    await shot(page, 'plans-list-1366');
  });

  it('is walked with the Tab key: every control of the plan and of the ownership table gets a visible focus', async () => {
    const page = await pageAs('quanly');
    await page.goto(`${server.url}/ke-hoach/${planId}`);
    await page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor();
    const plan = await walkByKeyboard(page, { maxPresses: 600 });
    expect(keyboardProblems(plan)).toEqual({});
    expect(plan.focused).toBeGreaterThan(100);
    await page.goto(`${server.url}/ke-hoach/phan-cong?bo-chi-so=${FRAMEWORK}`);
    await page.getByRole('region', { name: /^1 · / }).waitFor();
    const owners = await walkByKeyboard(page, { maxPresses: 600 });
    expect(keyboardProblems(owners)).toEqual({});
    expect(owners.focused).toBeGreaterThan(100);
  });

  it('reads on a phone: the list and the plan as cards, nothing wider than the screen', async () => {
    const page = await pageAs('quanly', PHONE);
    await page.goto(`${server.url}/ke-hoach`);
    await page.getByRole('link', { name: 'Kế hoạch nâng cao chỉ số chuyển đổi số năm 2023' }).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await shot(page, 'plans-list-phone');
    await page.getByRole('link', { name: 'Kế hoạch nâng cao chỉ số chuyển đổi số năm 2023' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await checkAccessibility(page, 'plan on a phone');
    await page.screenshot({ path: `${SHOTS}plans-editor-phone.png` });
    await page.goto(`${server.url}/ke-hoach/phan-cong?bo-chi-so=${FRAMEWORK}`);
    await page.getByRole('region', { name: /^1 · / }).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await checkAccessibility(page, 'ownership on a phone');
    await page.screenshot({ path: `${SHOTS}plans-ownership-phone.png` });
  });

  it('has no serious or critical accessibility violation on the pages visited', () => {
    expect(Object.keys(accessibility).length).toBe(9);
    const found = Object.fromEntries(Object.entries(accessibility).filter(([, violations]) => violations.length > 0));
    expect(found, JSON.stringify(found, null, 1)).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
