import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageOf, PageQuery, pageOf } from '../../http/pagination.js';
import { UnitBody, UnitReplacementBody, UnitSchema } from './unit-schemas.js';
import { createUnit, getUnit, listUnits, replaceUnits, updateUnit } from './units.service.js';

const UnitParams = Type.Object({ unitId: Type.String({ format: 'uuid' }) });

export function registerUnitRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Danh sách đơn vị, tìm không dấu / units, diacritic-insensitive search',
        operationId: 'listUnits',
        description: 'Units (districts, departments…), a page at a time; the search ignores diacritics and case.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })), kind: Type.Optional(Type.String()) }),
        ]),
        response: { 200: PageOf(UnitSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'unit.read');
      const query = request.query;
      return pageOf(await listUnits(db, query), query);
    },
  );
  api.get(
    '/units/:unitId',
    {
      schema: {
        tags: ['units'],
        summary: 'Một đơn vị / one unit',
        operationId: 'getUnit',
        description: 'One unit by its id.',
        params: UnitParams,
        response: { 200: UnitSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request, 'unit.read');
      return getUnit(db, request.params.unitId);
    },
  );
  api.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Thêm đơn vị / add a unit',
        operationId: 'createUnit',
        description: 'Adds a unit; its code is unique (409 otherwise). Administrator only.',
        body: UnitBody,
        response: { 201: UnitSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'unit.manage');
      return reply.status(201).send(await createUnit(db, actor, request.body));
    },
  );
  api.patch(
    '/units/:unitId',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa đơn vị / edit a unit',
        operationId: 'updateUnit',
        description: "Changes a unit's code, name, kind, parent or active dates. Administrator only.",
        params: UnitParams,
        body: Type.Partial(UnitBody),
        response: { 200: UnitSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'unit.manage');
      return updateUnit(db, actor, request.params.unitId, request.body);
    },
  );
  api.post(
    '/units/replace',
    {
      schema: {
        tags: ['units'],
        summary: 'Sáp nhập: các đơn vị cũ được thay bằng một đơn vị mới / merge: old units replaced by one',
        operationId: 'replaceUnits',
        description:
          'Records a merger: the old units end on the given day and point to the unit that replaces them, which year-over-year comparisons follow. Administrator only.',
        body: UnitReplacementBody,
        response: { 204: Type.Null({ description: 'Replaced' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'unit.manage');
      await replaceUnits(db, actor, request.body);
      return reply.status(204).send();
    },
  );
}
