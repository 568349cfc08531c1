import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageOf, PageQuery, pageOf } from '../../http/pagination.js';
import { NewUserBody, UserChangesBody, UserSchema } from './user-schemas.js';
import { createUser, listUsers, updateUser } from './users.service.js';

export function registerUserRoutes(api: Api, { database }: AppDependencies): void {
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
      return pageOf(await listUsers(db), request.query);
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
        body: NewUserBody,
        response: { 201: UserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'user.manage');
      return reply.status(201).send(await createUser(db, actor, request.body));
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
        body: UserChangesBody,
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'user.manage');
      return updateUser(db, actor, request.params.userId, request.body);
    },
  );
}
