import { type Static, Type } from '@fastify/type-provider-typebox';
import { CAPABILITIES, heldCapabilities, ROLES } from '@opendti/core';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../../app.js';
import { authorize, SESSION_COOKIE } from '../../http/authenticate.js';
import { Nullable, StringEnum } from '../../http/common-schemas.js';
import { errorResponses } from '../../http/error-schema.js';
import { changePassword, login, logout, resetPassword, type SessionActor } from './auth.service.js';

const NoContent = Type.Null({ description: 'Done; no content' });

const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(ROLES),
  unitId: Nullable(Type.String({ format: 'uuid' })),
  assignedScopes: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean(),
  capabilities: Type.Array(StringEnum(CAPABILITIES), {
    description: "What the user's role may do somewhere (core's policy): which sections a page offers",
  }),
  csrfToken: Type.String({ description: 'Send it back in X-CSRF-Token on every POST/PUT/PATCH/DELETE.' }),
});

function presentMe(actor: SessionActor): Static<typeof Me> {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    unitId: actor.unitId ?? null,
    assignedScopes: actor.assignedScopes ?? [],
    mustChangePassword: actor.mustChangePassword,
    capabilities: heldCapabilities(actor.role),
    csrfToken: actor.csrfToken,
  };
}

export function registerAuthRoutes(api: FastifyInstance, { database, config }: AppDependencies): void {
  const db = database.db;
  api.post(
    '/auth/login',
    {
      // A browser that still holds a session cookie (another account, an older tab) signs in anew
      // without that session's token: there is nothing to forge, since the password is asked.
      config: { withoutCsrfToken: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / sign in',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 200: Me, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const session = await login(db, {
        username,
        password,
        clientKey: request.ip,
        sessionHours: config.sessionHours,
        now: new Date(),
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.production,
        path: '/',
        expires: session.expiresAt,
      });
      return presentMe(session.actor);
    },
  );

  // A session with a temporary password may use these three routes only: the rest answer
  // auth.must-change-password until the password is changed (authenticate.ts).
  api.post(
    '/auth/logout',
    {
      config: { allowsTemporaryPassword: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất / sign out', response: { 204: NoContent, ...errorResponses(403) } },
    },
    async (request, reply) => {
      if (request.sessionToken) await logout(db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  api.get(
    '/auth/me',
    {
      config: { allowsTemporaryPassword: true },
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại / current user', response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => {
      const actor = authorize(request, 'period.read');
      return presentMe(actor);
    },
  );

  api.post(
    '/auth/password',
    {
      config: { allowsTemporaryPassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / change password',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }),
        response: { 204: NoContent, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'period.read');
      const body = request.body as { currentPassword: string; newPassword: string };
      await changePassword(db, actor, { ...body, keepToken: request.sessionToken as string });
      return reply.status(204).send();
    },
  );

  api.post(
    '/users/:userId/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu (quản trị) / reset a password (administrator)',
        params: Type.Object({ userId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ temporaryPassword: Type.String({ maxLength: 200 }) }),
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'user.manage');
      const { userId } = request.params as { userId: string };
      await resetPassword(db, actor, userId, (request.body as { temporaryPassword: string }).temporaryPassword);
      return reply.status(204).send();
    },
  );
}
