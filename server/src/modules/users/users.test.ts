/**
 * Accounts over HTTP: the guard that keeps at least one active administrator (issue 9, §4). Without
 * it the last administrator could disable or demote itself and nobody could manage accounts again,
 * except by editing the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

const PASSWORD = 'Mat-khau-kiem-thu-2024!';

describe.each(TEST_DATABASE_KINDS)('the last administrator on %s', (kind) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
  }, 120_000);
  afterAll(async () => t?.close());

  async function newAdministrator(username: string): Promise<{ id: string; session: Session }> {
    const created = await t.call(admin, 'POST', '/api/v1/users', {
      username,
      displayName: `Quản trị ${username}`,
      role: 'administrator',
      password: PASSWORD,
      mustChangePassword: false,
    });
    expect(created.statusCode).toBe(201);
    const login = await t.call(undefined, 'POST', '/api/v1/auth/login', { username, password: PASSWORD });
    const cookie = login.cookies.find((candidate) => candidate.name === 'opendti_session');
    return {
      id: created.json().id,
      session: { cookie: `opendti_session=${cookie?.value}`, csrfToken: login.json().csrfToken, userId: created.json().id },
    };
  }

  it('refuses to disable or demote the only active administrator, with a clear message, and changes nothing', async () => {
    for (const change of [{ disabled: true }, { role: 'periodManager' }]) {
      const response = await t.call(admin, 'PATCH', `/api/v1/users/${admin.userId}`, change);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toEqual({
        code: 'user.last-administrator',
        message:
          'không thể khoá hoặc đổi vai trò của quản trị viên cuối cùng còn hoạt động: hãy cấp quyền quản trị cho một tài khoản khác trước',
      });
    }
    expect((await t.call(admin, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ role: 'administrator' });
    // Other changes of the last administrator still go through.
    const renamed = await t.call(admin, 'PATCH', `/api/v1/users/${admin.userId}`, { displayName: 'Quản trị hệ thống' });
    expect(renamed.statusCode).toBe(200);
  });

  it('lets an administrator step down while another remains, then keeps that one', async () => {
    const second = await newAdministrator('quantri.hai');
    const demoted = await t.call(second.session, 'PATCH', `/api/v1/users/${admin.userId}`, { role: 'periodManager' });
    expect(demoted.statusCode).toBe(200);
    const refused = await t.call(second.session, 'PATCH', `/api/v1/users/${second.id}`, { disabled: true });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'user.last-administrator']);
    // Back as it was, for the next test.
    expect((await t.call(second.session, 'PATCH', `/api/v1/users/${admin.userId}`, { role: 'administrator' })).statusCode).toBe(
      200,
    );
    admin = await t.signIn('quantri');
    expect((await t.call(admin, 'PATCH', `/api/v1/users/${second.id}`, { disabled: true })).statusCode).toBe(200);
  });

  it('lets only one of two administrators who disable each other at the same moment succeed', async () => {
    const other = await newAdministrator('quantri.ba');
    const [first, second] = await Promise.all([
      t.call(admin, 'PATCH', `/api/v1/users/${other.id}`, { disabled: true }),
      t.call(other.session, 'PATCH', `/api/v1/users/${admin.userId}`, { disabled: true }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    // Either one wins and the other is refused as the last, or the second finds its own session ended (401).
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const active = (await t.database.db.query.users.findMany()).filter((user) => user.role === 'administrator' && !user.disabled);
    expect(active).toHaveLength(1);
  });
});
