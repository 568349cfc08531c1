/**
 * Issue 4's accessibility, language and phone promises on the main page of each role, in real
 * Chromium on the built `opendti serve` with the demo (2022 published, 2023 open): every visible
 * control is reached by Tab and shows where focus is; axe-core finds no serious or critical
 * violation on a phone; the English switch turns the portal and a workspace into English; the
 * council overview and the administration lists are read on a phone without sideways scrolling.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiSession, apiCall, apiSignIn, demoPassword } from './support/api.js';
import {
  type AxeViolation,
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { type KeyboardWalk, keyboardProblems, walkByKeyboard } from './support/keyboard.js';
import { type RunningServer, startServer } from './support/server.js';

const DBP = 'Thành phố Điện Biên Phủ';
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

interface AssessmentSummary {
  id: string;
  state: string;
  unit: { code: string };
}

describe('every role’s main pages by keyboard, on a phone and in English', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const periods = { published: '', open: '' };
  let dbpOpen = '';

  async function newPage(device: 'laptop' | 'phone', username?: string): Promise<Page> {
    const context = await browser.newContext(
      device === 'phone' ? { viewport: PHONE, isMobile: true, hasTouch: true } : { viewport: LAPTOP },
    );
    contexts.push(context);
    const page = await context.newPage();
    if (username) await loginAs(page, server.url, username, demoPassword(server, username));
    return page;
  }

  /** Findings per page, asserted at the end of each test so that one finding does not hide the next. */
  let keyboard: Record<string, Partial<KeyboardWalk>> = {};
  let axe: Record<string, AxeViolation[]> = {};
  beforeEach(() => {
    keyboard = {};
    axe = {};
  });
  async function walk(page: Page, name: string): Promise<void> {
    const result = await walkByKeyboard(page);
    const problems = keyboardProblems(result);
    if (Object.keys(problems).length > 0) keyboard[name] = problems;
    expect(result.focused, `${name}: Tab reached nothing`).toBeGreaterThan(0);
  }
  async function checkAxe(page: Page, name: string): Promise<void> {
    const violations = await seriousAccessibilityViolations(page);
    if (violations.length > 0) axe[name] = violations;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const manager = await apiSignIn(server, 'quanly');
    const list = await apiCall<{ items: { id: string; year: number }[] }>(server, manager, 'GET', '/api/v1/periods?pageSize=200');
    periods.published = list.items.find((period) => period.year === 2022)?.id ?? '';
    periods.open = list.items.find((period) => period.year === 2023)?.id ?? '';
    const assessments = await apiCall<{ items: AssessmentSummary[] }>(
      server,
      manager,
      'GET',
      `/api/v1/periods/${periods.open}/assessments`,
    );
    dbpOpen = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id ?? '';
    expect(periods.published).not.toBe('');
    expect(dbpOpen).not.toBe('');
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('reaches every control of the public ranking, a unit page and the sign-in page by keyboard', async () => {
    const page = await newPage('laptop');
    await page.goto(`${server.url}/ket-qua/${periods.published}/district`);
    await page.getByRole('link', { name: DBP, exact: true }).waitFor();
    await walk(page, 'public ranking');
    await page.goto(`${server.url}/ket-qua/${periods.published}/district/DBP`);
    await page.getByRole('heading', { name: DBP, level: 2 }).waitFor();
    await walk(page, 'public unit page');
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await walk(page, 'sign-in');
    expect(keyboard).toEqual({});
  });

  it('has no serious or critical violation on the public pages and the workspace on a phone', async () => {
    const page = await newPage('phone');
    await page.goto(`${server.url}/ket-qua/${periods.published}/district`);
    await page.getByRole('link', { name: DBP, exact: true }).waitFor();
    await checkAxe(page, 'public ranking (phone)');
    await page.goto(`${server.url}/ket-qua/${periods.published}/district/DBP`);
    await page.getByRole('heading', { name: DBP, level: 2 }).waitFor();
    await checkAxe(page, 'public unit page (phone)');

    const reporter = await newPage('phone', 'nhaplieu.dbp');
    await reporter.goto(`${server.url}/don-vi/${dbpOpen}?chi-so=1.1`);
    await reporter.getByRole('heading', { name: DBP, level: 1 }).waitFor();
    await reporter.getByRole('radio', { name: 'Có', exact: true }).waitFor();
    await checkAxe(reporter, 'workspace (phone)');
    await screenshot(reporter, 'phone-workspace');
    await reporter.getByRole('button', { name: /^Danh sách chỉ số/ }).click();
    await reporter
      .getByRole('dialog')
      .getByRole('button', { name: /1\.1\. / })
      .waitFor();
    await checkAxe(reporter, 'workspace indicator drawer (phone)');
    expect(axe).toEqual({});
  });

  it('reaches every control of the unit workspace (indicator tree and form) by keyboard', async () => {
    const page = await newPage('laptop', 'nhaplieu.dbp');
    await page.goto(`${server.url}/don-vi`);
    await page.getByRole('link', { name: 'Tiếp tục tự đánh giá' }).first().waitFor();
    await walk(page, 'workspace home');
    await page.goto(`${server.url}/don-vi/${dbpOpen}?chi-so=3.1`);
    await page.getByLabel('Số đạt được (a)').waitFor();
    await walk(page, 'workspace assessment');
    expect(keyboard).toEqual({});
  });

  it('switches to English: the portal, a unit page and a signed-in workspace speak English, accessibly', async () => {
    // Names of units, periods, frameworks, indicators and people (a publication decision's signer too) are the province's data: they stay
    // as written (the demo's are Vietnamese only). So do place names and the Vietnamese numbering of
    // documents in the examples (2001/QĐ-UBND). Everything else on the page must be English.
    const reporterApi = await apiSignIn(server, 'nhaplieu.dbp');
    const names = new Set<string>(['Cán bộ nhập liệu TP Điện Biên Phủ (DEMO)', 'Điện Biên', 'QĐ-UBND']);
    for (const path of [
      '/api/v1/public/periods',
      `/api/v1/public/periods/${periods.published}/results/district`,
      `/api/v1/public/periods/${periods.published}/results/district/units/DBP`,
      `/api/v1/assessments/${dbpOpen}`,
      '/api/v1/frameworks/dienbien-2022-district',
    ]) {
      namesIn(await apiCall(server, reporterApi, 'GET', path), names);
    }
    const untranslated = async (page: Page) => {
      const data = [...names].sort((one, other) => other.length - one.length);
      return (await vietnameseTexts(page)).filter((text) =>
        VIETNAMESE.test(data.reduce((rest, name) => rest.replaceAll(name, ''), text)),
      );
    };

    const page = await newPage('laptop');
    await page.goto(`${server.url}/ket-qua/${periods.published}/district`);
    await page.getByRole('link', { name: DBP, exact: true }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { name: 'Digital transformation index results' }).waitFor();
    expect(await page.getByLabel('Assessment period').count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Districts, towns and cities' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Ranking' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Download CSV', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    // The index in English notation: a decimal point, no decimal comma.
    const dbpRow = await page.getByRole('row').filter({ hasText: DBP }).innerText();
    expect(dbpRow).toMatch(/\b0\.\d{4}\b/);
    expect(dbpRow).not.toMatch(/\b0,\d{4}\b/);
    expect(await untranslated(page), 'ranking').toEqual([]);
    await checkAxe(page, 'public ranking (English)');
    await screenshot(page, 'english-ranking');

    await page.getByRole('link', { name: DBP, exact: true }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Main indices' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Indicator analysis' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ranking of Districts, towns and cities, 2022' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toMatch(/\b\d+ of \d+\b/);
    expect(await untranslated(page), 'unit page').toEqual([]);
    await checkAxe(page, 'public unit page (English)');

    // Signed in (the form in Vietnamese), then the switch in the shell.
    const reporter = await newPage('laptop', 'nhaplieu.dbp');
    await reporter.goto(`${server.url}/don-vi/${dbpOpen}?chi-so=3.1`);
    await reporter.getByRole('heading', { name: DBP, level: 1 }).waitFor();
    await reporter.getByText('EN', { exact: true }).click();
    await reporter.getByLabel('Achieved (a)').waitFor();
    expect(await reporter.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await reporter.getByRole('button', { name: 'Check before submitting' }).count()).toBe(1);
    expect(await reporter.getByRole('navigation', { name: 'Indicators' }).count()).toBe(1);
    expect(await reporter.getByText('Digital transformation index of the districts, town and city of Điện Biên').count()).toBe(1);
    expect(await untranslated(reporter), 'workspace').toEqual([]);
    await checkAxe(reporter, 'workspace (English)');
    await screenshot(reporter, 'english-workspace');
    // Mantine's own close button follows the language too.
    await reporter.getByRole('button', { name: 'Work in Excel' }).click();
    const dialog = reporter.getByRole('dialog', { name: 'Working offline in Excel' });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(axe).toEqual({});
  });

  it('reaches every control of the appraisal queue, an assessment and the council overview by keyboard', async () => {
    const manager: ApiSession = await apiSignIn(server, 'quanly');
    // DBP has entered something, so the close submits it to the council (a unit with no data is not).
    const reporter: ApiSession = await apiSignIn(server, 'nhaplieu.dbp');
    await apiCall(server, reporter, 'PUT', `/api/v1/assessments/${dbpOpen}/answers/1.5`, { value: 'có', baseVersion: 0 });
    await apiCall(server, manager, 'POST', `/api/v1/periods/${periods.open}/transitions`, { action: 'startAppraisal' });

    const page = await newPage('laptop', 'chutich');
    await page.goto(`${server.url}/tham-dinh`);
    await page.getByRole('link', { name: DBP }).first().waitFor();
    await walk(page, 'appraisal queue');
    await page.goto(`${server.url}/tham-dinh/${dbpOpen}?chi-so=1.2`);
    await page.getByRole('button', { name: 'Lưu quyết định' }).waitFor();
    await walk(page, 'appraisal assessment');
    await page.goto(`${server.url}/tham-dinh/ky/${periods.open}?nhom=district`);
    await page.getByRole('link', { name: DBP }).first().waitFor();
    await walk(page, 'council overview');
    expect(keyboard).toEqual({});
  });

  it('shows the appraisal queue and the council overview on a phone without a table wider than the screen', async () => {
    const page = await newPage('phone', 'chutich');
    for (const [name, path] of [
      ['appraisal-queue', '/tham-dinh'],
      ['council-overview', `/tham-dinh/ky/${periods.open}?nhom=district`],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('link', { name: DBP }).first().waitFor();
      expect(await horizontalOverflow(page), `${name} scrolls sideways`).toEqual([]);
      await checkAxe(page, `${name} (phone)`);
      await screenshot(page, `phone-${name}`);
    }
    expect(axe).toEqual({});
  });

  const ADMIN_PAGES = [
    ['periods', '/quan-tri/ky-danh-gia', 'Kỳ đánh giá'],
    ['units', '/quan-tri/don-vi', 'Đơn vị'],
    ['users', '/quan-tri/nguoi-dung', 'Người dùng'],
    ['frameworks', '/quan-tri/bo-chi-so', 'Bộ chỉ số'],
    ['audit', '/quan-tri/nhat-ky', 'Nhật ký'],
    ['documents', '/quan-tri/van-ban', 'Văn bản'],
  ] as const;

  it('reaches every control of the administration pages by keyboard', async () => {
    const page = await newPage('laptop', 'quantri');
    for (const [name, path] of ADMIN_PAGES) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.locator('table, [role=tree]').first().waitFor();
      await walk(page, `admin ${name}`);
    }
    expect(keyboard).toEqual({});
  });

  it('shows the administration lists on a phone without a table wider than the screen', async () => {
    const page = await newPage('phone', 'quantri');
    for (const [name, path] of ADMIN_PAGES) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.locator('table, [role=tree]').first().waitFor();
      expect(await horizontalOverflow(page), `admin ${name} scrolls sideways`).toEqual([]);
      await checkAxe(page, `admin ${name} (phone)`);
      await screenshot(page, `phone-admin-${name}`);
    }
    expect(axe).toEqual({});
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});

/** Scroll boxes (and the page) whose content is wider than they are: content a phone user must pan to. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) wide.push(`page ${document.documentElement.scrollWidth}px`);
    for (const element of document.querySelectorAll<HTMLElement>('main *')) {
      const overflowX = getComputedStyle(element).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
        wide.push(`${element.tagName.toLowerCase()}.${element.className.toString().split(' ')[0]} ${element.scrollWidth}px`);
      }
    }
    return wide;
  });
}

/** Letters that English does not use: a text with one is Vietnamese. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũõãàèìòùýáéíóú]/i;

/** Every name an API answer carries (units, periods, frameworks, indicators, people). */
function namesIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) namesIn(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A publication decision's number, signer and title are the province's words too (publicationDecision).
      if (['name', 'nameEn', 'displayName', 'number', 'signerName', 'signerTitle'].includes(key) && typeof item === 'string') {
        into.add(item);
      } else namesIn(item, into);
    }
  }
  return into;
}

/** Visible and screen-reader texts of the page (and its labels, placeholders, titles) with Vietnamese letters. */
async function vietnameseTexts(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const letters = new RegExp(pattern, 'i');
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (letters.test(text) && !node.parentElement?.closest('script, style')) found.add(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const text = element.getAttribute(name) ?? '';
        if (letters.test(text)) found.add(`@${name}=${text}`);
      }
    }
    return [...found];
  }, VIETNAMESE.source);
}
