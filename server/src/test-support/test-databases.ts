import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openEmbeddedDatabase, openPostgresDatabase } from '../db/database.js';

/**
 * The databases server tests run against: always the embedded PGlite, and a PostgreSQL server too
 * when TEST_DATABASE_URL is set (`.ci/run` sets it when one answers on 127.0.0.1:5432).
 */
export const TEST_DATABASE_KINDS: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database. On PostgreSQL each call creates its own database (dropped by
 * `close`), so test files run in parallel without seeing each other's rows.
 */
export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const handle = await openEmbeddedDatabase(undefined);
    await handle.migrate();
    return handle;
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `opendti_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgresDatabase(url.toString(), 4);
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
