import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../../app.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageOf, PageQuery, pageOf } from '../../http/pagination.js';
import { UserSchema } from './user-schemas.js';
import { createUser, listUsers, type UserInput, updateUser } from './users.service.js';

export function registerUserRoutes(api: FastifyInstance, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Người dùng (quản trị) / users',
        operationId: 'listUsers',
        description: 'Every account, a page at a time. Administrator only.',
        querystring: PageQuery,
        response: { 200: PageOf(UserSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'user.manage');
      return pageOf(await listUsers(db), request.query as { page?: number; pageSize?: number });
    },
  );
  api.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng / create a user',
        operationId: 'createUser',
        description:
          'Creates an account with a role, its unit (unit roles) or its appraisal assignments, and a first password. Administrator only.',
        body: Type.Object({
          username: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' }),
          displayName: Type.String({ minLength: 1, maxLength: 200 }),
          role: Type.String({ maxLength: 30 }),
          unitId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
          assignedScopes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 })),
          password: Type.String({ maxLength: 200 }),
        }),
        response: { 201: UserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'user.manage');
      return reply.status(201).send(await createUser(db, actor, request.body as UserInput));
    },
  );
  api.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa người dùng: vai trò, đơn vị, phân công, khoá / edit a user',
        operationId: 'updateUser',
        description:
          "Changes an account's display name, role, unit, appraisal assignments or whether it is disabled. Administrator only.",
        params: Type.Object({ userId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: Type.Optional(Type.String({ maxLength: 30 })),
          unitId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
          assignedScopes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 })),
          disabled: Type.Optional(Type.Boolean()),
        }),
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'user.manage');
      return updateUser(
        db,
        actor,
        (request.params as { userId: string }).userId,
        request.body as Parameters<typeof updateUser>[3],
      );
    },
  );
}
