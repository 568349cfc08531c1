import { createHash } from 'node:crypto';
import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  compareVietnamese,
  DomainError,
  formatProblem,
  type Locale,
  type LocalizedText,
  named,
  type Problem,
} from '@opendti/core';
import { and, eq, inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/database.js';
import { resultSnapshots, type StoredBoundaryCollection, unitMaps, units, users } from '../../db/schema/index.js';
import { type EncodedResponse, encodeResponse } from '../../http/encoded-response-cache.js';
import { strongEtag } from '../../http/etag.js';
import { recordAudit } from '../audit/audit.service.js';
import { readPublishedVersion } from '../results/published-snapshot.js';
import { codeKey, type PropertyCandidate, readBoundaryGeoJson } from './read-boundary-geojson.js';
import { MAX_MAP_FILE_BYTES, type UnitMapUploadSchema } from './unit-map-schemas.js';

type UnitMapRow = typeof unitMaps.$inferSelect;

export type UnitMapUpload = Static<typeof UnitMapUploadSchema>;

export interface UnitMapSummary {
  id: string;
  unitKind: string;
  name: string;
  codeProperty: string;
  sourceFileName: string;
  sourceSha256: string;
  featureCount: number;
  /** Size of the boundaries as served to the public (JSON, before compression). */
  storedBytes: number;
  uploadedAt: Date;
  uploadedBy: { id: string; displayName: string } | null;
  version: number;
  /** Against the units as they are now. */
  matchedUnits: number;
  unmatchedFeatures: number;
  unitsWithoutShape: number;
}

export interface UnitMapReport {
  applied: boolean;
  unitKind: string;
  fileName: string;
  featureCount: number;
  properties: PropertyCandidate[];
  suggestedCodeProperty: string | null;
  codeProperty: string | null;
  /** What keeps the map from being saved (the code property's problems); empty when it can be. */
  problems: { code: string; message: string; location?: Problem['location'] }[];
  matchedUnits: { code: string; name: string; feature: number }[];
  unmatchedFeatures: { feature: number; code: string | null; label: string | null }[];
  unitsWithoutShape: { code: string; name: string; activeTo: string | null }[];
  points: { read: number; kept: number };
  storedBytes: number | null;
  /** The map this upload replaces (or replaced), if any. */
  replaces: UnitMapSummary | null;
  map: UnitMapSummary | null;
}

const notFound = (what: LocalizedText) => new DomainError('not-found', [{ code: 'http.not-found', params: { what } }]);

async function unitsOfKind(db: Database, unitKind: string) {
  const rows = await db
    .select({ code: units.code, name: units.name, activeTo: units.activeTo })
    .from(units)
    .where(eq(units.kind, unitKind));
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** The feature codes against the units: which units have a shape, which shapes have no unit. */
function matchCodes(featureCodes: readonly (string | null)[], cohort: { code: string }[]) {
  const unitKeys = new Set(cohort.map((unit) => codeKey(unit.code)));
  const featureKeys = new Set(featureCodes.flatMap((code) => (code === null ? [] : [codeKey(code)])));
  return {
    matched: featureCodes.filter((code) => code !== null && unitKeys.has(codeKey(code))).length,
    unmatched: featureCodes.filter((code) => code === null || !unitKeys.has(codeKey(code))).length,
    withoutShape: cohort.filter((unit) => !featureKeys.has(codeKey(unit.code))),
  };
}

async function summarise(db: Database, rows: UnitMapRow[]): Promise<UnitMapSummary[]> {
  const uploaderIds = [...new Set(rows.flatMap((row) => (row.uploadedBy ? [row.uploadedBy] : [])))];
  const uploaders =
    uploaderIds.length === 0
      ? []
      : await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, uploaderIds));
  const summaries: UnitMapSummary[] = [];
  for (const row of rows) {
    const counts = matchCodes(row.featureCodes, await unitsOfKind(db, row.unitKind));
    summaries.push({
      id: row.id,
      unitKind: row.unitKind,
      name: row.name,
      codeProperty: row.codeProperty,
      sourceFileName: row.sourceFileName,
      sourceSha256: row.sourceSha256,
      featureCount: row.featureCodes.length,
      storedBytes: Buffer.byteLength(JSON.stringify(row.boundaries)),
      uploadedAt: row.uploadedAt,
      uploadedBy: uploaders.find((user) => user.id === row.uploadedBy) ?? null,
      version: row.version,
      matchedUnits: counts.matched,
      unmatchedFeatures: counts.unmatched,
      unitsWithoutShape: counts.withoutShape.length,
    });
  }
  return summaries;
}

/** What the audit log keeps of a map: enough to tell versions apart, not megabytes of coordinates. */
function auditSummary(row: UnitMapRow) {
  return {
    unitKind: row.unitKind,
    name: row.name,
    codeProperty: row.codeProperty,
    sourceFileName: row.sourceFileName,
    sourceSha256: row.sourceSha256,
    featureCount: row.featureCodes.length,
    etag: row.etag,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt,
    version: row.version,
  };
}

export async function listUnitMaps(db: Database): Promise<UnitMapSummary[]> {
  const rows = await db.select().from(unitMaps).orderBy(unitMaps.unitKind);
  return summarise(db, rows);
}

async function findMap(db: Database, unitKind: string): Promise<UnitMapRow | undefined> {
  const [row] = await db.select().from(unitMaps).where(eq(unitMaps.unitKind, unitKind));
  return row;
}

/**
 * Checks an uploaded GeoJSON against the cohort's units and, unless `dryRun`, stores it as the
 * cohort's map (replacing the previous one). A file that cannot be drawn is refused (400) even in a
 * preview; the code property's problems are listed by a preview, so the administrator can pick
 * another property, and refuse the save.
 */
export async function uploadUnitMap(
  db: Database,
  actor: Actor,
  unitKind: string,
  upload: UnitMapUpload,
  options: { dryRun: boolean; locale: Locale },
): Promise<UnitMapReport> {
  const bytes = Buffer.byteLength(upload.content, 'utf8');
  if (bytes > MAX_MAP_FILE_BYTES) {
    throw new DomainError('invalid-input', [
      {
        code: 'map.too-large',
        params: { file: upload.fileName, bytes, limit: `${MAX_MAP_FILE_BYTES / 1024 / 1024} MB`, limitBytes: MAX_MAP_FILE_BYTES },
        location: { file: upload.fileName },
      },
    ]);
  }
  const cohort = await unitsOfKind(db, unitKind);
  const reading = readBoundaryGeoJson({
    fileName: upload.fileName,
    content: upload.content,
    unitCodes: cohort.map((unit) => unit.code),
    codeProperty: upload.codeProperty,
  });
  if (reading.fileProblems.length > 0) throw new DomainError('invalid-input', reading.fileProblems);
  const problems = [...reading.codeProblems];
  if (!reading.codeProperty && problems.length === 0) {
    problems.push({
      code: 'map.no-code-property',
      params: { kind: unitKind, properties: reading.properties.map((candidate) => candidate.name).join(', ') || '—' },
    });
  }
  if (!options.dryRun && problems.length > 0) throw new DomainError('invalid-input', problems);

  const byKey = new Map(cohort.map((unit) => [codeKey(unit.code), unit]));
  const featureKeys = new Set(reading.features.flatMap((feature) => (feature.code === null ? [] : [codeKey(feature.code)])));
  const existing = await findMap(db, unitKind);
  const report: UnitMapReport = {
    applied: false,
    unitKind,
    fileName: upload.fileName,
    featureCount: reading.featureCount,
    properties: reading.properties,
    suggestedCodeProperty: reading.suggestedCodeProperty,
    codeProperty: reading.codeProperty,
    problems: problems.map((problem) => ({
      code: problem.code,
      message: formatProblem(problem, options.locale),
      ...(problem.location ? { location: problem.location } : {}),
    })),
    matchedUnits: reading.codeProperty
      ? reading.features.flatMap((feature) => {
          const unit = feature.code === null ? undefined : byKey.get(codeKey(feature.code));
          return unit ? [{ code: unit.code, name: unit.name, feature: feature.feature }] : [];
        })
      : [],
    unmatchedFeatures: reading.codeProperty
      ? reading.features
          .filter((feature) => !feature.matched)
          .map((feature) => ({ feature: feature.feature, code: feature.code, label: feature.label }))
      : [],
    unitsWithoutShape: reading.codeProperty ? cohort.filter((unit) => !featureKeys.has(codeKey(unit.code))) : [],
    points: reading.points,
    storedBytes: reading.boundaries ? Buffer.byteLength(JSON.stringify(reading.boundaries)) : null,
    replaces: existing ? ((await summarise(db, [existing]))[0] ?? null) : null,
    map: null,
  };
  if (options.dryRun || !reading.boundaries || !reading.codeProperty) return report;

  const boundaries = reading.boundaries;
  const values = {
    unitKind,
    name: upload.name.trim(),
    codeProperty: reading.codeProperty,
    sourceFileName: upload.fileName,
    sourceSha256: createHash('sha256').update(upload.content).digest('hex'),
    boundaries,
    featureCodes: boundaries.features.map((feature) => feature.properties.code),
    etag: strongEtag(JSON.stringify(boundaries)),
    uploadedBy: actor.userId,
    uploadedAt: new Date(),
  };
  const saved = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(unitMaps).where(eq(unitMaps.unitKind, unitKind)).for('update');
    const [after] = before
      ? await tx
          .update(unitMaps)
          .set({ ...values, version: before.version + 1 })
          .where(eq(unitMaps.id, before.id))
          .returning()
      : await tx.insert(unitMaps).values(values).returning();
    const row = after as UnitMapRow;
    await recordAudit(tx, {
      actor,
      action: before ? 'unitMap.replaced' : 'unitMap.uploaded',
      entityType: 'unitMap',
      entityId: row.id,
      oldValue: before ? auditSummary(before) : undefined,
      newValue: auditSummary(row),
    });
    return row;
  });
  return { ...report, applied: true, map: (await summarise(db, [saved]))[0] ?? null };
}

export async function deleteUnitMap(db: Database, actor: Actor, unitKind: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(unitMaps).where(eq(unitMaps.unitKind, unitKind)).for('update');
    if (!before) throw notFound(named('unitMap', unitKind));
    await tx.delete(unitMaps).where(eq(unitMaps.id, before.id));
    await recordAudit(tx, {
      actor,
      action: 'unitMap.deleted',
      entityType: 'unitMap',
      entityId: before.id,
      oldValue: auditSummary(before),
    });
  });
}

/** The cohorts that have a map, for the public portal to know whether to offer one. */
export async function listPublicUnitMaps(db: Database): Promise<{ unitKind: string; name: string; featureCount: number }[]> {
  const rows = await db
    .select({ unitKind: unitMaps.unitKind, name: unitMaps.name, featureCodes: unitMaps.featureCodes })
    .from(unitMaps)
    .orderBy(unitMaps.unitKind);
  return rows.map((row) => ({ unitKind: row.unitKind, name: row.name, featureCount: row.featureCodes.length }));
}

export interface PublicUnitMap {
  etag: string;
  /** The JSON body, serialised and compressed once per version; undefined when the reader's copy (If-None-Match) is current. */
  body?: EncodedResponse;
}

/** Bodies by ETag: serialised and compressed once per version, shared by every reader; eight kept, the least recently read evicted first. */
const PUBLIC_BODIES = new LRUCache<string, EncodedResponse>({ max: 8 });

const publicEtag = (mapEtag: string, snapshotEtag: string, name: string, unitKind: string) =>
  strongEtag(JSON.stringify([mapEtag, snapshotEtag, name, unitKind]));

async function publishedSnapshotEtag(db: Database, periodId: string, unitKind: string): Promise<string> {
  const version = await readPublishedVersion(db, periodId, unitKind);
  if (!version) throw notFound(named('publishedResults'));
  return version.etag;
}

/**
 * A published cohort's map for the public: the boundaries, each with its unit's code when the unit
 * is in the published results and without one otherwise (a shape for context, nothing about a unit
 * the period did not publish). Unpublished periods and missing maps look alike: not found. The ETag
 * comes from two short columns, so a revalidation (304) reads neither the results nor the map.
 */
export async function getPublicUnitMap(
  db: Database,
  periodId: string,
  unitKind: string,
  ifNoneMatch: string | undefined,
): Promise<PublicUnitMap> {
  const snapshotEtag = await publishedSnapshotEtag(db, periodId, unitKind);
  const [current] = await db
    .select({ etag: unitMaps.etag, name: unitMaps.name })
    .from(unitMaps)
    .where(eq(unitMaps.unitKind, unitKind));
  if (!current) throw notFound(named('unitMap', unitKind));
  const etag = publicEtag(current.etag, snapshotEtag, current.name, unitKind);
  if (ifNoneMatch === etag) return { etag };
  const kept = PUBLIC_BODIES.get(etag);
  if (kept !== undefined) return { etag, body: kept };

  // The body and its ETag from the same rows, whatever changed since the first look.
  const [[snapshot], [map]] = await Promise.all([
    db
      .select({ etag: resultSnapshots.etag, results: resultSnapshots.results })
      .from(resultSnapshots)
      .where(and(eq(resultSnapshots.periodId, periodId), eq(resultSnapshots.unitKind, unitKind))),
    db.select().from(unitMaps).where(eq(unitMaps.unitKind, unitKind)),
  ]);
  if (!snapshot || !map) throw notFound(named('unitMap', unitKind));
  const published = new Set(snapshot.results.units.map((unit) => unit.code));
  const boundaries: PublicBoundaryCollection = {
    type: 'FeatureCollection',
    features: map.boundaries.features.map((feature) =>
      published.has(feature.properties.code) ? feature : { ...feature, properties: {} },
    ),
  };
  // Boundaries are the portal's largest response (a province's communes: megabytes of coordinates);
  // compressed once here, a phone downloads a fraction of them.
  const body = encodeResponse(JSON.stringify({ unitKind, name: map.name, boundaries }));
  const bodyEtag = publicEtag(map.etag, snapshot.etag, map.name, unitKind);
  PUBLIC_BODIES.set(bodyEtag, body);
  return { etag: bodyEtag, body };
}

/** As the public sees the boundaries: a shape of a unit outside the published results carries no code. */
export interface PublicBoundaryCollection {
  type: 'FeatureCollection';
  features: (Omit<StoredBoundaryCollection['features'][number], 'properties'> & { properties: { code?: string } })[];
}

export async function getUnitMapSummary(db: Database, unitKind: string): Promise<UnitMapSummary> {
  const row = await findMap(db, unitKind);
  if (!row) throw notFound(named('unitMap', unitKind));
  return (await summarise(db, [row]))[0] as UnitMapSummary;
}
