import { createBackup, restoreBackup } from '../../backup/backup.js';
import { ConfigError, readConfig } from '../../config/env.js';
import { DataDirectoryLockedError } from '../../db/data-directory-lock.js';
import { startServer } from '../../start-server.js';
import { openEvidenceStorage } from '../../storage/create-evidence-storage.js';
import { withMigratedDatabase } from './one-shot-database.js';

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
  await withMigratedDatabase(
    env,
    async (database, config) => {
      const { rows, files } = await createBackup(database.db, await openEvidenceStorage(config), file);
      print(`Đã sao lưu ${rows} dòng dữ liệu và ${files} tệp minh chứng vào ${file}`);
    },
    'existing',
  );
}

/** `opendti restore <file>`: into an empty data directory (or empty PostgreSQL database) only. */
export async function runRestore(
  env: Record<string, string | undefined>,
  file: string,
  print: (line: string) => void,
): Promise<void> {
  await withMigratedDatabase(
    env,
    async (database, config) => {
      const { rows, files } = await restoreBackup(database.db, await openEvidenceStorage(config), file);
      print(`Đã khôi phục ${rows} dòng dữ liệu và ${files} tệp minh chứng từ ${file}`);
    },
    'new',
  );
}
