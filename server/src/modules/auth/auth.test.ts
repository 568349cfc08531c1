/**
 * Identity over HTTP (issue 3, §2): sign-in, lockout and throttling, CSRF on cookie-authenticated
 * writes, cookie flags, password change and reset, and every way a session ends. On PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set. Failed sign-ins come from their own client address in
 * each test, so that the per-client throttle of one test never touches another.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { readConfig } from '../../config/env.js';
import { loginThrottle, notifications, sessions, users } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { hashToken } from './auth.service.js';

const PASSWORD = 'Mat-khau-kiem-thu-2024!';
const WRONG_CREDENTIALS = {
  error: { code: 'auth.wrong-credentials', message: 'tên đăng nhập hoặc mật khẩu không đúng' },
};

describe.each(TEST_DATABASE_KINDS)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let reporter: Session;
  let dbpAssessment: string;
  let clients = 0;
  /** A client address of its own, for the failures of one test. */
  const newClient = () => `10.0.${++clients}.7`;

  const login = (username: string, password: string, options: { client?: string; cookie?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: options.client ?? '127.0.0.1',
      headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}) },
      payload: JSON.stringify({ username, password }),
    });

  const sessionOf = (response: LightMyRequestResponse): Session => {
    if (response.statusCode !== 200) throw new Error(`sign-in: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((candidate) => candidate.name === 'opendti_session');
    return { cookie: `opendti_session=${cookie?.value}`, csrfToken: response.json().csrfToken, userId: response.json().id };
  };

  const tokenOf = (session: Session) => session.cookie.slice('opendti_session='.length);
  const me = (session: Session) => t.call(session, 'GET', '/api/v1/auth/me');

  /** A new account (created by the administrator, so the demo accounts stay untouched), signed in. */
  async function newAccount(username: string): Promise<Session> {
    const created = await t.call(admin, 'POST', '/api/v1/users', {
      username,
      displayName: `Tài khoản ${username}`,
      role: 'appraiser',
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    return sessionOf(await login(username, PASSWORD));
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    const periods = (await t.call(manager, 'GET', '/api/v1/periods')).json().items as { id: string; year: number }[];
    const open = periods.find((period) => period.year === 2023)?.id;
    const mine = (await t.call(reporter, 'GET', `/api/v1/periods/${open}/assessments`)).json().items;
    dbpAssessment = mine[0].id;
  }, 120_000);
  afterAll(async () => t?.close());

  describe('sign-in', () => {
    it('opens a session: the user, a CSRF token, and an HttpOnly SameSite=Lax cookie (not Secure outside production)', async () => {
      const password = t.demo.accounts.find((account) => account.username === 'nhaplieu.dbp')?.password as string;
      const response = await login('NhapLieu.DBP ', password);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        username: 'nhaplieu.dbp',
        role: 'unitReporter',
        mustChangePassword: false,
        csrfToken: expect.stringMatching(/^[\w-]{20,}$/),
      });
      const cookie = response.cookies.find((candidate) => candidate.name === 'opendti_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeUndefined();
      expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000); // SESSION_HOURS = 12
      const session = sessionOf(response);
      expect((await me(session)).json()).toMatchObject({ id: session.userId, username: 'nhaplieu.dbp' });
    });

    it('says the same for an unknown user, a wrong password and a disabled account, and sets no cookie', async () => {
      const client = newClient();
      await newAccount('bi.khoa');
      const account = (await t.call(admin, 'GET', '/api/v1/users?pageSize=200'))
        .json()
        .items.find((user: { username: string }) => user.username === 'bi.khoa');
      expect((await t.call(admin, 'PATCH', `/api/v1/users/${account.id}`, { disabled: true })).statusCode).toBe(200);
      const failures = [
        await login('khong.co.ai', PASSWORD, { client }),
        await login('quantri', 'Sai-mat-khau-123', { client }),
        await login('bi.khoa', PASSWORD, { client }),
      ];
      for (const response of failures) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual(WRONG_CREDENTIALS);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
    });

    it('locks an account for a while after 5 wrong passwords, even against the right password', async () => {
      const client = newClient();
      const { userId } = await newAccount('hay.quen');
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await login('hay.quen', `Sai-mat-khau-${attempt}`, { client });
        expect([attempt, response.statusCode, response.json().error.code]).toEqual([attempt, 401, 'auth.wrong-credentials']);
      }
      const locked = await login('hay.quen', PASSWORD, { client });
      expect(locked.statusCode).toBe(403);
      expect(locked.json()).toEqual({
        error: {
          code: 'auth.locked',
          message: 'tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; hãy thử lại sau 15 phút hoặc liên hệ quản trị viên',
        },
      });
      expect(locked.headers['set-cookie']).toBeUndefined();
      expect((await login('hay.quen', 'Sai-mat-khau-6', { client })).json().error.code).toBe('auth.locked');
      const audit = await t.call(admin, 'GET', `/api/v1/audit?action=auth.locked`);
      expect(audit.json().items.map((entry: { entityId: string }) => entry.entityId)).toContain(userId);
      // The account holder is told of the lock (issue 12), once, in the lock's transaction.
      const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
      expect(told.map((row) => [row.event, row.params])).toEqual([['account.lockedOut', { minutes: 15 }]]);

      // The lock is temporary: once it has run out, the right password works again.
      await t.database.db
        .update(users)
        .set({ lockedUntil: new Date(Date.now() - 1000) })
        .where(eq(users.id, userId));
      expect((await login('hay.quen', PASSWORD, { client })).statusCode).toBe(200);
    });

    it('refuses a client for a while after 20 failures in 15 minutes, whatever account it tries', async () => {
      const client = newClient();
      for (let attempt = 1; attempt <= 20; attempt++) {
        const response = await login(`khach.${attempt}`, 'Doan-mo-mat-khau-1', { client });
        expect([attempt, response.statusCode]).toEqual([attempt, 401]);
      }
      const password = t.demo.accounts.find((account) => account.username === 'quanly')?.password as string;
      const refused = await login('quanly', password, { client });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('http.rate-limited');
      expect(refused.json().error.message).toMatch(/^quá nhiều lần thử; hãy thử lại sau \d+ giây$/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
      expect(refused.headers['set-cookie']).toBeUndefined();
      // Another client is not affected…
      expect((await login('quanly', password, { client: newClient() })).statusCode).toBe(200);
      // …and the refused one may try again once the window has passed.
      await t.database.db
        .update(loginThrottle)
        .set({ windowStartedAt: new Date(Date.now() - 16 * 60_000) })
        .where(eq(loginThrottle.clientKey, client));
      expect((await login('quanly', password, { client })).statusCode).toBe(200);
    });
  });

  describe('parallel guessing (issue 9, §2)', () => {
    // Before the counts were atomic, 100 parallel guesses all read "fewer than 5 so far" while their
    // passwords were being verified: 13–22 got a verdict at one account, 23 against 20 per address.
    it('verifies at most 5 of 100 parallel wrong passwords for one account; the rest are refused as locked', async () => {
      const { userId } = await newAccount('doan.song.song');
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          login('doan.song.song', `Sai-mat-khau-${index}`, { client: `10.9.${index}.1` }),
        ),
      );
      const codes = responses.map((response) => response.json().error.code as string);
      expect(codes.filter((code) => code === 'auth.wrong-credentials')).toHaveLength(5);
      expect(codes.filter((code) => code === 'auth.locked')).toHaveLength(95);
      expect((await login('doan.song.song', PASSWORD, { client: newClient() })).json().error.code).toBe('auth.locked');
      const audit = await t.call(admin, 'GET', '/api/v1/audit?action=auth.locked&pageSize=200');
      expect(audit.json().items.filter((entry: { entityId: string }) => entry.entityId === userId)).toHaveLength(1);
      const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
      expect(told.map((row) => row.event)).toEqual(['account.lockedOut']);
    });

    it('verifies at most 5 of 100 parallel guesses at an unknown name, answering exactly as for an account', async () => {
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, index) => login('khong.ton.tai', `Sai-mat-khau-${index}`, { client: `10.8.${index}.1` })),
      );
      const codes = responses.map((response) => response.json().error.code as string);
      expect(codes.filter((code) => code === 'auth.wrong-credentials')).toHaveLength(5);
      expect(codes.filter((code) => code === 'auth.locked')).toHaveLength(95);
    });

    it('lets at most 20 of 100 parallel sign-ins from one address be tried; the rest wait', async () => {
      const client = newClient();
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, index) => login(`khach.song.song.${index}`, 'Doan-mo-mat-khau-1', { client })),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 401)).toHaveLength(20);
      expect(statuses.filter((status) => status === 429)).toHaveLength(80);
    });

    it('does not count successful sign-ins against their address', async () => {
      const client = newClient();
      const password = t.demo.accounts.find((account) => account.username === 'quanly')?.password as string;
      for (let attempt = 1; attempt <= 25; attempt++) {
        expect([attempt, (await login('quanly', password, { client })).statusCode]).toEqual([attempt, 200]);
      }
    });
  });

  describe('CSRF', () => {
    const writes = (): { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown; session: () => Session }[] => [
      {
        method: 'POST',
        url: '/api/v1/units',
        body: { code: 'CSRF', name: 'Đơn vị giả mạo', kind: 'commune' },
        session: () => admin,
      },
      {
        method: 'PUT',
        url: `/api/v1/assessments/${dbpAssessment}/answers/1.1`,
        body: { value: 'không', baseVersion: 0 },
        session: () => reporter,
      },
      { method: 'PATCH', url: `/api/v1/users/${reporter.userId}`, body: { disabled: true }, session: () => admin },
      {
        method: 'DELETE',
        url: `/api/v1/assessments/${dbpAssessment}/indicators/1.1/evidence/00000000-0000-4000-8000-000000000000`,
        session: () => reporter,
      },
    ];

    it('refuses a cookie-authenticated POST, PUT, PATCH or DELETE without the session’s X-CSRF-Token, or with a wrong one', async () => {
      for (const write of writes()) {
        for (const token of [undefined, 'not-the-token', write.session().csrfToken.toUpperCase()]) {
          const response = await t.app.inject({
            method: write.method,
            url: write.url,
            headers: {
              cookie: write.session().cookie,
              ...(token === undefined ? {} : { 'x-csrf-token': token }),
              ...(write.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(write.body === undefined ? {} : { payload: JSON.stringify(write.body) }),
          });
          expect([write.method, write.url, token, response.statusCode, response.json().error.code]).toEqual([
            write.method,
            write.url,
            token,
            403,
            'http.csrf',
          ]);
        }
      }
      // Nothing of it happened.
      expect((await t.call(admin, 'GET', '/api/v1/units?search=CSRF')).json().total).toBe(0);
      expect((await me(reporter)).statusCode).toBe(200);
      const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
      expect(view.answers.find((row: { indicatorCode: string }) => row.indicatorCode === '1.1')).toBeUndefined();
    });

    it('lets the same writes through with the token, and reads need none', async () => {
      const statuses = [];
      for (const write of writes().filter((candidate) => candidate.method !== 'PATCH')) {
        statuses.push((await t.call(write.session(), write.method, write.url, write.body)).statusCode);
      }
      expect(statuses).toEqual([201, 200, 404]);
      const read = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: reporter.cookie } });
      expect(read.statusCode).toBe(200);
    });

    it('asks nothing of a sign-in, even one that carries a session cookie', async () => {
      const password = t.demo.accounts.find((account) => account.username === 'quanly')?.password as string;
      expect((await login('quanly', password)).statusCode).toBe(200);
      const again = await login('quanly', password, { cookie: manager.cookie });
      expect(again.statusCode).toBe(200);
      expect(again.json().username).toBe('quanly');
    });

    it('gives a token without its cookie no power: the caller is anonymous', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken },
        payload: JSON.stringify({ code: 'CSRF2', name: 'Đơn vị', kind: 'commune' }),
      });
      expect([response.statusCode, response.json().error.code]).toEqual([401, 'http.unauthenticated']);
    });
  });

  it('marks the cookie Secure in production', async () => {
    const dataDirectory = await mkdtemp(join(tmpdir(), 'opendti-auth-'));
    const production = await buildApp({
      config: readConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATA_DIR: dataDirectory }),
      database: t.database,
      logger: false,
    });
    try {
      const password = t.demo.accounts.find((account) => account.username === 'chutich')?.password as string;
      const response = await production.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username: 'chutich', password }),
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((candidate) => candidate.name === 'opendti_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Lax',
        secure: true,
      });
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await production.close();
      await rm(dataDirectory, { recursive: true, force: true });
    }
  });

  describe('password change', () => {
    it('refuses a wrong current password and a weak new one, changing nothing', async () => {
      const session = await newAccount('doi.mat.khau.sai');
      const wrong = await t.call(session, 'POST', '/api/v1/auth/password', {
        currentPassword: 'Khong-phai-mat-khau-1',
        newPassword: 'Mat-khau-moi-2024!',
      });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'auth.wrong-current-password']);
      for (const weak of ['Ngan-1', 'chicochuthuongthoi']) {
        const response = await t.call(session, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: weak });
        expect([weak, response.statusCode, response.json().error.code]).toEqual([weak, 400, 'auth.weak-password']);
      }
      expect((await login('doi.mat.khau.sai', PASSWORD)).statusCode).toBe(200);
    });

    it('counts wrong current passwords like failed sign-ins: the fifth locks the account (issue 9, §3)', async () => {
      const session = await newAccount('phien.bi.lay');
      const guess = (currentPassword: string) =>
        t.call(session, 'POST', '/api/v1/auth/password', { currentPassword, newPassword: 'Mat-khau-cua-ke-gian-1' });
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await guess(`Doan-thu-${attempt}`);
        expect([attempt, response.statusCode, response.json().error.code]).toEqual([attempt, 400, 'auth.wrong-current-password']);
      }
      // Now even the right password is refused, here and at sign-in, until the lock runs out.
      const refused = await guess(PASSWORD);
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'auth.locked']);
      expect((await login('phien.bi.lay', PASSWORD, { client: newClient() })).json().error.code).toBe('auth.locked');
      const parallel = await Promise.all(Array.from({ length: 20 }, (_, index) => guess(`Song-song-${index}`)));
      expect(parallel.every((response) => response.json().error.code === 'auth.locked')).toBe(true);
    });

    it('ends the user’s other sessions but keeps the current one', async () => {
      const current = await newAccount('doi.mat.khau');
      const other = sessionOf(await login('doi.mat.khau', PASSWORD));
      expect((await me(current)).json().mustChangePassword).toBe(true); // accounts made by the administrator
      const changed = await t.call(current, 'POST', '/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'Mat-khau-moi-2024!',
      });
      expect(changed.statusCode).toBe(204);
      expect((await me(current)).statusCode).toBe(200);
      expect((await me(current)).json().mustChangePassword).toBe(false);
      expect((await me(other)).statusCode).toBe(401);
      const client = newClient();
      expect((await login('doi.mat.khau', PASSWORD, { client })).statusCode).toBe(401);
      expect((await login('doi.mat.khau', 'Mat-khau-moi-2024!', { client })).statusCode).toBe(200);
    });
  });

  describe('administrator reset', () => {
    it('sets a temporary password that must be changed, ends the user’s sessions and lifts a lockout', async () => {
      const before = await newAccount('quen.mat.khau');
      const client = newClient();
      for (let attempt = 1; attempt <= 5; attempt++) await login('quen.mat.khau', `Sai-mat-khau-${attempt}`, { client });
      expect((await login('quen.mat.khau', PASSWORD, { client })).json().error.code).toBe('auth.locked');

      const reset = await t.call(admin, 'POST', `/api/v1/users/${before.userId}/reset-password`, {
        temporaryPassword: 'Tam-thoi-2024!',
      });
      expect(reset.statusCode).toBe(204);
      expect((await me(before)).statusCode).toBe(401);
      expect((await login('quen.mat.khau', PASSWORD, { client })).statusCode).toBe(401);
      const after = await login('quen.mat.khau', 'Tam-thoi-2024!', { client });
      expect(after.statusCode).toBe(200);
      expect(after.json().mustChangePassword).toBe(true);
      const users = (await t.call(admin, 'GET', '/api/v1/users?pageSize=200')).json().items;
      expect(users.find((user: { id: string }) => user.id === before.userId)).toMatchObject({
        mustChangePassword: true,
        lockedUntil: null,
      });
    });

    it('refuses a weak temporary password, an unknown user, and anyone but the administrator', async () => {
      const target = await newAccount('dat.lai');
      const weak = await t.call(admin, 'POST', `/api/v1/users/${target.userId}/reset-password`, { temporaryPassword: 'ngan' });
      expect([weak.statusCode, weak.json().error.code]).toEqual([400, 'auth.weak-password']);
      const unknown = await t.call(admin, 'POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/reset-password', {
        temporaryPassword: 'Tam-thoi-2024!',
      });
      expect(unknown.statusCode).toBe(404);
      for (const username of ['quanly', 'nhaplieu.dbp', 'lanhdao.dbp', 'thamdinh', 'chutich']) {
        const session = await t.signIn(username);
        const response = await t.call(session, 'POST', `/api/v1/users/${target.userId}/reset-password`, {
          temporaryPassword: 'Tam-thoi-2024!',
        });
        expect([username, response.statusCode]).toEqual([username, 403]);
      }
      const anonymous = await t.call(undefined, 'POST', `/api/v1/users/${target.userId}/reset-password`, {
        temporaryPassword: 'Tam-thoi-2024!',
      });
      expect(anonymous.statusCode).toBe(401);
      expect((await me(target)).statusCode).toBe(200); // nothing happened to the target
    });
  });

  describe('a temporary password', () => {
    const MUST_CHANGE = {
      error: {
        code: 'auth.must-change-password',
        message:
          'tài khoản đang dùng mật khẩu tạm thời do quản trị viên cấp; hãy đổi mật khẩu (Tài khoản → Đổi mật khẩu) trước khi làm việc khác',
      },
    };

    /** An administrator's account whose password the administrator has just reset: it must change it. */
    async function resetAdministrator(username: string): Promise<Session> {
      const created = await t.call(admin, 'POST', '/api/v1/users', {
        username,
        displayName: `Quản trị ${username}`,
        role: 'administrator',
        password: PASSWORD,
      });
      expect(created.statusCode).toBe(201);
      const reset = await t.call(admin, 'POST', `/api/v1/users/${created.json().id}/reset-password`, {
        temporaryPassword: 'Tam-thoi-2024!',
      });
      expect(reset.statusCode).toBe(204);
      return sessionOf(await login(username, 'Tam-thoi-2024!'));
    }

    it('opens only the session, the password change and signing out until it is changed; then everything', async () => {
      const session = await resetAdministrator('tam.thoi');
      expect((await me(session)).json()).toMatchObject({ username: 'tam.thoi', role: 'administrator', mustChangePassword: true });

      // Even an administrator's reads and writes are refused, and say why.
      for (const [method, url, body] of [
        ['GET', '/api/v1/users', undefined],
        ['GET', '/api/v1/periods', undefined],
        ['GET', '/api/v1/audit', undefined],
        ['POST', '/api/v1/units', { code: 'TAMTHOI', name: 'Đơn vị tạm', kind: 'commune' }],
        ['POST', `/api/v1/users/${reporter.userId}/reset-password`, { temporaryPassword: 'Tam-thoi-2024!' }],
      ] as const) {
        const response = await t.call(session, method, url, body);
        expect([method, url, response.statusCode, response.json()]).toEqual([method, url, 403, MUST_CHANGE]);
      }
      expect((await t.call(admin, 'GET', '/api/v1/units?search=TAMTHOI')).json().total).toBe(0);
      expect((await me(reporter)).statusCode).toBe(200); // the reporter's password was not reset

      // What the public may read stays open.
      expect((await t.call(session, 'GET', '/api/v1/public/periods')).statusCode).toBe(200);
      expect((await t.call(session, 'GET', '/api/v1/status')).statusCode).toBe(200);
      // The English message.
      const english = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users',
        headers: { cookie: session.cookie, 'accept-language': 'en' },
      });
      expect(english.json().error.message).toBe(
        'this account has a temporary password set by the administrator; change the password (Account → Change password) before anything else',
      );

      // Keeping the temporary password is not a change.
      const unchanged = await t.call(session, 'POST', '/api/v1/auth/password', {
        currentPassword: 'Tam-thoi-2024!',
        newPassword: 'Tam-thoi-2024!',
      });
      expect([unchanged.statusCode, unchanged.json().error.code]).toEqual([400, 'auth.password-unchanged']);
      expect((await me(session)).json().mustChangePassword).toBe(true);

      const changed = await t.call(session, 'POST', '/api/v1/auth/password', {
        currentPassword: 'Tam-thoi-2024!',
        newPassword: 'Mat-khau-rieng-2024!',
      });
      expect(changed.statusCode).toBe(204);
      expect((await me(session)).json().mustChangePassword).toBe(false);
      expect((await t.call(session, 'GET', '/api/v1/users')).statusCode).toBe(200);
      expect((await t.call(session, 'GET', '/api/v1/periods')).statusCode).toBe(200);
      expect(
        (await t.call(session, 'POST', '/api/v1/units', { code: 'TAMTHOI', name: 'Đơn vị tạm', kind: 'commune' })).statusCode,
      ).toBe(201);
      // A fresh sign-in with the new password is a full session too.
      const again = sessionOf(await login('tam.thoi', 'Mat-khau-rieng-2024!'));
      expect((await t.call(again, 'GET', '/api/v1/audit')).statusCode).toBe(200);
    });

    it('gives such a session nothing the public does not have, on every route of the OpenAPI document', async () => {
      const session = await resetAdministrator('tam.thoi.moi.noi');
      const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const placeholder = (name: string) =>
        name === 'unitKind'
          ? 'district'
          : name === 'unitCode'
            ? 'DBP'
            : name === 'indicatorCode'
              ? '1.1'
              : name === 'frameworkId'
                ? 'dienbien-2022-district'
                : '00000000-0000-4000-8000-000000000000';
      const differences: string[] = [];
      let refused = 0;
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations).map(
          (verb) => verb.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
        )) {
          const route = `${method} ${path}`;
          if (route === 'POST /api/v1/auth/logout') continue; // below: it would end the session
          const url = path.replace(/\{(\w+)\}/g, (_whole, name: string) => placeholder(name));
          const body = method === 'GET' || method === 'DELETE' ? undefined : {};
          const anonymous = await t.call(undefined, method, url, body);
          const temporary = await t.call(session, method, url, body);
          const expected =
            route === 'GET /api/v1/auth/me'
              ? [200, undefined]
              : anonymous.statusCode === 401
                ? [403, 'auth.must-change-password']
                : [anonymous.statusCode, anonymous.statusCode >= 400 ? anonymous.json().error.code : undefined];
          const actual = [temporary.statusCode, temporary.statusCode >= 400 ? temporary.json().error.code : undefined];
          if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(`${route}: ${actual} (expected ${expected})`);
          if (expected[0] === 403) refused++;
        }
      }
      expect(differences).toEqual([]);
      expect(refused).toBeGreaterThan(15); // the comparison did reach the routes, not only their validation
      expect((await t.call(session, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await me(session)).statusCode).toBe(401);
    });
  });

  describe('lockout of unknown usernames', () => {
    it('locks an unknown username exactly as an account after 5 failures, without creating it', async () => {
      await newAccount('co.that');
      const known: LightMyRequestResponse[] = [];
      const unknown: LightMyRequestResponse[] = [];
      const knownClient = newClient();
      const unknownClient = newClient();
      for (let attempt = 1; attempt <= 7; attempt++) {
        known.push(await login('co.that', `Sai-mat-khau-${attempt}`, { client: knownClient }));
        // Spelled as a person might: the name is compared trimmed and in lower case, as usernames are.
        unknown.push(
          await login(attempt % 2 ? 'khong.that' : ' Khong.That', `Sai-mat-khau-${attempt}`, { client: unknownClient }),
        );
      }
      const answer = (response: LightMyRequestResponse) => ({
        status: response.statusCode,
        body: response.json(),
        retryAfter: response.headers['retry-after'],
        cookie: response.headers['set-cookie'],
      });
      expect(unknown.map(answer)).toEqual(known.map(answer));
      expect(unknown.map((response) => response.statusCode)).toEqual([401, 401, 401, 401, 401, 403, 403]);
      expect(answer(unknown[6] as LightMyRequestResponse).body).toEqual({
        error: {
          code: 'auth.locked',
          message: 'tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; hãy thử lại sau 15 phút hoặc liên hệ quản trị viên',
        },
      });
      expect(await t.database.db.select().from(users).where(eq(users.username, 'khong.that'))).toEqual([]);
      // Seven attempts counted: the five that were verified, and two refused while locked.
      const [counted] = await t.database.db.select().from(loginThrottle).where(eq(loginThrottle.clientKey, 'user:khong.that'));
      expect(counted?.failures).toBe(7);
    });

    it('lifts the lock of an unknown username when it runs out, and counts again from one', async () => {
      const client = newClient();
      for (let attempt = 1; attempt <= 5; attempt++) await login('chua.co.ai', `Sai-mat-khau-${attempt}`, { client });
      expect((await login('chua.co.ai', 'Sai-mat-khau-6', { client })).json().error.code).toBe('auth.locked');
      await t.database.db
        .update(loginThrottle)
        .set({ windowStartedAt: new Date(Date.now() - 16 * 60_000) })
        .where(eq(loginThrottle.clientKey, 'user:chua.co.ai'));
      const statuses = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        statuses.push((await login('chua.co.ai', `Lai-sai-${attempt}`, { client: newClient() })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 403]);
    });

    it('keeps the count of a username apart from its client address and from other names', async () => {
      const client = newClient();
      for (let attempt = 1; attempt <= 5; attempt++) await login(`ten.la.${attempt}`, 'Sai-mat-khau-1', { client });
      // Five failures from one address over five names lock none of them.
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await login(`ten.la.${attempt}`, 'Sai-mat-khau-2', { client: newClient() })).statusCode).toBe(401);
      }
    });
  });

  describe('the end of a session', () => {
    it('ends at logout: the cookie is cleared and the old token is worth nothing', async () => {
      const session = sessionOf(
        await login('quantri', t.demo.accounts.find((a) => a.username === 'quantri')?.password as string),
      );
      const logout = await t.call(session, 'POST', '/api/v1/auth/logout');
      expect(logout.statusCode).toBe(204);
      const cleared = logout.cookies.find((candidate) => candidate.name === 'opendti_session');
      expect(cleared?.value).toBe('');
      expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());
      expect((await me(session)).statusCode).toBe(401);
      const rows = await t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.tokenHash, hashToken(tokenOf(session))));
      expect(rows).toEqual([]);
      // Logging out without a session is harmless.
      expect((await t.call(undefined, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    });

    it('ends when it expires: an expired session is anonymous', async () => {
      const session = await newAccount('het.han');
      await t.database.db
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(sessions.tokenHash, hashToken(tokenOf(session))));
      expect([(await me(session)).statusCode, (await me(session)).json().error.code]).toEqual([401, 'http.unauthenticated']);
      // A write with the expired cookie is anonymous too (401), not a CSRF failure.
      const write = await t.call(session, 'POST', '/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'Mat-khau-moi-2024!',
      });
      expect(write.statusCode).toBe(401);
    });

    it('ends when it expires for a write too: an expired administrator changes nothing, and the row is swept at the next sign-in', async () => {
      const expiring = sessionOf(
        await login('quantri', t.demo.accounts.find((a) => a.username === 'quantri')?.password as string),
      );
      const account = { username: 'sau.het.han', displayName: 'Tạo sau khi hết hạn', role: 'appraiser', password: PASSWORD };
      // A second before its end it still works; a second after, nothing.
      const expireAt = (offset: number) =>
        t.database.db
          .update(sessions)
          .set({ expiresAt: new Date(Date.now() + offset) })
          .where(eq(sessions.tokenHash, hashToken(tokenOf(expiring))));
      await expireAt(60_000);
      expect((await me(expiring)).statusCode).toBe(200);
      await expireAt(-1_000);
      const write = await t.call(expiring, 'POST', '/api/v1/users', account);
      expect([write.statusCode, write.json().error.code]).toEqual([401, 'http.unauthenticated']);
      expect(await t.database.db.select().from(users).where(eq(users.username, account.username))).toEqual([]);
      await login('quanly', t.demo.accounts.find((a) => a.username === 'quanly')?.password as string);
      expect(
        await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, hashToken(tokenOf(expiring)))),
      ).toEqual([]);
    });

    it('lasts SESSION_HOURS: the cookie’s Max-Age and Expires and the stored end agree', async () => {
      const dataDirectory = await mkdtemp(join(tmpdir(), 'opendti-auth-'));
      const twoHours = await buildApp({
        config: readConfig({ SESSION_HOURS: '2', LOG_LEVEL: 'silent', DATA_DIR: dataDirectory }),
        database: t.database,
        logger: false,
      });
      try {
        const before = Date.now();
        const response = await twoHours.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({
            username: 'thamdinh',
            password: t.demo.accounts.find((a) => a.username === 'thamdinh')?.password,
          }),
        });
        expect(response.statusCode).toBe(200);
        const cookie = response.cookies.find((candidate) => candidate.name === 'opendti_session');
        // Max-Age, unlike Expires, does not depend on the browser's clock being right.
        expect(cookie?.maxAge).toBe(2 * 3600);
        expect(String(response.headers['set-cookie'])).toMatch(/Max-Age=7200/);
        const expires = cookie?.expires?.getTime() as number;
        expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 2 * 3_600_000 - 1000);
        expect(expires).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
        const [stored] = await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, hashToken(cookie?.value as string)));
        expect(Math.abs((stored?.expiresAt.getTime() as number) - expires)).toBeLessThan(1000);
      } finally {
        await twoHours.close();
        await rm(dataDirectory, { recursive: true, force: true });
      }
    });

    it('ends when the user is disabled, whether by the administrator or directly in the database', async () => {
      const byAdmin = await newAccount('nghi.viec');
      expect((await t.call(admin, 'PATCH', `/api/v1/users/${byAdmin.userId}`, { disabled: true })).statusCode).toBe(200);
      expect((await me(byAdmin)).statusCode).toBe(401);

      const inDatabase = await newAccount('bi.vo.hieu');
      await t.database.db.update(users).set({ disabled: true }).where(eq(users.id, inDatabase.userId));
      const stillStored = await t.database.db.select().from(sessions).where(eq(sessions.userId, inDatabase.userId));
      expect(stillStored).toHaveLength(1);
      expect((await me(inDatabase)).statusCode).toBe(401);

      // Enabled again, the account signs in anew.
      expect((await t.call(admin, 'PATCH', `/api/v1/users/${inDatabase.userId}`, { disabled: false })).statusCode).toBe(200);
      expect((await login('bi.vo.hieu', PASSWORD)).statusCode).toBe(200);
    });
  });
});
