import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { readConfig } from './config/env.js';
import type { DatabaseHandle } from './db/database.js';
import { auditLog } from './db/schema/index.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from './test-support/test-databases.js';

describe.each(TEST_DATABASE_KINDS)('server foundation on %s', (kind) => {
  let database: DatabaseHandle;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildApp({ config: readConfig({}), database, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers /healthz with the database kind', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('serves an OpenAPI 3 document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().openapi).toMatch(/^3\./);
  });

  it('answers unknown routes with the one error shape, in Vietnamese by default', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'http.not-found', message: 'không tìm thấy đường dẫn GET /api/v1/nothing-here' },
    });
    const english = await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'en-GB' } });
    expect(english.json().error.message).toBe('route GET /api/v1/nothing-here not found');
  });

  it('keeps the audit log append-only at the database', async () => {
    await database.db.insert(auditLog).values({ action: 'test', entityType: 'test', entityId: '1' });
    // Drizzle wraps the database error; the trigger's message is its cause.
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'allowed',
        (error: Error) => String((error.cause as Error)?.message),
      );
    expect(await refusal(database.db.execute(sql`update audit_log set action = 'rewritten'`))).toBe('audit_log is append-only');
    expect(await refusal(database.db.execute(sql`delete from audit_log`))).toBe('audit_log is append-only');
  });
});

/** A built web app of one page and one asset, in a temporary directory (with its trailing slash). */
function fakeWebRoot(assetName: string, assetContent: string): string {
  const root = mkdtempSync(join(tmpdir(), 'opendti-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', assetName), assetContent);
  return `${root}/`;
}

describe('the web app on the API port', () => {
  it('serves index.html for the app’s pages, hashed assets with a long cache, and never for /api', async () => {
    const root = fakeWebRoot('index-abc.js', 'console.log(1)');
    const database = await openTestDatabase('pglite');
    const app = await buildApp({ config: readConfig({}), database, logger: false, webRoot: root });
    try {
      const page = await app.inject({ method: 'GET', url: '/ket-qua/2022/district', headers: { accept: 'text/html' } });
      expect([page.statusCode, page.headers['cache-control'], page.body]).toEqual([
        200,
        'no-cache',
        '<!doctype html><div id="root"></div>',
      ]);
      const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
      expect([asset.statusCode, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
      const api = await app.inject({ method: 'GET', url: '/api/v1/nothing', headers: { accept: 'text/html' } });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('http.not-found');
      expect(page.headers['x-frame-options']).toBe('DENY');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('gives the HTML a strict Content-Security-Policy, and in production HSTS and no source maps (issue 9, §5)', async () => {
    const root = fakeWebRoot('index-abc.js.map', '{}');
    const database = await openTestDatabase('pglite');
    try {
      for (const production of [false, true]) {
        const config = readConfig(production ? { NODE_ENV: 'production' } : {});
        const app = await buildApp({ config, database, logger: false, webRoot: root });
        try {
          const page = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
          const csp = String(page.headers['content-security-policy']);
          expect(csp).toContain("script-src 'self'");
          expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
          expect(csp).toContain("frame-ancestors 'none'");
          const json = await app.inject({ method: 'GET', url: '/healthz' });
          expect(json.headers['content-security-policy']).toBeUndefined();
          expect(page.headers['strict-transport-security']).toBe(production ? 'max-age=31536000; includeSubDomains' : undefined);
          const map = await app.inject({ method: 'GET', url: '/assets/index-abc.js.map' });
          expect([production, map.statusCode]).toEqual([production, production ? 404 : 200]);
        } finally {
          await app.close();
        }
      }
    } finally {
      await database.close();
    }
  });
});
