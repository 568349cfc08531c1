import { describe, expect, it } from 'vitest';
import {
  aspectScaleOf,
  type BoundaryCollection,
  boundsOf,
  choroplethOption,
  joinUnitsToMap,
  mapGeoJson,
  NO_DATA_COLOR,
  regionTooltip,
  scaleOf,
} from './choropleth';

/** Synthetic squares (not geography), as the public map route serves them. */
const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];
const boundaries: BoundaryCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: square(102, 21) } },
    {
      type: 'Feature',
      properties: { code: 'B' },
      geometry: { type: 'MultiPolygon', coordinates: [square(103, 21), square(104, 22)] },
    },
    { type: 'Feature', properties: { code: 'C' }, geometry: { type: 'Polygon', coordinates: square(102, 22) } },
    // A shape outside the published results: no code.
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(101, 21) } },
  ],
};
const units = [
  { code: 'A', name: 'Huyện <A>', value: 0.8482, rank: 1 },
  { code: 'B', name: 'Huyện B', value: 0.4123, rank: 2 },
  { code: 'C', name: 'Huyện C', value: null, rank: null },
  { code: 'D', name: 'Huyện D (không có hình)', value: 0.3, rank: 3 },
];
const vi = (value: number) => value.toFixed(4).replace('.', ',');
const texts = {
  value: 'Chỉ số',
  rank: 'Hạng',
  notRanked: 'Chưa xếp hạng',
  noData: 'Không có trong kết quả công bố',
  rankOf: (rank: number) => `${rank}/4`,
};

describe('the choropleth', () => {
  it('names each region by its unit code, and a shape without a unit apart', () => {
    expect(mapGeoJson(boundaries).features.map((feature) => feature.properties.name)).toEqual(['A', 'B', 'C', '~4']);
  });

  it('colours the units with a value and a shape, and tells which ranked units have no shape', () => {
    const joined = joinUnitsToMap(units, boundaries);
    expect(joined.coloured.map((unit) => unit.code)).toEqual(['A', 'B']);
    expect(joined.missing.map((unit) => unit.code)).toEqual(['D']);
  });

  it('keeps shapes in proportion at their latitude', () => {
    expect(boundsOf(boundaries)).toEqual([101, 21, 105, 23]);
    expect(aspectScaleOf(boundaries)).toBeCloseTo(Math.cos((22 * Math.PI) / 180), 6);
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  it.each([
    [
      [0.4123, 0.8482],
      [0.4, 0.9],
    ],
    [
      [0.5, 0.5],
      [0.4, 0.6],
    ],
    [
      [0, 1],
      [0, 1],
    ],
    [[], [0, 1]],
  ] as const)('scales %j to %j', (values, scale) => {
    expect(scaleOf(values)).toEqual(scale);
  });

  it('shows name, value in Vietnamese format and rank on hover, escaping the names', () => {
    const byCode = joinUnitsToMap(units, boundaries).byCode;
    expect(regionTooltip('A', byCode, vi, texts)).toBe('<strong>Huyện &#60;A&#62;</strong><br/>Chỉ số: 0,8482<br/>Hạng: 1/4');
    expect(regionTooltip('C', byCode, vi, texts)).toBe('<strong>Huyện C</strong><br/>Chưa xếp hạng');
    expect(regionTooltip('~4', byCode, vi, texts)).toBe('Không có trong kết quả công bố');
  });

  it('builds a map series joined by code, a colour scale and a phone layout', () => {
    const option = choroplethOption({
      mapName: 'thu',
      boundaries,
      units,
      format: vi,
      formatScale: (value) => value.toFixed(1).replace('.', ','),
      texts,
      compact: true,
    });
    const series = (option.series as { type: string; map: string; data: unknown[]; itemStyle: { areaColor: string } }[])[0];
    expect(series?.type).toBe('map');
    expect(series?.map).toBe('thu');
    expect(series?.data).toEqual([
      { name: 'A', value: 0.8482 },
      { name: 'B', value: 0.4123 },
    ]);
    expect(series?.itemStyle.areaColor).toBe(NO_DATA_COLOR);
    expect(option.visualMap).toMatchObject({ min: 0.4, max: 0.9, orient: 'horizontal', text: ['0,9', '0,4'] });
    const wide = choroplethOption({
      mapName: 'thu',
      boundaries,
      units,
      format: vi,
      formatScale: (value) => value.toFixed(1).replace('.', ','),
      texts,
      compact: false,
    });
    expect(wide.visualMap).toMatchObject({ orient: 'vertical' });
    const tooltip = wide.tooltip as { formatter: (params: { name: string }) => string };
    expect(tooltip.formatter({ name: 'B' })).toContain('Chỉ số: 0,4123');
  });
});
