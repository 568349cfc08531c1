import { Type } from '@fastify/type-provider-typebox';
import { analyseUnit, DomainError, type MainIndexAnalysis } from '@opendti/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../../app.js';
import { periods, resultSnapshots } from '../../db/schema/index.js';
import { authorize } from '../../http/authenticate.js';
import { Nullable, Timestamp } from '../../http/common-schemas.js';
import { errorResponses } from '../../http/error-schema.js';
import { MainIndexAnalysisSchema, ResultSetSchema, UnitResultSchema } from '../../http/result-schemas.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { scoresFromSnapshot } from './snapshot-scores.js';

const PUBLIC_STATES = ['published', 'archived'];

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * The analysis with null where the engine has no number (NaN: indicators without published points,
 * as in DTI 2022), which is what JSON shows for NaN; the response schema rejects NaN.
 */
function presentAnalysis(analysis: MainIndexAnalysis[]) {
  const indicators = (list: MainIndexAnalysis['full']) =>
    list.map((item) => ({
      ...item,
      points: finiteOrNull(item.points),
      max: finiteOrNull(item.max),
      lost: finiteOrNull(item.lost),
    }));
  return analysis.map((main) => ({
    ...main,
    points: finiteOrNull(main.points),
    max: finiteOrNull(main.max),
    lost: finiteOrNull(main.lost),
    full: indicators(main.full),
    partial: indicators(main.partial),
    zero: indicators(main.zero),
    notAssessed: indicators(main.notAssessed),
  }));
}

/**
 * The public portal's data: published snapshots only, never live answers. Anonymous; cacheable with
 * a strong ETag, so a thousand readers cost one serialisation.
 */
export function registerPublicResultRoutes(api: FastifyInstance, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/public/periods',
    {
      schema: {
        tags: ['public'],
        summary: 'Các kỳ đã công bố / published periods',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String({ format: 'uuid' }),
                year: Type.Integer(),
                name: Type.String(),
                publishedAt: Nullable(Timestamp()),
                cohorts: Type.Array(Type.Object({ unitKind: Type.String(), frameworkId: Type.String() })),
              }),
            ),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      authorize(request, 'results.readPublished');
      const rows = await db
        .select({ period: periods, unitKind: resultSnapshots.unitKind, frameworkId: resultSnapshots.frameworkId })
        .from(periods)
        .innerJoin(resultSnapshots, eq(resultSnapshots.periodId, periods.id))
        .where(inArray(periods.state, PUBLIC_STATES))
        .orderBy(periods.year);
      const byId = new Map<
        string,
        { id: string; year: number; name: string; publishedAt: Date | null; cohorts: { unitKind: string; frameworkId: string }[] }
      >();
      for (const row of rows) {
        const entry = byId.get(row.period.id) ?? {
          id: row.period.id,
          year: row.period.year,
          name: row.period.name,
          publishedAt: row.period.publishedAt,
          cohorts: [],
        };
        entry.cohorts.push({ unitKind: row.unitKind, frameworkId: row.frameworkId });
        byId.set(row.period.id, entry);
      }
      return { items: [...byId.values()] };
    },
  );

  const snapshotOf = async (periodId: string, unitKind: string) => {
    const [row] = await db
      .select({ snapshot: resultSnapshots })
      .from(resultSnapshots)
      .innerJoin(periods, eq(periods.id, resultSnapshots.periodId))
      .where(
        and(
          eq(resultSnapshots.periodId, periodId),
          eq(resultSnapshots.unitKind, unitKind),
          inArray(periods.state, PUBLIC_STATES),
        ),
      );
    // Unpublished and unknown look the same to the public: nothing to see.
    if (!row) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: 'kết quả đã công bố' } }]);
    return row.snapshot;
  };

  api.get(
    '/public/periods/:periodId/results/:unitKind',
    {
      schema: {
        tags: ['public'],
        summary: 'Bảng xếp hạng đã công bố / published ranking',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitKind: Type.String({ maxLength: 20 }) }),
        response: {
          200: Type.Intersect([ResultSetSchema, Type.Object({ publishedAt: Type.String({ format: 'date-time' }) })]),
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      const { periodId, unitKind } = request.params as { periodId: string; unitKind: string };
      const snapshot = await snapshotOf(periodId, unitKind);
      reply.header('ETag', snapshot.etag).header('Cache-Control', 'public, max-age=60');
      if (request.headers['if-none-match'] === snapshot.etag) return reply.status(304).send();
      return { ...snapshot.results, publishedAt: snapshot.publishedAt };
    },
  );

  api.get(
    '/public/periods/:periodId/results/:unitKind/units/:unitCode',
    {
      schema: {
        tags: ['public'],
        summary: 'Kết quả và phân tích một đơn vị / one unit with its analysis',
        params: Type.Object({
          periodId: Type.String({ format: 'uuid' }),
          unitKind: Type.String({ maxLength: 20 }),
          unitCode: Type.String({ maxLength: 40 }),
        }),
        response: {
          200: Type.Object({ unit: UnitResultSchema, analysis: Type.Array(MainIndexAnalysisSchema) }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      const { periodId, unitKind, unitCode } = request.params as { periodId: string; unitKind: string; unitCode: string };
      const snapshot = await snapshotOf(periodId, unitKind);
      const unit = snapshot.results.units.find((candidate) => candidate.code === unitCode);
      if (!unit) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: `đơn vị ${unitCode}` } }]);
      const framework = await getCompiledFramework(db, snapshot.frameworkId);
      const analysis = analyseUnit(scoresFromSnapshot(framework, snapshot.results, snapshot.detail), unitCode);
      reply.header('ETag', snapshot.etag).header('Cache-Control', 'public, max-age=60');
      return { unit, analysis: presentAnalysis(analysis) };
    },
  );
}
