import { type Static, Type } from '@fastify/type-provider-typebox';
import { CAPABILITIES, heldCapabilities, ROLES } from '@opendti/core';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize, requireSession, SESSION_COOKIE, type SessionActor } from '../../http/authenticate.js';
import { Nullable, StringEnum } from '../../http/common-schemas.js';
import { errorResponses } from '../../http/error-schema.js';
import { changePassword, login, logout, resetPassword } from './auth.service.js';

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

export function registerAuthRoutes(api: Api, { database, config }: AppDependencies): void {
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
        operationId: 'login',
        description:
          'Signs in with a username and password and sets the session cookie; the answer carries the CSRF token to send in X-CSRF-Token on every write. A password set by the administrator must be changed first (mustChangePassword). Repeated failures lock the account, the username or the client address for a while (403 / 429). Needs no CSRF token.',
        security: [],
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 200: Me, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
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
        // Max-Age counts from the browser's receipt, whatever its clock says (Expires is kept for old
        // clients); the server's own end, in the sessions row, is what decides.
        maxAge: config.sessionHours * 3600,
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
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất / sign out',
        operationId: 'logout',
        description: 'Ends the current session and clears its cookie; without a session it does nothing.',
        response: { 204: NoContent, ...errorResponses(403) },
      },
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
      schema: {
        tags: ['auth'],
        summary: 'Người dùng hiện tại / current user',
        operationId: 'getCurrentUser',
        description:
          'The signed-in user with role, unit, whether the password must be changed first, and the CSRF token of the session.',
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => presentMe(requireSession(request)),
  );

  api.post(
    '/auth/password',
    {
      config: { allowsTemporaryPassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / change password',
        operationId: 'changePassword',
        description:
          "Changes the signed-in user's password (also a temporary one set by the administrator); the new one must pass the password rules.",
        body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }),
        response: { 204: NoContent, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireSession(request);
      await changePassword(db, actor, { ...request.body, keepToken: request.sessionToken as string });
      return reply.status(204).send();
    },
  );

  api.post(
    '/users/:userId/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu (quản trị) / reset a password (administrator)',
        operationId: 'resetPassword',
        description:
          "The administrator sets a temporary password that the user must change at the next sign-in; the user's sessions end.",
        params: Type.Object({ userId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ temporaryPassword: Type.String({ maxLength: 200 }) }),
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'user.manage');
      await resetPassword(db, actor, request.params.userId, request.body.temporaryPassword);
      return reply.status(204).send();
    },
  );
}
