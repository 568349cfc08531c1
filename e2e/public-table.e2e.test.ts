/**
 * The public ranking's table and downloads in Chromium, on the built `opendti serve` with the demo
 * (2022 published): main-index values by default and ranks on the switch, kept in the address; the
 * two CSVs and the XLSX under Vietnamese file names; and the print view, which keeps the table and
 * leaves out the header, the buttons and the fields.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const LAPTOP = { width: 1366, height: 768 };
const DBP = 'Thành phố Điện Biên Phủ';

describe('the public ranking table, its downloads and its print view', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let rankingUrl = '';

  async function openRanking(search = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${rankingUrl}${search}`);
    await page.getByRole('link', { name: DBP, exact: true }).waitFor();
    return page;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const periods = (await (await fetch(`${server.url}/api/v1/public/periods`)).json()) as {
      items: { id: string; year: number }[];
    };
    const period2022 = periods.items.find((period) => period.year === 2022)?.id ?? '';
    rankingUrl = `${server.url}/ket-qua/${period2022}/district`;
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows main-index values by default, ranks on the switch, and keeps the choice in the address', async () => {
    const page = await openRanking();
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Chỉ số chính', exact: true }).waitFor();
    const dbp = table.getByRole('row', { name: new RegExp(DBP) });
    expect(await dbp.getByRole('cell').last().textContent()).toMatch(/^\d,\d{4}$/);
    await screenshot(page, 'public-table-values-1366');

    await page.getByText('Thứ hạng', { exact: true }).click();
    await page.waitForURL(/show=ranks/);
    await table.getByRole('columnheader', { name: 'Hạng theo chỉ số chính' }).waitFor();
    expect(await dbp.getByRole('cell').last().textContent()).toMatch(/^\d+$/);

    await page.reload();
    await page.getByRole('table').getByRole('columnheader', { name: 'Hạng theo chỉ số chính' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });

  it('downloads CSV, CSV for Excel in Vietnamese and XLSX under Vietnamese names without diacritics', async () => {
    const page = await openRanking();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const csv = await download('Tải CSV');
    expect(csv.name).toBe('ket-qua-dti-2022-huyen-thi-xa-thanh-pho.csv');
    const excel = await download('Tải CSV cho Excel tiếng Việt');
    expect(excel.name).toBe('ket-qua-dti-2022-huyen-thi-xa-thanh-pho-excel.csv');
    const xlsx = await download('Tải Excel (XLSX)');
    expect(xlsx.name).toBe('ket-qua-dti-2022-huyen-thi-xa-thanh-pho.xlsx');

    for (const file of [csv, excel]) expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [standardHeader, standardFirst] = csv.bytes.toString('utf8').slice(1).split('\r\n');
    const [excelHeader, excelFirst] = excel.bytes.toString('utf8').slice(1).split('\r\n');
    expect(standardHeader?.startsWith('Hạng,Mã,Đơn vị,Chỉ số,')).toBe(true);
    expect(excelHeader?.startsWith('Hạng;Mã;Đơn vị;Chỉ số;')).toBe(true);
    // The same figures, rounded as on screen: 0.8482 in one, 0,8482 in the other.
    const standardValue = standardFirst?.split(',')[3] ?? '';
    expect(standardValue).toMatch(/^\d\.\d{4}$/);
    expect(excelFirst?.split(';')[3]).toBe(standardValue.replace('.', ','));
    expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('prints the ranking and a unit page without the header, buttons and fields, the table whole', async () => {
    const page = await openRanking();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tải CSV', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('searchbox').isVisible()).toBe(false);
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    expect(await page.getByRole('radiogroup').isVisible()).toBe(false);
    expect(await page.getByRole('table').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Bảng xếp hạng' }).isVisible()).toBe(true);
    await screenshot(page, 'public-table-print');

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: DBP, exact: true }).click();
    await page.getByRole('heading', { name: DBP }).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: DBP }).first().isVisible()).toBe(true);
    await screenshot(page, 'public-unit-print');
  });
});
