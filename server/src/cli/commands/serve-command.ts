import { createBackup, restoreBackup } from '../../backup/backup.js';
import { ConfigError, readConfig, type ServerConfig } from '../../config/env.js';
import { DataDirectoryLockedError } from '../../db/data-directory-lock.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openDatabase, startServer } from '../../start-server.js';
import { openEvidenceStorage } from '../../storage/create-evidence-storage.js';

/**
 * `opendti serve`: runs until SIGTERM or SIGINT, then stops accepting connections, lets requests in
 * flight finish, closes the database and releases the data directory.
 */
export async function runServe(env: Record<string, string | undefined>, print: (line: string) => void): Promise<void> {
  const config = readConfig(env);
  const server = await startServer(config, print);
  print(
    `OpenDTI đang chạy tại ${server.address} (${server.database.kind === 'pglite' ? `CSDL nhúng ${config.dataDirectory}` : 'PostgreSQL'})`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      print(`Nhận ${signal}: đang dừng, hoàn tất các yêu cầu đang xử lý…`);
      server.stop().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/**
 * Opens the configured database (taking the data-directory lock for the embedded one), brings its
 * schema up to date, runs `work`, and always closes and releases: the frame of every one-shot command.
 */
async function withMigratedDatabase(
  env: Record<string, string | undefined>,
  work: (database: DatabaseHandle, config: ServerConfig) => Promise<void>,
): Promise<void> {
  const config = readConfig(env);
  const { database, release } = await openDatabase(config);
  try {
    await database.migrate();
    await work(database, config);
  } finally {
    await database.close();
    release();
  }
}

/** `opendti migrate`: applies the committed migrations and exits (for deployments that migrate first). */
export async function runMigrate(env: Record<string, string | undefined>, print: (line: string) => void): Promise<void> {
  await withMigratedDatabase(env, async (database) => print(`Đã áp dụng migration (${database.kind}).`));
}

export const STARTUP_ERRORS = [ConfigError, DataDirectoryLockedError];

/**
 * `opendti backup <file>`: database rows and evidence files in one gzip'd file. With the embedded
 * database the server must be stopped first (PGlite allows one process); with PostgreSQL it may run.
 */
export async function runBackup(
  env: Record<string, string | undefined>,
  file: string,
  print: (line: string) => void,
): Promise<void> {
  await withMigratedDatabase(env, async (database, config) => {
    const { rows, files } = await createBackup(database.db, await openEvidenceStorage(config), file);
    print(`Đã sao lưu ${rows} dòng dữ liệu và ${files} tệp minh chứng vào ${file}`);
  });
}

/** `opendti restore <file>`: into an empty data directory (or empty PostgreSQL database) only. */
export async function runRestore(
  env: Record<string, string | undefined>,
  file: string,
  print: (line: string) => void,
): Promise<void> {
  await withMigratedDatabase(env, async (database, config) => {
    const { rows, files } = await restoreBackup(database.db, await openEvidenceStorage(config), file);
    print(`Đã khôi phục ${rows} dòng dữ liệu và ${files} tệp minh chứng từ ${file}`);
  });
}
