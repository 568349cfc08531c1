import { describe, expect, it } from 'vitest';
import { syntheticBoundaries } from '../../test-support/synthetic-boundaries.js';
import { codeKey, normaliseRing, readBoundaryGeoJson } from './read-boundary-geojson.js';

const CODES = ['A1', 'B2', 'C3'];

const read = (document: unknown, options: { codeProperty?: string; unitCodes?: string[] } = {}) =>
  readBoundaryGeoJson({
    fileName: 'ranh-gioi.geojson',
    content: typeof document === 'string' ? document : JSON.stringify(document),
    unitCodes: options.unitCodes ?? CODES,
    codeProperty: options.codeProperty,
  });

const feature = (geometry: unknown, properties: Record<string, unknown> = { ma_dv: 'A1', ten: 'Xã Một' }) => ({
  type: 'Feature',
  properties,
  geometry,
});

const square = [
  [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ],
];

const polygon = { type: 'Polygon', coordinates: square };

describe('readBoundaryGeoJson', () => {
  it('suggests the property holding unit codes and keeps only the code, rounded and simplified', () => {
    const reading = read(syntheticBoundaries(CODES));
    expect(reading.fileProblems).toEqual([]);
    expect(reading.codeProblems).toEqual([]);
    expect(reading.suggestedCodeProperty).toBe('ma_dv');
    expect(reading.codeProperty).toBe('ma_dv');
    expect(reading.properties).toEqual([
      { name: 'id', filled: 3, matches: 0, samples: ['1', '2', '3'] },
      { name: 'ma_dv', filled: 3, matches: 3, samples: ['A1', 'B2', 'C3'] },
      { name: 'ten', filled: 3, matches: 0, samples: ['Ô thử nghiệm A1', 'Ô thử nghiệm B2', 'Ô thử nghiệm C3'] },
    ]);
    expect(reading.boundaries?.features[1]).toEqual({
      type: 'Feature',
      properties: { code: 'B2' },
      // The point in the middle of the southern edge is gone.
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 0],
            [2, 0],
            [2, -1],
            [1, -1],
            [1, 0],
          ],
        ],
      },
    });
    expect(reading.points).toEqual({ read: 18, kept: 15 });
  });

  it('matches codes whatever their case, and zero-padded statistics codes stored as numbers', () => {
    expect(codeKey('03160')).toBe(codeKey('3160'));
    expect(codeKey(' dbp ')).toBe('DBP');
    expect(codeKey('0')).toBe('0');
    const reading = read(
      {
        type: 'FeatureCollection',
        features: [feature(polygon, { ma: 94 }), feature(polygon, { ma: 'dbp' })],
      },
      { unitCodes: ['094', 'DBP'] },
    );
    expect(reading.features.map(({ code, matched }) => ({ code, matched }))).toEqual([
      { code: '094', matched: true },
      { code: 'DBP', matched: true },
    ]);
    expect(reading.boundaries?.features.map((item) => item.properties.code)).toEqual(['094', 'DBP']);
  });

  it('uses the chosen property and reports codes that match no unit as unmatched, not as problems', () => {
    const reading = read(syntheticBoundaries([...CODES, 'Z9']), { codeProperty: 'ma_dv' });
    expect(reading.codeProblems).toEqual([]);
    expect(reading.features.filter((item) => !item.matched)).toEqual([
      { feature: 4, label: 'Ô thử nghiệm Z9', code: 'Z9', matched: false },
    ]);
    expect(reading.boundaries?.features).toHaveLength(4);
  });

  it.each([
    ['not JSON', '{"type": "FeatureCollection",', 'map.not-json'],
    ['TopoJSON', { type: 'Topology', objects: {}, arcs: [] }, 'map.topojson'],
    ['a single Feature', feature(polygon), 'map.not-feature-collection'],
    ['an array', [feature(polygon)], 'map.not-feature-collection'],
    ['features that are not an array', { type: 'FeatureCollection', features: {} }, 'map.not-feature-collection'],
    ['no features', { type: 'FeatureCollection', features: [] }, 'map.no-features'],
  ])('refuses %s', (_name, document, code) => {
    const reading = read(document);
    expect(reading.fileProblems.map((problem) => problem.code)).toEqual([code]);
    expect(reading.boundaries).toBeUndefined();
  });

  it('says which feature is wrong and why, for every feature', () => {
    const document = {
      type: 'FeatureCollection',
      features: [
        feature(polygon),
        feature(null, { ma_dv: 'B2', ten: 'Xã Hai' }),
        feature({ type: 'Point', coordinates: [103, 21] }, { ma_dv: 'C3' }),
        { type: 'Something' },
        // UTM metres, not degrees.
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [500000, 2350000],
              [500100, 2350000],
              [500100, 2350100],
              [500000, 2350000],
            ],
          ],
        }),
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        }),
        feature({
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [0, 0],
                [1, 'x'],
                [1, 1],
                [0, 0],
              ],
            ],
          ],
        }),
      ],
    };
    const reading = read(document);
    expect(
      reading.fileProblems.map(({ code, params, location }) => ({ code, feature: params?.feature, path: location?.path })),
    ).toEqual([
      { code: 'map.no-geometry', feature: 2, path: '/features/1/geometry' },
      { code: 'map.geometry-type', feature: 3, path: '/features/2/geometry/type' },
      { code: 'map.not-a-feature', feature: 4, path: '/features/3' },
      { code: 'map.coordinate-out-of-range', feature: 5, path: '/features/4/geometry/coordinates' },
      { code: 'map.bad-coordinates', feature: 6, path: '/features/5/geometry/coordinates' },
      { code: 'map.bad-coordinates', feature: 7, path: '/features/6/geometry/coordinates' },
    ]);
    expect(reading.fileProblems[0]?.params?.label).toBe(' (Xã Hai)');
    expect(reading.fileProblems[3]?.params).toMatchObject({ x: 500000, y: 2350000 });
    expect(reading.boundaries).toBeUndefined();
  });

  it('reports a missing or repeated code of the chosen property, and an unknown property', () => {
    const document = {
      type: 'FeatureCollection',
      features: [feature(polygon), feature(polygon, { ma_dv: '' }), feature(polygon, { ma_dv: 'a1' })],
    };
    const reading = read(document);
    expect(reading.fileProblems).toEqual([]);
    expect(reading.codeProblems.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'map.code-missing', params: { feature: 2, label: '', property: 'ma_dv' } },
      { code: 'map.duplicate-code', params: { feature: 3, code: 'A1', first: 1 } },
    ]);
    expect(reading.boundaries).toBeUndefined();
    expect(read(document, { codeProperty: 'ma' }).codeProblems).toEqual([
      { code: 'map.unknown-property', params: { property: 'ma', properties: 'ma_dv, ten' } },
    ]);
  });

  it('suggests nothing when no property holds a unit code', () => {
    const reading = read(syntheticBoundaries(['X', 'Y']));
    expect(reading.suggestedCodeProperty).toBeNull();
    expect(reading.codeProperty).toBeNull();
    expect(reading.boundaries).toBeUndefined();
  });

  it('keeps holes and the parts of a MultiPolygon, and closes an open ring', () => {
    const hole = [
      [0.25, 0.25],
      [0.75, 0.25],
      [0.75, 0.75],
      [0.25, 0.25],
    ];
    const open = [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 6],
    ];
    const reading = read({
      type: 'FeatureCollection',
      features: [feature({ type: 'MultiPolygon', coordinates: [[...square, hole], [open]] })],
    });
    expect(reading.boundaries?.features[0]?.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[...square, hole], [[...open, [5, 5]]]],
    });
  });
});

describe('normaliseRing', () => {
  it('simplifies a dense ring to what shows at the tolerance', () => {
    const circle = Array.from({ length: 20_000 }, (_, index) => {
      const angle = (index / 20_000) * 2 * Math.PI;
      return [103 + 0.5 * Math.cos(angle), 21 + 0.5 * Math.sin(angle)] as [number, number];
    });
    const ring = normaliseRing(circle) as [number, number][];
    expect(ring.length).toBeGreaterThan(20);
    expect(ring.length).toBeLessThan(400);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [x, y] of ring) expect(Math.hypot(x - 103, y - 21)).toBeCloseTo(0.5, 3);
  });

  it('drops a sliver smaller than the rounding', () => {
    expect(
      normaliseRing([
        [103.000001, 21.000001],
        [103.000002, 21.000001],
        [103.000002, 21.000002],
        [103.000001, 21.000001],
      ]),
    ).toBeNull();
  });
});
