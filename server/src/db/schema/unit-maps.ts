import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A feature as stored: its boundary and the official code of the unit it draws (the join key with results). */
export interface StoredBoundaryFeature {
  type: 'Feature';
  properties: { code: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface StoredBoundaryCollection {
  type: 'FeatureCollection';
  features: StoredBoundaryFeature[];
}

/**
 * The boundaries of one cohort's units (districts, communes…), uploaded by the administrator as
 * GeoJSON and drawn as a choropleth on the public ranking. One map per unit kind: uploading again
 * replaces it (the audit log keeps who replaced what, with the checksums). The GeoJSON is stored
 * validated and normalised (WGS84, coordinates rounded to 5 decimals, rings simplified, every
 * property but the unit code dropped), so the public payload is small and carries nothing else.
 */
export const unitMaps = pgTable('unit_maps', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The cohort the map draws; a period's cohort is a unit kind. */
  unitKind: text('unit_kind').notNull().unique(),
  name: text('name').notNull(),
  /** The property of the uploaded features that held the unit code (chosen or suggested at upload). */
  codeProperty: text('code_property').notNull(),
  sourceFileName: text('source_file_name').notNull(),
  /** SHA-256 of the file as uploaded, for the audit trail. */
  sourceSha256: text('source_sha256').notNull(),
  boundaries: jsonb('boundaries').$type<StoredBoundaryCollection>().notNull(),
  /** The features' unit codes, in order: lets lists report matches without reading the boundaries. */
  featureCodes: jsonb('feature_codes').$type<string[]>().notNull(),
  /** Strong ETag of the stored boundaries. */
  etag: text('etag').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().default(sql`now()`),
  /** Incremented on every replacement. */
  version: integer('version').notNull().default(1),
});
