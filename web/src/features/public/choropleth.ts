import type { ChartOption } from './chart-options';
import { FONT, TEXT } from './chart-options';

/**
 * The choropleth of a published ranking: the cohort's boundaries (from the administrator's GeoJSON)
 * coloured by each unit's index. Pure: the GeoJSON given to ECharts and the chart's option are built
 * here from plain figures, so the join and the texts are tested without drawing anything.
 */

type Position = number[];
export interface BoundaryFeature {
  type: 'Feature';
  properties: { code?: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export interface MapUnit {
  code: string;
  name: string;
  value: number | null;
  rank: number | null;
}

/** A shape with no published unit is named apart from every unit code (codes never start with "~"). */
const NO_UNIT = '~';

/**
 * The GeoJSON as ECharts reads it: each region named by its unit code (ECharts joins data to
 * regions by `properties.name`); a shape outside the published results gets a name of its own so
 * that it is drawn (grey) without joining anything.
 */
export function mapGeoJson(boundaries: BoundaryCollection) {
  return {
    type: 'FeatureCollection' as const,
    features: boundaries.features.map((feature, index) => ({
      type: 'Feature' as const,
      properties: { name: feature.properties.code ?? `${NO_UNIT}${index + 1}` },
      geometry: feature.geometry,
    })),
  };
}

/** [west, south, east, north] of the boundaries, in degrees; null without a point. */
export function boundsOf(boundaries: BoundaryCollection): [number, number, number, number] | null {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const visit = (ring: Position[]) => {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  };
  for (const feature of boundaries.features) {
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) visit(ring);
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/**
 * Width over height of a degree at the map's latitude: a degree of longitude shrinks with the cosine
 * of the latitude (0,93 at Điện Biên's 21–22° N), so shapes keep their proportions.
 */
export function aspectScaleOf(boundaries: BoundaryCollection): number {
  const bounds = boundsOf(boundaries);
  if (!bounds) return 1;
  const latitude = (bounds[1] + bounds[3]) / 2;
  return Math.max(Math.cos((latitude * Math.PI) / 180), 0.1);
}

/** The units of the ranking by code, and the ones the map can colour (those with a value and a shape). */
export function joinUnitsToMap(units: readonly MapUnit[], boundaries: BoundaryCollection) {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const shaped = new Set(boundaries.features.flatMap((feature) => (feature.properties.code ? [feature.properties.code] : [])));
  const coloured = units.filter((unit) => unit.value !== null && shaped.has(unit.code));
  return {
    byCode,
    coloured,
    /** Ranked units with no shape on the map: the caption says so. */
    missing: units.filter((unit) => unit.value !== null && !shaped.has(unit.code)),
  };
}

/** The colour scale's ends: the values' range widened to tenths, inside 0–1, never empty. */
export function scaleOf(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let low = Math.max(0, Math.floor(Math.min(...values) * 10) / 10);
  let high = Math.min(1, Math.ceil(Math.max(...values) * 10) / 10);
  if (high <= low) {
    low = Math.max(0, low - 0.1);
    high = Math.min(1, high + 0.1);
  }
  return [low, high];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export interface ChoroplethTexts {
  value: string;
  rank: string;
  notRanked: string;
  noData: string;
  /** "12 / 44" */
  rankOf: (rank: number) => string;
}

/** The tooltip of a region: the unit's name, its value (Vietnamese decimal comma) and its rank. */
export function regionTooltip(
  regionName: string,
  byCode: ReadonlyMap<string, MapUnit>,
  format: (value: number) => string,
  texts: ChoroplethTexts,
): string {
  const unit = byCode.get(regionName);
  if (!unit) return escapeHtml(texts.noData);
  const lines = [`<strong>${escapeHtml(unit.name)}</strong>`];
  if (unit.value === null) lines.push(escapeHtml(texts.notRanked));
  else {
    lines.push(`${escapeHtml(texts.value)}: ${escapeHtml(format(unit.value))}`);
    if (unit.rank !== null) lines.push(`${escapeHtml(texts.rank)}: ${escapeHtml(texts.rankOf(unit.rank))}`);
  }
  return lines.join('<br/>');
}

/** Colour-blind safe, light to dark (ColorBrewer YlGnBu): a higher index reads as a darker area. */
export const SCALE_COLORS = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'];
/** Areas without a published value. */
export const NO_DATA_COLOR = '#dee2e6';

export function choroplethOption(input: {
  mapName: string;
  boundaries: BoundaryCollection;
  units: readonly MapUnit[];
  format: (value: number) => string;
  /** The colour scale's ends, tenths (0,4 – 0,9). */
  formatScale: (value: number) => string;
  texts: ChoroplethTexts;
  compact: boolean;
}): ChartOption {
  const { byCode, coloured } = joinUnitsToMap(input.units, input.boundaries);
  const [low, high] = scaleOf(coloured.map((unit) => unit.value as number));
  // Names on the map only when they fit: a wide screen and a district-sized cohort.
  const showNames = !input.compact && input.boundaries.features.length <= 20;
  return {
    textStyle: { fontFamily: FONT, color: TEXT },
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        return regionTooltip(String(item?.name ?? ''), byCode, input.format, input.texts);
      },
    },
    visualMap: {
      type: 'continuous',
      min: low,
      max: high,
      calculable: false,
      realtime: false,
      inRange: { color: SCALE_COLORS },
      formatter: (value) => input.format(Number(value)),
      text: [input.formatScale(high), input.formatScale(low)],
      showLabel: false,
      orient: input.compact ? 'horizontal' : 'vertical',
      left: input.compact ? 'center' : 8,
      bottom: 8,
      itemWidth: 14,
      itemHeight: input.compact ? 160 : 140,
      textStyle: { color: TEXT },
    },
    series: [
      {
        type: 'map',
        map: input.mapName,
        roam: false,
        selectedMode: false,
        aspectScale: aspectScaleOf(input.boundaries),
        // The box below is the room the map may take; shapes keep their proportions inside it.
        preserveAspect: 'contain',
        preserveAspectAlign: 'center',
        preserveAspectVerticalAlign: 'middle',
        top: 8,
        bottom: input.compact ? 64 : 8,
        left: input.compact ? 8 : 96,
        right: 8,
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 1 },
        emphasis: {
          itemStyle: { areaColor: '#ffd43b', borderColor: '#212529', borderWidth: 2 },
          label: { show: showNames, color: '#212529' },
        },
        label: {
          show: showNames,
          formatter: ({ name }) => byCode.get(String(name))?.name ?? '',
          fontSize: 10,
          color: '#212529',
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
        },
        data: coloured.map((unit) => ({ name: unit.code, value: unit.value as number })),
      },
    ],
  };
}
