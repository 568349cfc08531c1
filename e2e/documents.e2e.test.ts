/**
 * Issue 13 in the browser: the administrator sets the issuing body on the Văn bản page, downloads
 * the result report from the published period's Tài liệu card (the .docx carries the setting), and
 * a unit's reporter downloads its self-assessment report and its own score sheet from its page, and
 * the manager downloads a draft improvement plan's document from the plan's page.
 */

import PizZip from 'pizzip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiCall, apiSignIn, demoPassword } from './support/api.js';
import { launchBrowser, loginAs, screenshot, seriousAccessibilityViolations } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('official documents in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: ApiSession;
  const periods = { published: '', open: '' };

  async function page(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const created = await context.newPage();
    await loginAs(created, server.url, username, demoPassword(server, username));
    return created;
  }

  async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const xml = new PizZip(readFileSync(path)).file('word/document.xml')?.asText() ?? '';
    return {
      name: download.suggestedFilename(),
      text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join('')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await apiSignIn(server, 'quanly');
    const list = await apiCall<{ items: { id: string; year: number }[] }>(server, manager, 'GET', '/api/v1/periods?pageSize=200');
    periods.published = list.items.find((period) => period.year === 2022)?.id ?? '';
    periods.open = list.items.find((period) => period.year === 2023)?.id ?? '';
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator sets the header, then downloads the report carrying it', async () => {
    const admin = await page('quantri');
    await admin.goto(`${server.url}/quan-tri/van-ban`);
    await admin.getByLabel('Địa danh').fill('Điện Biên');
    await admin.getByLabel('Họ tên người ký').fill('Lò Thị Xuân');
    await admin.getByRole('button', { name: 'Lưu' }).click();
    await admin.getByText('Đã lưu thông tin văn bản.').waitFor();
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await screenshot(admin, 'documents-settings');

    await admin.goto(`${server.url}/quan-tri/ky-danh-gia/${periods.published}`);
    await admin.getByRole('heading', { name: 'Tài liệu' }).waitFor();
    const report = await downloadText(admin, () => admin.getByRole('link', { name: 'Báo cáo kết quả đánh giá: Word' }).click());
    expect(report.name).toBe('bao-cao-ket-qua-2022.docx');
    expect(report.text).toContain('Điện Biên, ngày');
    expect(report.text).toContain('Lò Thị Xuân');
    expect(report.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const violations = await seriousAccessibilityViolations(admin);
    expect(JSON.stringify(violations, null, 1)).toBe('[]');
    await screenshot(admin, 'documents-period-card');
  });

  it('a unit reporter downloads its self-assessment report from its own page', async () => {
    const reporter = await page('nhaplieu.dbp');
    const assessments = await apiCall<{ items: { id: string; unit: { code: string } }[] }>(
      server,
      manager,
      'GET',
      `/api/v1/periods/${periods.open}/assessments`,
    );
    const own = assessments.items.find((assessment) => assessment.unit.code === 'DBP')?.id;
    await reporter.goto(`${server.url}/don-vi/${own}`);
    await reporter.getByRole('button', { name: 'Tài liệu' }).click();
    const self = await downloadText(reporter, () => reporter.getByRole('menuitem', { name: 'Word (.docx)' }).first().click());
    expect(self.name).toBe('bao-cao-tu-danh-gia-2023-DBP.docx');
    expect(self.text).toContain('Tổng điểm tự đánh giá');
  });

  it('the manager downloads a draft plan’s document from the plan page; the Văn bản page lists its template', async () => {
    const plan = await apiCall<{ id: string; tasks: { text: string }[] }>(server, manager, 'POST', '/api/v1/plans/drafts', {
      periodId: periods.published,
      unitKind: 'district',
    });
    const office = await page('quanly');
    await office.goto(`${server.url}/ke-hoach/${plan.id}`);
    await office.getByRole('button', { name: 'Tài liệu' }).click();
    await office.getByText('Văn bản kế hoạch (dự thảo)').waitFor();
    const document = await downloadText(office, () => office.getByRole('menuitem', { name: 'Word (.docx)' }).click());
    expect(document.name).toBe('ke-hoach-nang-cao-chi-so-2023-du-thao.docx');
    expect(document.text).toContain('DỰ THẢO');
    expect(document.text).toContain('III. NHIỆM VỤ');
    expect(document.text).toContain(plan.tasks[0]?.text ?? '');
    expect(JSON.stringify(await seriousAccessibilityViolations(office), null, 1)).toBe('[]');

    const admin = await page('quantri');
    await admin.goto(`${server.url}/quan-tri/van-ban`);
    const template = await downloadText(admin, () =>
      admin.getByRole('link', { name: 'Tải mẫu: Kế hoạch nâng cao chỉ số' }).click(),
    );
    expect(template.name).toBe('mau-ke-hoach-nang-cao-chi-so.docx');
    expect(template.text).toContain('{#tasks}');
  });
});
