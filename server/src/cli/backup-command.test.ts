import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../db/database.js';
import { answers, auditLog, users } from '../db/schema/index.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { installBuiltinFrameworks } from '../modules/frameworks/frameworks.service.js';
import { runCli } from './run-cli.js';

async function cli(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

async function countsIn(dataDirectory: string) {
  const database = await openEmbeddedDatabase(join(dataDirectory, 'db'));
  try {
    const [[userCount], [answerCount], [auditCount]] = await Promise.all([
      database.db.select({ value: count() }).from(users),
      database.db.select({ value: count() }).from(answers),
      database.db.select({ value: count() }).from(auditLog),
    ]);
    return { users: userCount?.value, answers: answerCount?.value, audit: auditCount?.value };
  } finally {
    await database.close();
  }
}

describe('opendti backup and restore (embedded database)', () => {
  it('restores every answer and audit entry into an empty data directory, and refuses a second restore', async () => {
    const root = mkdtempSync(join(tmpdir(), 'opendti-cli-backup-'));
    const source = join(root, 'source');
    const target = join(root, 'target');
    const file = join(root, 'backup.gz');
    const database = await openEmbeddedDatabase(join(source, 'db'));
    await database.migrate();
    await installBuiltinFrameworks(database.db);
    await seedDemoData(database.db);
    await database.close();

    const backup = await cli(['backup', file], { DATA_DIR: source });
    expect([backup.code, backup.stderr]).toEqual([0, '']);
    expect(backup.stdout).toMatch(/^Đã sao lưu \d+ dòng dữ liệu và 0 tệp minh chứng/);

    const restore = await cli(['restore', file], { DATA_DIR: target });
    expect([restore.code, restore.stderr]).toEqual([0, '']);
    const restored = await countsIn(target);
    expect(restored).toEqual(await countsIn(source));
    expect(restored.answers).toBeGreaterThan(1000);

    const again = await cli(['--lang', 'en', 'restore', file], { DATA_DIR: target });
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      'restore only into an empty database (this one has users); use a new data directory',
    ]);
  }, 120_000);
});
