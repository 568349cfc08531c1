import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@opendti/core';
import { sql } from 'drizzle-orm';
import { readConfig, type ServerConfig } from '../../config/env.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openDatabase } from '../../start-server.js';

/**
 * What a one-shot command expects to find:
 * - `any`: migrate creates the database where there is none;
 * - `existing`: backup and the users commands work on a database that OpenDTI made; a mistyped
 *   DATA_DIR once made an empty database and "backed it up" with exit 0;
 * - `new`: restore writes into an empty or new data directory, never into a folder of other files.
 */
export type DatabaseExpectation = 'any' | 'existing' | 'new';

/** Files OpenDTI itself leaves in a data directory besides its database. */
const OWN_ENTRIES = new Set(['db', 'files', 'opendti.lock']);

/**
 * Opens the configured database (taking the data-directory lock for the embedded one), checks it is
 * what the command expects, brings its schema up to date, runs `work`, and always closes and
 * releases: the frame of every one-shot command.
 */
export async function withMigratedDatabase(
  env: Record<string, string | undefined>,
  work: (database: DatabaseHandle, config: ServerConfig) => Promise<void>,
  expectation: DatabaseExpectation = 'any',
): Promise<void> {
  const config = readConfig(env);
  if (!config.databaseUrl) checkDataDirectory(config.dataDirectory, expectation);
  const { database, release } = await openDatabase(config);
  try {
    if (config.databaseUrl && expectation === 'existing' && !(await holdsOpenDtiTables(database))) {
      throw noDatabase(describeUrl(config.databaseUrl));
    }
    await database.migrate();
    await work(database, config);
  } finally {
    await database.close();
    release();
  }
}

function checkDataDirectory(directory: string, expectation: DatabaseExpectation): void {
  const hasDatabase = existsSync(join(directory, 'db', 'PG_VERSION'));
  if (expectation === 'existing' && !hasDatabase) throw noDatabase(directory);
  if (expectation === 'new' && !hasDatabase && existsSync(directory)) {
    const foreign = readdirSync(directory).filter((entry) => !OWN_ENTRIES.has(entry) && !entry.startsWith('opendti.lock'));
    if (foreign.length > 0) {
      throw new DomainError('conflict', [{ code: 'backup.foreign-directory', params: { where: directory } }]);
    }
  }
}

async function holdsOpenDtiTables(database: DatabaseHandle): Promise<boolean> {
  const result = await database.db.execute(sql.raw("select to_regclass('public.users') is not null as present"));
  return Boolean((result as unknown as { rows: { present: boolean }[] }).rows[0]?.present);
}

function noDatabase(where: string): DomainError {
  return new DomainError('not-found', [{ code: 'backup.no-database', params: { where } }]);
}

/** A PostgreSQL URL as it may be printed: host and database, never the password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
