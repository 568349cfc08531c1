/**
 * The public results endpoints serve cached, precompressed responses: what a reader receives must be
 * exactly what an uncached reply was, in every encoding, and a correction must never be hidden by the
 * cache. On the demo's published 2022 period; PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PUBLICATION_DECISION } from '../../test-support/publication-decision.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

describe.each(TEST_DATABASE_KINDS)('public results on %s', (kind) => {
  let t: TestApp;
  let periodId: string;
  let rankingUrl: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const periods = (await get('/api/v1/public/periods')).json().items as { id: string; year: number }[];
    periodId = periods.find((period) => period.year === 2022)?.id as string;
    rankingUrl = `/api/v1/public/periods/${periodId}/results/district`;
  }, 120_000);
  afterAll(async () => t?.close());

  it('sends the same ranking plain, brotli and gzip, with Vary and the ETag, first and cached', async () => {
    const plain = await get(rankingUrl);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const ranking = plain.json();
    expect(ranking.units).toHaveLength(10);
    expect(typeof ranking.publishedAt).toBe('string');
    // The authority a download's title block names: the framework's legal basis.
    expect(ranking.legalBasis).toEqual({
      issuer: 'Ủy ban nhân dân tỉnh Điện Biên',
      document: '2001/QĐ-UBND',
      date: '2022-10-31',
    });

    const br = await get(rankingUrl, { 'accept-encoding': 'gzip, deflate, br' });
    expect([br.headers['content-encoding'], br.headers.vary]).toEqual(['br', 'Accept-Encoding']);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(ranking);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);

    const gzip = await get(rankingUrl, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(ranking);

    const again = await get(rankingUrl);
    expect(again.json()).toEqual(ranking);
    expect(again.headers.etag).toBe(plain.headers.etag);
  });

  it('names the framework and its nodes in English too, where the framework does (null where it does not)', async () => {
    const ranking = (await get(rankingUrl)).json();
    expect(ranking.framework.nameEn).toBe('Digital transformation index of the districts, town and city of Điện Biên');
    const first = ranking.units[0].mainIndices[0];
    expect([first.code, first.name, first.nameEn]).toEqual(['1', expect.stringContaining('Nhận thức'), 'Digital awareness']);
    const page = (await get(`${rankingUrl}/units/DBP`)).json();
    expect(page.unit.mainIndices[0].nameEn).toBe('Digital awareness');
    expect(page.analysis[0].nameEn).toBe('Digital awareness');
    const indicators = [...page.analysis[0].full, ...page.analysis[0].partial, ...page.analysis[0].zero];
    expect(indicators.length).toBeGreaterThan(0);
    expect(
      indicators.every((indicator: { nameEn: unknown }) => indicator.nameEn === null || typeof indicator.nameEn === 'string'),
    ).toBe(true);
  });

  it('answers a unit page, then 304 for its ETag, and 404 in Vietnamese for a unit not in the cohort', async () => {
    const page = await get(`${rankingUrl}/units/DBP`, { 'accept-encoding': 'br' });
    expect(page.statusCode).toBe(200);
    const body = JSON.parse(brotliDecompressSync(page.rawPayload).toString('utf8'));
    expect(body.unit.code).toBe('DBP');
    expect(body.analysis.length).toBeGreaterThan(0);
    expect((await get(`${rankingUrl}/units/DBP`)).json()).toEqual(body);

    const notModified = await get(`${rankingUrl}/units/DBP`, { 'if-none-match': page.headers.etag as string });
    expect([notModified.statusCode, notModified.rawPayload.length]).toEqual([304, 0]);
    expect(notModified.headers['cache-control']).toBe('public, max-age=60');

    const unknown = await get(`${rankingUrl}/units/KHONGCO`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('KHONGCO');
  });

  it('answers the province-wide indicator overview from the published snapshot, agreeing with the unit pages, and 304s it', async () => {
    const reply = await get(`${rankingUrl}/indicator-overview`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=60');
    const overview = reply.json();
    const ranking = (await get(rankingUrl)).json();
    expect(overview.units.map((unit: { code: string }) => unit.code)).toEqual(
      [...ranking.units]
        .sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank)
        .map((unit: { code: string }) => unit.code),
    );
    expect(overview.mainIndices[0]).toMatchObject({ code: '1', nameEn: 'Digital awareness' });
    // The heatmap's cells are the published main-index values.
    const first = ranking.units.find((unit: { code: string }) => unit.code === overview.units[0].code);
    expect(overview.units[0].mainIndexValues).toEqual(first.mainIndices.map((main: { value: number | null }) => main.value));
    // Each indicator counts every unit once; the most points lost first.
    const counts = overview.indicators.map(
      (item: { full: number; partial: number; zero: number; notAssessed: number }) =>
        item.full + item.partial + item.zero + item.notAssessed,
    );
    expect(new Set(counts)).toEqual(new Set([ranking.units.length]));
    const losses = overview.indicators.map((item: { lost: number }) => item.lost);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
    expect(losses[0]).toBeGreaterThan(0);
    // The points lost add up to what the unit pages show.
    const page = (await get(`${rankingUrl}/units/DBP`)).json();
    const unitLost = page.analysis.reduce((sum: number, main: { lost: number }) => sum + main.lost, 0);
    const dbp = overview.units.find((unit: { code: string }) => unit.code === 'DBP');
    const dbpLost = overview.indicatorOrder.reduce((sum: number, code: string, position: number) => {
      const item = overview.indicators.find((candidate: { code: string }) => candidate.code === code);
      const points = dbp.indicatorPoints[position];
      return points === null ? sum : sum + (item.max - points);
    }, 0);
    expect(dbpLost).toBeCloseTo(unitLost, 4); // points are published to six places

    const notModified = await get(`${rankingUrl}/indicator-overview`, { 'if-none-match': reply.headers.etag as string });
    expect(notModified.statusCode).toBe(304);
    expect((await get(`${rankingUrl}/indicator-overview`)).json()).toEqual(overview);
    const missing = await get(`/api/v1/public/periods/${periodId}/results/commune/indicator-overview`);
    expect(missing.statusCode).toBe(404);
  });

  it('hides a ranking the administrator reopens for a correction, and shows the republished one, not the cached one', async () => {
    const before = (await get(rankingUrl)).json();
    await get(`${rankingUrl}/units/DBP`);
    const admin = await t.signIn('quantri');
    const manager = await t.signIn('quanly');
    const reopened = await t.call(admin, 'POST', `/api/v1/periods/${periodId}/transitions`, {
      action: 'reopenPeriod',
      reason: 'Đính chính số liệu',
    });
    expect(reopened.statusCode).toBe(200);
    expect((await get(rankingUrl)).statusCode).toBe(404);
    expect((await get(`${rankingUrl}/units/DBP`)).statusCode).toBe(404);
    expect((await get(`${rankingUrl}/indicator-overview`)).statusCode).toBe(404);

    const republished = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, {
      action: 'publish',
      decision: TEST_PUBLICATION_DECISION,
    });
    expect(republished.statusCode).toBe(200);
    const after = (await get(rankingUrl)).json();
    expect(after.units).toEqual(before.units);
    expect(Date.parse(after.publishedAt)).toBeGreaterThan(Date.parse(before.publishedAt));
  });
});
