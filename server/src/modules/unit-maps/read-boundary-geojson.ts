import type { LocalizedText, Problem } from '@opendti/core';
import type { StoredBoundaryCollection, StoredBoundaryFeature } from '../../db/schema/index.js';

/**
 * Reading an uploaded GeoJSON of unit boundaries: every problem found with the feature it is in
 * (1-based, as a person counts them in QGIS' attribute table), the properties that could hold the
 * unit code with how many of their values match a unit, and — once nothing is wrong — the boundaries
 * normalised for the public map: only the unit code kept, coordinates rounded and rings simplified.
 * Pure: no I/O, so it is tested on small literal collections.
 */

/** A province has a few thousand communes at most; a bigger file is the wrong one (a country's). */
export const MAX_FEATURES = 5000;
/** 5 decimals of a degree ≈ 1.1 m: far below what a province-wide map can show. */
export const COORDINATE_DECIMALS = 5;
/**
 * Douglas–Peucker tolerance in degrees (≈ 22 m): under a pixel on any province-wide map (a
 * province of 150 km drawn 1,000 px wide is 150 m a pixel), while official files digitised every
 * few metres shrink several times over.
 */
export const SIMPLIFY_TOLERANCE = 0.0002;
const MAX_PROBLEMS = 50;
const SAMPLES = 3;

/** Properties that usually name a feature, to say "feature 12 (Mường Nhé)" rather than "feature 12". */
const NAME_PROPERTIES = ['name', 'Name', 'NAME', 'ten', 'Ten', 'TEN', 'ten_don_vi', 'shapeName', 'NAME_3', 'NAME_2', 'NAME_1'];

export interface PropertyCandidate {
  name: string;
  /** Features with a non-empty value. */
  filled: number;
  /** Features whose value is the code of a unit of the cohort. */
  matches: number;
  samples: string[];
}

export interface ReadFeature {
  /** 1-based position in the file. */
  feature: number;
  label: string | null;
  /** The unit's code when the value matched one (canonical spelling), else the value as written; null when empty. */
  code: string | null;
  matched: boolean;
}

export interface BoundaryReading {
  /** Problems that make the file unusable whatever the code property (JSON, structure, geometry). */
  fileProblems: Problem[];
  /** Problems of the chosen code property (missing values, duplicates, no property at all). */
  codeProblems: Problem[];
  featureCount: number;
  properties: PropertyCandidate[];
  suggestedCodeProperty: string | null;
  codeProperty: string | null;
  features: ReadFeature[];
  /** Present when there is no problem at all. */
  boundaries?: StoredBoundaryCollection;
  /** Positions in the file and in the normalised boundaries. */
  points: { read: number; kept: number };
}

type Position = [number, number];
type Ring = Position[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The root of a file that is not a FeatureCollection, shown as JSON would write it. */
function describeRoot(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (isRecord(value)) return typeof value.type === 'string' ? `{"type": "${value.type}", …}` : '{…} (no "type")';
  return JSON.stringify(value) ?? typeof value;
}

/** A value as text when it is one a code can be written as (a string or a number), else null. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * How codes are compared: case aside, and leading zeros aside for all-digit codes, because the
 * statistics office's codes are zero-padded ("094", "03160") while GIS tools often store them as
 * numbers (94, 3160).
 */
export function codeKey(code: string): string {
  const upper = code.trim().toUpperCase();
  return /^\d+$/.test(upper) ? upper.replace(/^0+(?=\d)/, '') : upper;
}

interface Structure {
  polygons: Ring[][];
  points: number;
}

type StructureProblem =
  | { code: 'map.bad-coordinates'; detail: LocalizedText }
  | { code: 'map.out-of-range'; x: number; y: number };

function readPosition(value: unknown): Position | StructureProblem {
  if (!Array.isArray(value) || value.length < 2) {
    return {
      code: 'map.bad-coordinates',
      detail: { vi: 'một điểm phải là [kinh độ, vĩ độ]', en: 'a point must be [longitude, latitude]' },
    };
  }
  const [x, y] = value;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    return { code: 'map.bad-coordinates', detail: { vi: 'toạ độ phải là số', en: 'coordinates must be numbers' } };
  }
  if (x < -180 || x > 180 || y < -90 || y > 90) return { code: 'map.out-of-range', x, y };
  return [x, y];
}

function readRing(value: unknown): Ring | StructureProblem {
  if (!Array.isArray(value)) {
    return {
      code: 'map.bad-coordinates',
      detail: { vi: 'một vòng ranh giới phải là mảng các điểm', en: 'a ring must be an array of points' },
    };
  }
  const ring: Ring = [];
  for (const item of value) {
    const position = readPosition(item);
    if (!Array.isArray(position)) return position;
    ring.push(position);
  }
  if (ring.length < 4) {
    return {
      code: 'map.bad-coordinates',
      detail: {
        vi: `một vòng ranh giới cần ít nhất 4 điểm (có ${ring.length})`,
        en: `a ring needs at least 4 points (it has ${ring.length})`,
      },
    };
  }
  return ring;
}

function readPolygon(value: unknown): Ring[] | StructureProblem {
  if (!Array.isArray(value) || value.length === 0) {
    return {
      code: 'map.bad-coordinates',
      detail: {
        vi: 'một Polygon phải là mảng các vòng ranh giới, vòng ngoài trước',
        en: 'a Polygon must be an array of rings, the outer ring first',
      },
    };
  }
  const rings: Ring[] = [];
  for (const item of value) {
    const ring = readRing(item);
    if (!Array.isArray(ring)) return ring;
    rings.push(ring);
  }
  return rings;
}

function readGeometry(geometry: Record<string, unknown>): Structure | StructureProblem {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(parts) || parts.length === 0) {
    return {
      code: 'map.bad-coordinates',
      detail: { vi: '"coordinates" thiếu hoặc rỗng', en: '"coordinates" is missing or empty' },
    };
  }
  const polygons: Ring[][] = [];
  let points = 0;
  for (const part of parts) {
    const polygon = readPolygon(part);
    if (!Array.isArray(polygon)) return polygon;
    for (const ring of polygon) points += ring.length;
    polygons.push(polygon);
  }
  return { polygons, points };
}

const round = (value: number): number => {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
};

/** Squared distance from p to the segment a–b, in squared degrees. */
function segmentDistanceSquared(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = dx * dx + dy * dy;
  let t = length === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on an open polyline, iteratively (official rings hold tens of thousands of points). */
function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const limit = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestDistance = limit;
    for (let index = first + 1; index < last; index++) {
      const distance = segmentDistanceSquared(points[index] as Position, points[first] as Position, points[last] as Position);
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, index) => keep[index] === 1);
}

/**
 * A ring rounded, without repeated points, simplified, closed; null when fewer than three distinct
 * points remain (a sliver smaller than the rounding). The ring is split at its farthest point from
 * the start so that simplifying never collapses it onto its own start.
 */
export function normaliseRing(ring: Ring, tolerance = SIMPLIFY_TOLERANCE): Ring | null {
  const rounded: Ring = [];
  for (const [x, y] of ring) {
    const point: Position = [round(x), round(y)];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first && last && rounded.length > 1 && first[0] === last[0] && first[1] === last[1]) rounded.pop();
  if (rounded.length < 3) return null;
  const start = rounded[0] as Position;
  let split = 1;
  let splitDistance = -1;
  for (let index = 1; index < rounded.length; index++) {
    const distance = segmentDistanceSquared(rounded[index] as Position, start, start);
    if (distance > splitDistance) {
      split = index;
      splitDistance = distance;
    }
  }
  const closedPath = [...rounded, start];
  let simplified = [
    ...simplifyLine(closedPath.slice(0, split + 1), tolerance).slice(0, -1),
    ...simplifyLine(closedPath.slice(split), tolerance),
  ];
  // Simplifying a tiny island can leave a line: keep its rounded outline instead.
  if (simplified.length < 4) simplified = closedPath;
  return simplified;
}

function normaliseGeometry(structure: Structure): { geometry: StoredBoundaryFeature['geometry']; points: number } | null {
  const polygons: Ring[][] = [];
  let points = 0;
  for (const polygon of structure.polygons) {
    const [outer, ...holes] = polygon;
    const normalisedOuter = outer ? normaliseRing(outer) : null;
    if (!normalisedOuter) continue;
    const rings = [normalisedOuter, ...holes.map((hole) => normaliseRing(hole)).filter((hole): hole is Ring => hole !== null)];
    for (const ring of rings) points += ring.length;
    polygons.push(rings);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { geometry: { type: 'Polygon', coordinates: polygons[0] as Ring[] }, points }
    : { geometry: { type: 'MultiPolygon', coordinates: polygons }, points };
}

function labelOf(properties: Record<string, unknown>): string | null {
  for (const name of NAME_PROPERTIES) {
    const value = textOf(properties[name]);
    if (value) return value;
  }
  return null;
}

/**
 * Reads `content` (the uploaded file's text) as the boundaries of the units whose codes are
 * `unitCodes`. `codeProperty` is the administrator's choice; without it the property with the most
 * values matching a unit code is used (the suggestion).
 */
export function readBoundaryGeoJson(input: {
  fileName: string;
  content: string;
  unitCodes: readonly string[];
  codeProperty?: string | null;
}): BoundaryReading {
  const file = input.fileName;
  const reading: BoundaryReading = {
    fileProblems: [],
    codeProblems: [],
    featureCount: 0,
    properties: [],
    suggestedCodeProperty: null,
    codeProperty: null,
    features: [],
    points: { read: 0, kept: 0 },
  };
  const fail = (problem: Problem): BoundaryReading => {
    reading.fileProblems.push(problem);
    return reading;
  };

  let root: unknown;
  try {
    root = JSON.parse(input.content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail({ code: 'map.not-json', params: { file, detail: error instanceof Error ? error.message : String(error) } });
  }
  if (isRecord(root) && root.type === 'Topology') return fail({ code: 'map.topojson', params: { file } });
  if (!isRecord(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    return fail({
      code: 'map.not-feature-collection',
      params: {
        file,
        found:
          isRecord(root) && root.type === 'FeatureCollection'
            ? '{"type": "FeatureCollection", "features": ?}'
            : describeRoot(root),
      },
      location: { file, path: '/' },
    });
  }
  const rawFeatures = root.features as unknown[];
  reading.featureCount = rawFeatures.length;
  if (rawFeatures.length === 0) return fail({ code: 'map.no-features', params: { file }, location: { file, path: '/features' } });
  if (rawFeatures.length > MAX_FEATURES) {
    return fail({ code: 'map.too-many-features', params: { count: rawFeatures.length, max: MAX_FEATURES }, location: { file } });
  }

  const structures: (Structure | null)[] = [];
  const propertiesOf: Record<string, unknown>[] = [];
  const add = (target: Problem[], problem: Problem) => {
    if (target.length < MAX_PROBLEMS) target.push(problem);
  };
  let problemCount = 0;
  rawFeatures.forEach((raw, index) => {
    const feature = index + 1;
    const path = `/features/${index}`;
    const properties = isRecord(raw) && isRecord(raw.properties) ? raw.properties : {};
    propertiesOf.push(properties);
    structures.push(null);
    const name = labelOf(properties);
    const label = name ? ` (${name})` : '';
    const report = (problem: Problem) => {
      problemCount++;
      add(reading.fileProblems, problem);
    };
    if (!isRecord(raw) || raw.type !== 'Feature') {
      report({ code: 'map.not-a-feature', params: { feature }, location: { file, path } });
      return;
    }
    const geometry = raw.geometry;
    if (!isRecord(geometry)) {
      report({ code: 'map.no-geometry', params: { feature, label }, location: { file, path: `${path}/geometry` } });
      return;
    }
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      report({
        code: 'map.geometry-type',
        params: { feature, label, type: typeof geometry.type === 'string' ? geometry.type : 'không rõ' },
        location: { file, path: `${path}/geometry/type` },
      });
      return;
    }
    const structure = readGeometry(geometry);
    if ('code' in structure) {
      report(
        structure.code === 'map.out-of-range'
          ? {
              code: 'map.coordinate-out-of-range',
              params: { feature, label, x: structure.x, y: structure.y },
              location: { file, path: `${path}/geometry/coordinates` },
            }
          : {
              code: 'map.bad-coordinates',
              params: { feature, label, detail: structure.detail },
              location: { file, path: `${path}/geometry/coordinates` },
            },
      );
      return;
    }
    reading.points.read += structure.points;
    structures[index] = structure;
  });
  if (problemCount > MAX_PROBLEMS) {
    reading.fileProblems.push({ code: 'input.too-many-problems', params: { count: problemCount - MAX_PROBLEMS } });
  }

  // Which properties could hold the unit code, and which one does best.
  const units = new Map(input.unitCodes.map((code) => [codeKey(code), code]));
  const candidates = new Map<string, PropertyCandidate>();
  for (const properties of propertiesOf) {
    for (const [name, value] of Object.entries(properties)) {
      const candidate = candidates.get(name) ?? { name, filled: 0, matches: 0, samples: [] };
      candidates.set(name, candidate);
      const text = textOf(value);
      if (text === null) continue;
      candidate.filled++;
      if (units.has(codeKey(text))) candidate.matches++;
      if (candidate.samples.length < SAMPLES && !candidate.samples.includes(text)) candidate.samples.push(text);
    }
  }
  reading.properties = [...candidates.values()];
  const best = reading.properties.reduce<PropertyCandidate | null>(
    (chosen, candidate) =>
      candidate.matches > 0 &&
      (!chosen ||
        candidate.matches > chosen.matches ||
        (candidate.matches === chosen.matches && candidate.filled > chosen.filled))
        ? candidate
        : chosen,
    null,
  );
  reading.suggestedCodeProperty = best?.name ?? null;
  const propertyList = reading.properties.map((candidate) => candidate.name).join(', ') || '(không có)';
  const requested = input.codeProperty?.trim() || null;
  if (requested && !candidates.has(requested)) {
    reading.codeProblems.push({ code: 'map.unknown-property', params: { property: requested, properties: propertyList } });
  } else {
    reading.codeProperty = requested ?? reading.suggestedCodeProperty;
  }

  // The features with their codes, and the code problems of the chosen property.
  const codeProperty = reading.codeProperty;
  const firstWithCode = new Map<string, number>();
  let codeProblemCount = 0;
  reading.features = propertiesOf.map((properties, index) => {
    const feature = index + 1;
    const name = labelOf(properties);
    const text = codeProperty ? textOf(properties[codeProperty]) : null;
    const canonical = text === null ? undefined : units.get(codeKey(text));
    const code = canonical ?? text;
    if (codeProperty) {
      const label = name ? ` (${name})` : '';
      if (code === null) {
        codeProblemCount++;
        add(reading.codeProblems, {
          code: 'map.code-missing',
          params: { feature, label, property: codeProperty },
          location: { path: `/features/${index}/properties/${codeProperty}` },
        });
      } else {
        const first = firstWithCode.get(codeKey(code));
        if (first !== undefined) {
          codeProblemCount++;
          add(reading.codeProblems, {
            code: 'map.duplicate-code',
            params: { feature, code, first },
            location: { code, path: `/features/${index}/properties/${codeProperty}` },
          });
        } else {
          firstWithCode.set(codeKey(code), feature);
        }
      }
    }
    return { feature, label: name, code, matched: canonical !== undefined };
  });
  if (codeProblemCount > MAX_PROBLEMS) {
    reading.codeProblems.push({ code: 'input.too-many-problems', params: { count: codeProblemCount - MAX_PROBLEMS } });
  }
  if (reading.fileProblems.length > 0 || reading.codeProblems.length > 0 || !codeProperty) return reading;

  const features: StoredBoundaryFeature[] = [];
  structures.forEach((structure, index) => {
    const read = reading.features[index] as ReadFeature;
    const normalised = structure ? normaliseGeometry(structure) : null;
    if (!normalised) {
      reading.fileProblems.push({
        code: 'map.bad-coordinates',
        params: {
          feature: read.feature,
          label: read.label ? ` (${read.label})` : '',
          detail: {
            vi: 'hình nhỏ hơn độ chính xác 5 chữ số thập phân (khoảng 1 m), không vẽ được',
            en: 'the shape is smaller than the 5-decimal precision (about 1 m) and cannot be drawn',
          },
        },
        location: { file, path: `/features/${index}/geometry/coordinates` },
      });
      return;
    }
    reading.points.kept += normalised.points;
    features.push({ type: 'Feature', properties: { code: read.code as string }, geometry: normalised.geometry });
  });
  if (reading.fileProblems.length === 0) reading.boundaries = { type: 'FeatureCollection', features };
  return reading;
}
