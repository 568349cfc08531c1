/**
 * The operator's commands on a data directory (issue 9, §4, §7, §8): `opendti users …`, and backup and
 * restore refusing what is not theirs. Each case failed before its fix: a mistyped DATA_DIR was backed
 * up as a new empty database with exit 0; a corrupted or missing backup file ended in a Node stack
 * trace; the last administrator's lock-out had no way back but editing the database.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockDataDirectory } from '../db/data-directory-lock.js';
import { openEmbeddedDatabase } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { verifyPassword } from '../modules/auth/password.js';
import { installBuiltinFrameworks } from '../modules/frameworks/frameworks.service.js';
import { runCli } from './run-cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

async function cli(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

/** The built command in a process of its own: an unhandled stream error shows only there. */
async function cliProcess(argv: string[], env: Record<string, string>) {
  const result = await promisify(execFile)(process.execPath, [CLI, ...argv], { env: { ...process.env, ...env } }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: 'code' in result ? result.code : 0, stdout: result.stdout, stderr: result.stderr };
}

async function userNamed(dataDirectory: string, username: string) {
  const database = await openEmbeddedDatabase(join(dataDirectory, 'db'));
  try {
    const [user] = await database.db.select().from(users).where(eq(users.username, username));
    return user;
  } finally {
    await database.close();
  }
}

describe('opendti users, backup and restore on the operator’s data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'opendti-operator-'));
  const demo = join(root, 'demo');
  const backupFile = join(root, 'demo.gz');

  beforeAll(async () => {
    const database = await openEmbeddedDatabase(join(demo, 'db'));
    await database.migrate();
    await installBuiltinFrameworks(database.db);
    await seedDemoData(database.db);
    await database.close();
    expect((await cli(['backup', backupFile], { DATA_DIR: demo })).code).toBe(0);
  }, 120_000);

  it('lists the accounts with their roles and states', async () => {
    const listed = await cli(['users', 'list'], { DATA_DIR: demo });
    expect([listed.code, listed.stderr]).toEqual([0, '']);
    expect(listed.stdout).toMatch(/^Tên đăng nhập\s+Vai trò\s+Họ tên\s+Trạng thái$/m);
    expect(listed.stdout).toMatch(/^quantri\s+administrator\s/m);
  });

  it('resets a password to a temporary one, shown once, that must be changed; audited without an actor', async () => {
    const reset = await cli(['users', 'reset-password', 'QuanTri'], { DATA_DIR: demo });
    expect([reset.code, reset.stderr]).toEqual([0, '']);
    const password = reset.stdout.trim().split(': ').pop() as string;
    const user = await userNamed(demo, 'quantri');
    expect(user?.mustChangePassword).toBe(true);
    expect(await verifyPassword(user?.passwordHash as string, password)).toBe(true);
    const unknown = await cli(['users', 'reset-password', 'khong.co'], { DATA_DIR: demo });
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'không tìm thấy tài khoản "khong.co"']);
  });

  it('creates an administrator with a temporary password, and refuses an existing name', async () => {
    const created = await cli(['users', 'create-admin', 'cuu.ho', '--name', 'Quản trị dự phòng'], { DATA_DIR: demo });
    expect([created.code, created.stderr]).toEqual([0, '']);
    const user = await userNamed(demo, 'cuu.ho');
    expect(user).toMatchObject({ role: 'administrator', displayName: 'Quản trị dự phòng', mustChangePassword: true });
    const again = await cli(['users', 'create-admin', 'cuu.ho'], { DATA_DIR: demo });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có tài khoản "cuu.ho"');
  });

  it('is refused clearly while a server holds the data directory', async () => {
    const release = lockDataDirectory(demo);
    try {
      // Another process, as a running server is: the lock tells processes apart by pid.
      const refused = await cliProcess(['users', 'list'], { DATA_DIR: demo });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`đang được tiến trình ${process.pid} sử dụng`);
    } finally {
      release();
    }
  });

  it('refuses to back up or manage a data directory that holds no OpenDTI database, creating nothing', async () => {
    const mistyped = join(root, 'dta');
    for (const argv of [
      ['backup', join(root, 'x.gz')],
      ['users', 'list'],
    ]) {
      const refused = await cli(argv, { DATA_DIR: mistyped });
      expect([argv[0], refused.code, refused.stderr.trim()]).toEqual([
        argv[0],
        1,
        `không có cơ sở dữ liệu OpenDTI ở ${mistyped}: hãy kiểm tra DATA_DIR hoặc DATABASE_URL`,
      ]);
    }
    expect(existsSync(mistyped)).toBe(false);
    expect(existsSync(join(root, 'x.gz'))).toBe(false);
  });

  it('refuses to restore into a folder of other files', async () => {
    const documents = join(root, 'documents');
    mkdirSync(documents);
    writeFileSync(join(documents, 'bao-cao.docx'), 'not ours');
    const refused = await cli(['restore', backupFile], { DATA_DIR: documents });
    expect([refused.code, refused.stderr.trim()]).toEqual([
      1,
      `thư mục dữ liệu ${documents} đã chứa tệp khác, không phải của OpenDTI: hãy khôi phục vào một thư mục trống hoặc chưa có`,
    ]);
    expect(existsSync(join(documents, 'db'))).toBe(false);
  });

  it('reports a corrupted or missing backup file in one message, without a stack trace, exit 1', async () => {
    // Damage past the first lines: the restore stops at a line that is not JSON while gunzip has yet
    // to reach the damaged block's checksum, whose error used to arrive with nobody listening.
    const damaged = Buffer.from(readFileSync(backupFile));
    for (const offset of [20_000, 20_001]) damaged[offset] = (damaged[offset] ?? 0) ^ 0xff;
    writeFileSync(join(root, 'damaged.gz'), damaged);
    for (const [file, message] of [
      [join(root, 'damaged.gz'), /^tệp sao lưu không hợp lệ: /],
      [join(root, 'missing.gz'), /^không đọc được tệp sao lưu .*missing\.gz: ENOENT$/],
    ] as const) {
      const result = await cliProcess(['restore', file], { DATA_DIR: join(root, `restored-${file.length}`), DEMO_DATA: 'false' });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
