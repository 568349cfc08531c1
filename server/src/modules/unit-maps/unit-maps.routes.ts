import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { sendEncoded } from '../../http/encoded-response-cache.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import {
  MAP_UPLOAD_BODY_LIMIT,
  MAX_MAP_FILE_BYTES,
  PublicUnitMapSchema,
  UnitKindParams,
  UnitMapReportSchema,
  UnitMapSummarySchema,
  UnitMapUploadSchema,
} from './unit-map-schemas.js';
import { deleteUnitMap, getPublicUnitMap, listPublicUnitMaps, listUnitMaps, uploadUnitMap } from './unit-maps.service.js';

/**
 * Boundary maps of the cohorts: the administrator uploads a GeoJSON per unit kind (a preview with
 * `dryRun` first), the period manager sees them, and the public portal draws a published ranking on
 * its cohort's map.
 */
export function registerUnitMapRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/unit-maps',
    {
      schema: {
        tags: ['unit-maps'],
        summary: 'Bản đồ ranh giới đơn vị / unit boundary maps',
        operationId: 'listUnitMaps',
        description: 'The stored boundary maps, one per cohort (unit kind), with their feature counts.',
        response: { 200: Type.Object({ items: Type.Array(UnitMapSummarySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'unitMap.read');
      return { items: await listUnitMaps(db) };
    },
  );

  api.put(
    '/unit-maps/:unitKind',
    {
      bodyLimit: MAP_UPLOAD_BODY_LIMIT,
      config: { uploadLimitBytes: MAX_MAP_FILE_BYTES },
      schema: {
        tags: ['unit-maps'],
        summary: 'Tải lên (thay) bản đồ ranh giới của một nhóm đơn vị / upload (replace) the boundary map of a cohort',
        operationId: 'uploadUnitMap',
        description:
          'GeoJSON FeatureCollection of Polygon/MultiPolygon features in WGS84 (EPSG:4326), at most 10 MB; one property of each feature holds the unit code. ' +
          'The boundaries are stored normalised: only the unit code kept, coordinates rounded to 5 decimals, rings simplified (≈ 20 m). ' +
          'dryRun=true: a report only — a file that cannot be drawn is refused (400, each problem with its feature), the code property’s problems are listed. ' +
          'Otherwise the map is stored, replacing the cohort’s previous one (audited), or refused (400) while a problem remains. ' +
          'Features whose code is no unit, and units without a feature, are warnings.',
        params: UnitKindParams,
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
        body: UnitMapUploadSchema,
        response: { 200: UnitMapReportSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'unitMap.manage');
      return uploadUnitMap(db, actor, request.params.unitKind, request.body, {
        dryRun: request.query.dryRun === true,
        locale: requestLocale(request),
      });
    },
  );

  api.delete(
    '/unit-maps/:unitKind',
    {
      schema: {
        tags: ['unit-maps'],
        summary: 'Xoá bản đồ ranh giới của một nhóm đơn vị / delete the boundary map of a cohort',
        operationId: 'deleteUnitMap',
        description: 'Deletes the boundary map of a cohort; the public ranking then shows no map. Audited.',
        params: UnitKindParams,
        response: { 204: Type.Null({ description: 'Deleted (audited)' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'unitMap.manage');
      await deleteUnitMap(db, actor, request.params.unitKind);
      return reply.status(204).send();
    },
  );

  api.get(
    '/public/unit-maps',
    {
      schema: {
        tags: ['public'],
        summary: 'Các nhóm đơn vị có bản đồ / cohorts with a boundary map',
        operationId: 'listPublicUnitMaps',
        description: 'The cohorts that have a boundary map, for the public portal. Public.',
        security: [],
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ unitKind: Type.String(), name: Type.String(), featureCount: Type.Integer() })),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      reply.header('Cache-Control', 'public, max-age=60');
      return { items: await listPublicUnitMaps(db) };
    },
  );

  api.get(
    '/public/periods/:periodId/unit-maps/:unitKind',
    {
      schema: {
        tags: ['public'],
        summary: 'Bản đồ ranh giới của nhóm đơn vị trong kỳ đã công bố / boundary map of a published cohort',
        operationId: 'getPublishedUnitMap',
        security: [],
        description:
          'The cohort’s boundaries, each with its unit code when the unit is in the published results (without one otherwise). ' +
          'Not found for an unpublished period, a cohort it did not publish, or a cohort without a map. Strong ETag.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitKind: Type.String({ maxLength: 20 }) }),
        response: {
          200: PublicUnitMapSchema,
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      const { periodId, unitKind } = request.params;
      const map = await getPublicUnitMap(db, periodId, unitKind, request.headers['if-none-match']);
      reply.header('ETag', map.etag).header('Cache-Control', 'public, max-age=60');
      if (map.body === undefined) return reply.status(304).send();
      // Already JSON, serialised and compressed once per version: sent as the client accepts it.
      return sendEncoded(request, reply, map.body);
    },
  );
}
