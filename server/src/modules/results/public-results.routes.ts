import { Type } from '@fastify/type-provider-typebox';
import {
  analyseUnit,
  type CohortScores,
  DomainError,
  type EnglishNames,
  englishNamesOf,
  indicatorOverview,
  type MainIndexAnalysis,
  named,
  type PublicationDecision,
} from '@opendti/core';
import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { periods, resultSnapshots } from '../../db/schema/index.js';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { Nullable, Timestamp } from '../../http/common-schemas.js';
import {
  createEncodedResponseCache,
  type EncodedResponse,
  encodeResponse,
  sendEncoded,
} from '../../http/encoded-response-cache.js';
import { errorResponses } from '../../http/error-schema.js';
import {
  IndicatorOverviewSchema,
  MainIndexAnalysisSchema,
  PublicationDecisionSchema,
  PublicationFields,
  ResultSetSchema,
  UnitResultSchema,
} from '../../http/result-schemas.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { analysisWithEnglishNames, withEnglishNames } from './english-result-names.js';
import { isPublishedSnapshot, PUBLIC_PERIOD_STATES, presentPublishedTable, readPublishedVersion } from './published-snapshot.js';
import { type PublishedVersion, PublishedVersions } from './published-versions.js';
import { scoresFromSnapshot } from './snapshot-scores.js';

/** Rankings and unit pages of every published period of a province fit many times over in 64 MB. */
const RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;
const COHORT_CACHE_ENTRIES = 32;

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
export function registerPublicResultRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/public/periods',
    {
      schema: {
        tags: ['public'],
        summary: 'Các kỳ đã công bố / published periods',
        operationId: 'listPublishedPeriods',
        description: 'The published periods and their cohorts, for the public portal. Public.',
        security: [],
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String({ format: 'uuid' }),
                year: Type.Integer(),
                name: Type.String(),
                publishedAt: Nullable(Timestamp()),
                publicationDecision: Type.Union([Type.Null(), PublicationDecisionSchema], {
                  description:
                    'The decision that published the results (number, date, signer); null for periods published without one',
                }),
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
        .where(inArray(periods.state, PUBLIC_PERIOD_STATES))
        .orderBy(periods.year);
      const byId = new Map<
        string,
        {
          id: string;
          year: number;
          name: string;
          publishedAt: Date | null;
          publicationDecision: PublicationDecision | null;
          cohorts: { unitKind: string; frameworkId: string }[];
        }
      >();
      for (const row of rows) {
        const entry = byId.get(row.period.id) ?? {
          id: row.period.id,
          year: row.period.year,
          name: row.period.name,
          publishedAt: row.period.publishedAt,
          publicationDecision: row.period.publicationDecision,
          cohorts: [],
        };
        entry.cohorts.push({ unitKind: row.unitKind, frameworkId: row.frameworkId });
        byId.set(row.period.id, entry);
      }
      return { items: [...byId.values()] };
    },
  );

  // A ranking page asks for its snapshot's version first (one small row, remembered for a second:
  // see PublishedVersions), then answers from the responses cached under it. Keyed by ETag and
  // publication date, a cached response is never stale; only the version lookup can be, by ≤ 1 s.
  const responses = createEncodedResponseCache(RESPONSE_CACHE_BYTES);
  // A cohort's engine scores, rebuilt from its snapshot once: every unit page of the cohort (ranks
  // per main index need the whole cohort) and every unknown unit code are answered from it.
  const cohorts = new LRUCache<
    string,
    { results: ReturnType<typeof withEnglishNames>; scores: CohortScores; names: EnglishNames; publishedAt: Date }
  >({ max: COHORT_CACHE_ENTRIES });
  const cacheKeyOf = (snapshot: { etag: string; publishedAt: Date }) => `${snapshot.etag}@${snapshot.publishedAt.getTime()}`;
  const notPublished = () =>
    // Unpublished and unknown look the same to the public: nothing to see.
    new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('publishedResults') } }]);

  /** The snapshot's ETag, and the key of its cached responses (republishing the same results changes only the date). */
  const versions = new PublishedVersions(async (periodId, unitKind) => {
    const row = await readPublishedVersion(db, periodId, unitKind);
    return row ? { etag: row.etag, key: cacheKeyOf(row) } : undefined;
  });
  api.addHook('onClose', async () => versions.dispose());
  const publishedVersionOf = async (periodId: string, unitKind: string): Promise<PublishedVersion> => {
    const version = await versions.get(periodId, unitKind);
    if (!version) throw notPublished();
    return version;
  };

  const snapshotOf = async (periodId: string, unitKind: string, withDetail: boolean) => {
    const [row] = await db
      .select({
        etag: resultSnapshots.etag,
        frameworkId: resultSnapshots.frameworkId,
        results: resultSnapshots.results,
        publishedAt: resultSnapshots.publishedAt,
        publicationDecision: periods.publicationDecision,
        // The per-indicator detail is most of the row and only the unit page needs it.
        detail: withDetail ? resultSnapshots.detail : sql<null>`null`,
      })
      .from(resultSnapshots)
      .innerJoin(periods, eq(periods.id, resultSnapshots.periodId))
      .where(isPublishedSnapshot(periodId, unitKind));
    if (!row) throw notPublished();
    return row;
  };

  /**
   * A cohort's engine scores, from the cache or rebuilt from its snapshot. Republished between the
   * version lookup and the read: what was read is what is sent, under its own ETag and key.
   */
  const cohortOf = async (periodId: string, unitKind: string, version: PublishedVersion) => {
    const cached = cohorts.get(version.key);
    if (cached) return { cohort: cached, etag: version.etag, key: version.key };
    const snapshot = await snapshotOf(periodId, unitKind, true);
    const framework = await getCompiledFramework(db, snapshot.frameworkId);
    const names = englishNamesOf(framework.document);
    const cohort = {
      results: withEnglishNames(snapshot.results, names),
      scores: scoresFromSnapshot(framework, snapshot.results, snapshot.detail ?? {}),
      names,
      publishedAt: snapshot.publishedAt,
    };
    cohorts.set(cacheKeyOf(snapshot), cohort);
    return { cohort, etag: snapshot.etag, key: cacheKeyOf(snapshot) };
  };

  const notModified = (reply: FastifyReply, etag: string) =>
    reply.header('ETag', etag).header('Cache-Control', 'public, max-age=60').status(304).send();

  const sendCached = (request: FastifyRequest, reply: FastifyReply, etag: string, response: EncodedResponse) =>
    sendEncoded(request, reply.header('ETag', etag).header('Cache-Control', 'public, max-age=60'), response);

  api.get(
    '/public/periods/:periodId/results/:unitKind',
    {
      schema: {
        tags: ['public'],
        summary: 'Bảng xếp hạng đã công bố / published ranking',
        operationId: 'getPublishedResults',
        description:
          "The published ranking of one cohort of a period: every unit's index, main indices, pillars and ranks, as stored at publication. Public; cacheable with a strong ETag (304 on If-None-Match).",
        security: [],
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitKind: Type.String({ maxLength: 20 }) }),
        response: {
          200: Type.Intersect([
            ResultSetSchema,
            Type.Object({
              publishedAt: Type.String({ format: 'date-time' }),
              ...PublicationFields,
            }),
          ]),
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      const { periodId, unitKind } = request.params;
      const { etag, key } = await publishedVersionOf(periodId, unitKind);
      if (request.headers['if-none-match'] === etag) return notModified(reply, etag);
      const cached = responses.get(key);
      if (cached) return sendCached(request, reply, etag, cached);
      const snapshot = await snapshotOf(periodId, unitKind, false);
      const framework = await getCompiledFramework(db, snapshot.frameworkId);
      // Serialised by the route's response schema, exactly as an uncached reply would be.
      const response = encodeResponse(reply.serialize(presentPublishedTable(snapshot.results, framework, snapshot)));
      responses.set(cacheKeyOf(snapshot), response);
      return sendCached(request, reply, snapshot.etag, response);
    },
  );

  api.get(
    '/public/periods/:periodId/results/:unitKind/units/:unitCode',
    {
      schema: {
        tags: ['public'],
        summary: 'Kết quả và phân tích một đơn vị / one unit with its analysis',
        operationId: 'getPublishedUnitResult',
        description:
          'One unit of a published ranking, with its change from the previous year, and the analysis of its indicators per main index (full, partial, zero, not assessed). Public; cacheable with a strong ETag (304 on If-None-Match).',
        security: [],
        params: Type.Object({
          periodId: Type.String({ format: 'uuid' }),
          unitKind: Type.String({ maxLength: 20 }),
          unitCode: Type.String({ maxLength: 40 }),
        }),
        response: {
          200: Type.Object({ unit: UnitResultSchema, analysis: Type.Array(MainIndexAnalysisSchema) }),
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      const { periodId, unitKind, unitCode } = request.params;
      const version = await publishedVersionOf(periodId, unitKind);
      if (request.headers['if-none-match'] === version.etag) return notModified(reply, version.etag);
      // The NUL, never in a snapshot key, keeps unit page keys apart from ranking keys.
      const cached = responses.get(`${version.key}\u0000${unitCode}`);
      if (cached) return sendCached(request, reply, version.etag, cached);
      const { cohort, etag, key } = await cohortOf(periodId, unitKind, version);
      const unit = cohort.results.units.find((candidate) => candidate.code === unitCode);
      if (!unit) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('unit', unitCode) } }]);
      const analysis = analyseUnit(cohort.scores, unitCode);
      const response = encodeResponse(
        reply.serialize({ unit, analysis: analysisWithEnglishNames(presentAnalysis(analysis), cohort.names) }),
      );
      responses.set(`${key}\u0000${unitCode}`, response);
      return sendCached(request, reply, etag, response);
    },
  );

  api.get(
    '/public/periods/:periodId/results/:unitKind/indicator-overview',
    {
      schema: {
        tags: ['public'],
        summary: 'Tổng quan chỉ số toàn tỉnh / province-wide indicator overview',
        operationId: 'getPublishedIndicatorOverview',
        description:
          'The province-wide view of one published cohort: for each indicator how many units got full, partial or zero points and the points lost across the cohort (the most lost first), and the matrix of a heatmap units × main indices (published values) with units × indicators for the drill-in. Built from the published snapshot only. Public; cacheable with a strong ETag (304 on If-None-Match).',
        security: [],
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }), unitKind: Type.String({ maxLength: 20 }) }),
        response: {
          200: IndicatorOverviewSchema,
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'results.readPublished');
      const { periodId, unitKind } = request.params;
      const version = await publishedVersionOf(periodId, unitKind);
      if (request.headers['if-none-match'] === version.etag) return notModified(reply, version.etag);
      // \u0001 (never in a snapshot key, never after the unit pages' \u0000) keeps the overview apart.
      const cached = responses.get(`${version.key}\u0001overview`);
      if (cached) return sendCached(request, reply, version.etag, cached);
      const { cohort, etag, key } = await cohortOf(periodId, unitKind, version);
      const overview = indicatorOverview(cohort.scores, cohort.results);
      const english = (code: string) => cohort.names.byCode.get(code) ?? null;
      const { framework } = cohort.results;
      const response = encodeResponse(
        reply.serialize({
          framework: {
            id: framework.id,
            name: framework.name,
            nameEn: framework.nameEn,
            year: framework.year,
            precision: framework.precision,
          },
          publishedAt: cohort.publishedAt,
          mainIndices: overview.mainIndices.map((main) => ({ ...main, nameEn: english(main.code), max: finiteOrNull(main.max) })),
          indicators: overview.indicators.map((item) => ({
            ...item,
            nameEn: english(item.code),
            max: finiteOrNull(item.max),
            meanShare: finiteOrNull(item.meanShare),
          })),
          indicatorOrder: overview.indicatorOrder,
          units: overview.units,
        }),
      );
      responses.set(`${key}\u0001overview`, response);
      return sendCached(request, reply, etag, response);
    },
  );
}
