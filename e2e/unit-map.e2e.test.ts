/**
 * The choropleth in real Chromium: the administrator uploads a GeoJSON of unit boundaries, sees the
 * server's check, saves it; then an anonymous visitor sees the map on the published ranking, with
 * Vietnamese tooltips, and a click on a region opens that unit's page. The boundaries are SYNTHETIC
 * squares (server/src/test-support/synthetic-boundaries.ts): no real geography ships with the demo.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICT_CODES, syntheticBoundaries } from '../server/src/test-support/synthetic-boundaries.js';
import {
  contentSecurityViolations,
  launchBrowser,
  loginAs,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('the choropleth map of a cohort', () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'opendti-map-'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the administrator uploads boundaries, checks the report, and saves them', async () => {
    const file = join(folder, 'ranh-gioi-huyen.geojson');
    writeFileSync(file, JSON.stringify(syntheticBoundaries(DEMO_DISTRICT_CODES)));
    const page = await browser.newPage();
    await loginAs(page, server.url, 'quantri', server.passwords.get('quantri') as string);
    await page.goto(`${server.url}/quan-tri/ban-do`);
    await expect.poll(() => page.getByRole('heading', { name: 'Bản đồ ranh giới đơn vị' }).count()).toBe(1);
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByRole('heading', { name: 'Kết quả kiểm tra' }).count(), { timeout: 20_000 }).toBe(1);
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    await screenshot(page, 'admin-unit-map-report');
    await page.getByRole('button', { name: 'Lưu bản đồ' }).click();
    await expect.poll(() => page.getByText(/Đã lưu bản đồ .*: 10 đơn vị khớp/).count(), { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it('a visitor sees the map on the ranking and opens a unit from it', async () => {
    const periods = (await (await fetch(`${server.url}/api/v1/public/periods`)).json()) as {
      items: { id: string; year: number }[];
    };
    const published = periods.items.find((period) => period.year === 2022);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/ket-qua/${published?.id}/district`);
    const map = page.getByRole('img', { name: /Bản đồ/ });
    await page.getByRole('heading', { name: 'Bản đồ chỉ số' }).scrollIntoViewIfNeeded();
    await expect.poll(() => map.locator('svg path').count(), { timeout: 30_000 }).toBeGreaterThan(9);
    expect(JSON.stringify(await seriousAccessibilityViolations(page), null, 1)).toBe('[]');
    await screenshot(page, 'public-ranking-map');
    // The first square is DBP's (synthetic-boundaries lays them out west to east), right of the legend.
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.click(box.x + box.width * 0.13, box.y + box.height / 2);
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/DBP$/);
    await page.close();
  });

  it('meets the Content-Security-Policy on every page visited: no violation reported', () => {
    expect(contentSecurityViolations(browser)).toEqual([]);
  });
});
