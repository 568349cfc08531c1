import { Type } from '@fastify/type-provider-typebox';
import { UNIT_KINDS } from '@opendti/core';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

/**
 * A map file as uploaded: JSON text, so that a file that is not JSON is reported, not refused by the
 * parser. The limit is the file's UTF-8 bytes (what the administrator's file manager shows), checked
 * by uploadUnitMap (a Vietnamese letter is 2–3 bytes, one character).
 */
export const MAX_MAP_FILE_BYTES = 10 * 1024 * 1024;
/**
 * The request around it: the file's text escaped inside a JSON body, plus the other fields. Escaping
 * doubles a line break or a quote, so a 10 MB file of short lines is a request of up to 20 MB; at
 * 12 MB such a file was refused as "at most 12 MB" while the file rule said 10 MB.
 */
export const MAP_UPLOAD_BODY_LIMIT = 2 * MAX_MAP_FILE_BYTES + 64 * 1024;

export const UnitKindParams = Type.Object({
  unitKind: StringEnum(UNIT_KINDS, { description: 'The cohort (unit kind) the map draws' }),
});

export const UnitMapUploadSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. "Ranh giới huyện, thị xã, thành phố tỉnh Điện Biên"' }),
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  // No maxLength: it counts characters, and a file of 10 MB of ASCII one over the limit got a
  // validation message while one with Vietnamese names got through; uploadUnitMap checks the bytes.
  content: Type.String({
    description: 'The GeoJSON file, as text (WGS84, FeatureCollection), at most 10 MB (10,485,760 bytes) of UTF-8',
  }),
  codeProperty: Type.Optional(
    Nullable(
      Type.String({
        maxLength: 100,
        description: 'The feature property holding the unit code; omitted: the property whose values match the most unit codes',
      }),
    ),
  ),
});

export const UnitMapSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  unitKind: StringEnum(UNIT_KINDS),
  name: Type.String(),
  codeProperty: Type.String(),
  sourceFileName: Type.String(),
  sourceSha256: Type.String({ description: 'SHA-256 of the file as uploaded' }),
  featureCount: Type.Integer(),
  storedBytes: Type.Integer({ description: 'Size of the normalised boundaries served to the public (JSON, uncompressed)' }),
  uploadedAt: Timestamp(),
  uploadedBy: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() })),
  version: Type.Integer({ description: 'Incremented on every replacement' }),
  matchedUnits: Type.Integer({ description: 'Features whose code is a unit of the cohort (units as they are now)' }),
  unmatchedFeatures: Type.Integer(),
  unitsWithoutShape: Type.Integer(),
});

const ProblemSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  location: Type.Optional(
    Type.Object({ path: Type.Optional(Type.String()), code: Type.Optional(Type.String()), file: Type.Optional(Type.String()) }),
  ),
});

export const UnitMapReportSchema = Type.Object({
  applied: Type.Boolean({ description: 'True when the map was stored; false for a preview (dryRun)' }),
  unitKind: StringEnum(UNIT_KINDS),
  fileName: Type.String(),
  featureCount: Type.Integer(),
  properties: Type.Array(
    Type.Object({
      name: Type.String(),
      filled: Type.Integer({ description: 'Features with a value' }),
      matches: Type.Integer({ description: 'Features whose value is the code of a unit of the cohort' }),
      samples: Type.Array(Type.String()),
    }),
    { description: 'Every property of the features: the candidates for the unit code' },
  ),
  suggestedCodeProperty: Nullable(Type.String()),
  codeProperty: Nullable(Type.String({ description: 'The property used (chosen, else suggested)' })),
  problems: Type.Array(ProblemSchema, { description: 'What keeps the map from being saved; empty when it can be' }),
  matchedUnits: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), feature: Type.Integer() })),
  unmatchedFeatures: Type.Array(
    Type.Object({
      feature: Type.Integer({ description: '1-based position in the file' }),
      code: Nullable(Type.String()),
      label: Nullable(Type.String({ description: 'The feature’s name property, when it has one' })),
    }),
    { description: 'Warnings: features whose code is no unit of the cohort (drawn grey)' },
  ),
  unitsWithoutShape: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), activeTo: Nullable(CalendarDay()) }), {
    description: 'Warnings: units of the cohort with no feature (not on the map)',
  }),
  points: Type.Object({ read: Type.Integer(), kept: Type.Integer({ description: 'After rounding and simplification' }) }),
  storedBytes: Nullable(Type.Integer({ description: 'Size of the normalised boundaries (JSON, uncompressed)' })),
  replaces: Nullable(UnitMapSummarySchema),
  map: Nullable(UnitMapSummarySchema),
});

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude], WGS84' });
const PolygonCoordinates = Type.Array(Type.Array(Position), { description: 'Rings, the outer one first' });

export const PublicUnitMapSchema = Type.Object({
  unitKind: StringEnum(UNIT_KINDS),
  name: Type.String(),
  boundaries: Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        properties: Type.Object({
          code: Type.Optional(Type.String({ description: 'The unit code; absent for a shape outside the published results' })),
        }),
        geometry: Type.Union([
          Type.Object({ type: Type.Literal('Polygon'), coordinates: PolygonCoordinates }),
          Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(PolygonCoordinates) }),
        ]),
      }),
    ),
  }),
});
