import { buildApp } from '../app.js';
import { readConfig } from '../config/env.js';
import type { DatabaseHandle } from '../db/database.js';

/**
 * The OpenAPI document of the API, built from the route schemas without a database: the web app's
 * types are generated from it (`npm run api:types`), never typed by hand.
 */
export async function exportOpenApiDocument(): Promise<Record<string, unknown>> {
  const unusable = new Proxy(
    {},
    {
      get() {
        throw new Error('the OpenAPI export does not touch the database');
      },
    },
  );
  const database = { db: unusable, kind: 'pglite', migrate: async () => {}, close: async () => {} } as unknown as DatabaseHandle;
  const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
  await app.ready();
  const document = app.swagger() as Record<string, unknown>;
  await app.close();
  return document;
}

/** Stable text (two-space JSON, trailing newline) so that the committed copy diffs cleanly. */
export function renderOpenApiDocument(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
