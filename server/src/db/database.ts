import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { readInitialImage } from './initial-database-image.js';
import * as schema from './schema/index.js';

/** The committed SQL migrations, beside `src/` and `dist/`. */
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type Database = ReturnType<typeof drizzlePglite<typeof schema>>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * What the job queue connects through (decision 0015): the embedded database's one PGlite instance,
   * or the PostgreSQL server's URL, for a pool of its own.
   */
  connection: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; url: string };
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded PostgreSQL (PGlite) in `directory`, or in memory when `directory` is undefined
 * (tests). Drizzle's own PGlite driver: PGlite's pg-compatible adapter breaks parameterised
 * queries and the migrator (STACK-NOTES).
 */
export async function openEmbeddedDatabase(directory: string | undefined): Promise<DatabaseHandle> {
  if (directory !== undefined) mkdirSync(directory, { recursive: true });
  // A new database starts from the built image of an empty, migrated one when there is one.
  const isNew = directory === undefined || !existsSync(join(directory, 'PG_VERSION'));
  const image = isNew ? readInitialImage() : undefined;
  const options = image ? { loadDataDir: image } : {};
  const client = directory === undefined ? new PGlite(options) : new PGlite(directory, options);
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    connection: { kind: 'pglite', client },
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** A PostgreSQL server. Same schema, same migrations; the two drivers share one query API. */
export async function openPostgresDatabase(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A connection the server ends (a PostgreSQL restart, a dropped database) must not crash the
  // process: an 'error' with no listener would. The next query opens a new connection.
  const reportLostConnection = (error: Error) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: 'PostgreSQL connection lost', error: error.message })}\n`);
  pool.on('error', reportLostConnection);
  pool.on('connect', (client) => client.on('error', reportLostConnection));
  // Fail now, with the server's own message, rather than on the first request.
  const connection = await pool.connect();
  connection.release();
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    connection: { kind: 'postgres', url },
    migrate: () => migratePostgres(db as unknown as Parameters<typeof migratePostgres>[0], { migrationsFolder }),
    close: () => pool.end(),
  };
}
