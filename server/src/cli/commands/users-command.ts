import { randomBytes } from 'node:crypto';
import { DomainError, type Locale } from '@opendti/core';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { resetPassword } from '../../modules/auth/auth.service.js';
import { createUser, listUsers } from '../../modules/users/users.service.js';
import { renderTable } from '../terminal-table.js';
import { withMigratedDatabase } from './one-shot-database.js';

/**
 * The operator's way back in (issue 9, §4): `opendti users list | reset-password | create-admin`,
 * run on the server's machine against DATA_DIR or DATABASE_URL. With the embedded database the
 * server must be stopped first: the data-directory lock refuses a second process, clearly. Each
 * change is audited with no actor (the operator at the console), like the server's own actions.
 */
type Env = Record<string, string | undefined>;

/** Random, and strong by the password rules (upper, lower, digits, a dash); shown once, changed at first sign-in. */
function temporaryPassword(): string {
  return `Tam-${randomBytes(12).toString('base64url')}-9`;
}

export async function listUsersCommand(env: Env, locale: Locale, print: (text: string) => void): Promise<void> {
  await withMigratedDatabase(
    env,
    async (database) => {
      const now = new Date();
      const rows = (await listUsers(database.db)).map((user) => [
        user.username,
        user.role,
        user.displayName,
        [
          user.disabled ? (locale === 'en' ? 'disabled' : 'đã khoá') : '',
          user.lockedUntil && user.lockedUntil > now ? (locale === 'en' ? 'locked out' : 'tạm khoá') : '',
          user.mustChangePassword ? (locale === 'en' ? 'temporary password' : 'mật khẩu tạm') : '',
        ]
          .filter(Boolean)
          .join(', '),
      ]);
      const titles =
        locale === 'en' ? ['Username', 'Role', 'Name', 'State'] : ['Tên đăng nhập', 'Vai trò', 'Họ tên', 'Trạng thái'];
      print(
        `${renderTable(
          titles.map((title) => ({ title })),
          rows,
        )}\n`,
      );
    },
    'existing',
  );
}

export async function resetPasswordCommand(env: Env, username: string, print: (text: string) => void): Promise<void> {
  await withMigratedDatabase(
    env,
    async (database) => {
      const name = username.trim().toLowerCase();
      const [user] = await database.db.select().from(users).where(eq(users.username, name));
      if (!user) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: `tài khoản "${name}"` } }]);
      const password = temporaryPassword();
      await resetPassword(database.db, undefined, user.id, password);
      print(`Mật khẩu tạm thời của ${name} (chỉ in một lần, phải đổi khi đăng nhập): ${password}\n`);
    },
    'existing',
  );
}

export async function createAdministratorCommand(
  env: Env,
  username: string,
  displayName: string,
  print: (text: string) => void,
): Promise<void> {
  await withMigratedDatabase(
    env,
    async (database) => {
      const name = username.trim().toLowerCase();
      const [existing] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, name));
      if (existing) throw new DomainError('conflict', [{ code: 'user.exists', params: { username: name } }]);
      const password = temporaryPassword();
      await createUser(database.db, undefined, {
        username: name,
        displayName,
        role: 'administrator',
        password,
        mustChangePassword: true,
      });
      print(`Đã tạo quản trị viên ${name}. Mật khẩu tạm thời (chỉ in một lần, phải đổi khi đăng nhập): ${password}\n`);
    },
    'existing',
  );
}
