import { indicatorOverview, type ResultSet, sortByRank, type UnitResult } from '@opendti/core';
import { type DocumentData, DocumentImage } from './fill-template.js';
import {
  formatDay,
  formatPoints,
  formatRank,
  formatSignedInteger,
  formatSignedValue,
  formatValue,
  MISSING,
} from './format-values.js';
import { blankNumber, headerFields, type ProvinceHeader } from './province-header.js';
import type { PeriodFacts, PublishedCohort } from './published-cohort.js';
import { CHART_WIDTH_PX, chartHeightPx, renderRankingChart } from './render-chart.js';

/** How many indicators the strongest and weakest tables list. */
export const INDICATOR_TABLE_LENGTH = 5;

const CHART_WIDTH_CM = 16;
const CHART_MAX_HEIGHT_CM = 23;

export function pointsOutOf(points: number | null, max: number | null): string {
  return `${formatPoints(points)} / ${formatPoints(max)}`;
}

/** The publication decision as a sentence: "Quyết định số 12/QĐ-UBND ngày 15/03/2026 của …". */
export function publicationText(period: PeriodFacts): string {
  const decision = period.publicationDecision;
  if (!decision) return 'quyết định công bố của cơ quan có thẩm quyền';
  return `Quyết định số ${decision.number} ngày ${formatDay(decision.date)} (${decision.signerTitle} ${decision.signerName} ký)`;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function extremes(units: UnitResult[], valueAt: (unit: UnitResult) => number | null) {
  let best: UnitResult | undefined;
  let worst: UnitResult | undefined;
  for (const unit of units) {
    const value = valueAt(unit);
    if (value === null) continue;
    if (!best || value > (valueAt(best) ?? -1)) best = unit;
    if (!worst || value < (valueAt(worst) ?? 2)) worst = unit;
  }
  return { best, worst };
}

/** The chart as an image sized for the page: 16 cm wide, at most 23 cm high. */
export function rankingChartImage(results: ResultSet, units: UnitResult[]): DocumentImage {
  const precision = results.framework.precision;
  const widthPx = CHART_WIDTH_PX;
  const png = renderRankingChart(
    units.map((unit) => ({ label: unit.name, value: unit.value })),
    (value) => formatValue(value, precision),
  );
  const heightPx = chartHeightPx(units.length);
  let width = CHART_WIDTH_CM;
  let height = (CHART_WIDTH_CM * heightPx) / widthPx;
  if (height > CHART_MAX_HEIGHT_CM) {
    width = (width * CHART_MAX_HEIGHT_CM) / height;
    height = CHART_MAX_HEIGHT_CM;
  }
  return new DocumentImage(png, width, height, `Biểu đồ xếp hạng ${results.framework.name}`);
}

function cohortData(cohort: PublishedCohort, number: number): DocumentData {
  const { results } = cohort;
  const precision = results.framework.precision;
  const units = sortByRank(results.units);
  const { best, worst } = extremes(units, (unit) => unit.value);
  const average = mean(units.flatMap((unit) => (unit.value === null ? [] : [unit.value])));
  const moved = units.filter((unit) => unit.change?.rank !== undefined && unit.change.rank !== null);
  const previousText =
    cohort.previousYear !== undefined
      ? `So với năm ${cohort.previousYear}: ${moved.filter((unit) => (unit.change?.rank ?? 0) > 0).length} đơn vị tăng hạng, ${moved.filter((unit) => (unit.change?.rank ?? 0) < 0).length} đơn vị giảm hạng.`
      : 'Chưa có kết quả năm trước để so sánh.';
  const mainIndexCodes = units[0]?.mainIndices.map((main) => main.code) ?? [];
  const mainOf = (unit: UnitResult, code: string) => unit.mainIndices.find((main) => main.code === code);
  const overview = cohort.scores ? indicatorOverview(cohort.scores, results) : undefined;
  const indicatorRow = (item: NonNullable<typeof overview>['indicators'][number]): DocumentData => ({
    code: item.code,
    name: item.name,
    max: formatPoints(item.max),
    full: String(item.full),
    partial: String(item.partial),
    zero: String(item.zero),
    lost: formatPoints(item.lost),
  });
  const weakest = (overview?.indicators ?? []).filter((item) => item.lost > 0).slice(0, INDICATOR_TABLE_LENGTH);
  const strongest = [...(overview?.indicators ?? [])]
    .sort((a, b) => b.full - a.full || a.lost - b.lost || a.code.localeCompare(b.code))
    .slice(0, INDICATOR_TABLE_LENGTH);
  return {
    cohortNumber: String(number),
    cohortName: cohort.cohortName,
    frameworkName: results.framework.name,
    maxPoints: formatPoints(results.framework.max),
    cohortUnitCount: String(units.length),
    averageValue: formatValue(average, precision),
    bestUnit: best?.name ?? MISSING,
    bestValue: formatValue(best?.value, precision),
    worstUnit: worst?.name ?? MISSING,
    worstValue: formatValue(worst?.value, precision),
    previousText,
    ranking: units.map(
      (unit): DocumentData => ({
        rank: formatRank(unit.rank),
        code: unit.code,
        name: unit.name,
        points: pointsOutOf(unit.points, unit.max),
        value: formatValue(unit.value, precision),
        valueChange: formatSignedValue(unit.change?.value, precision),
        rankChange: formatSignedInteger(unit.change?.rank),
      }),
    ),
    rankingChart: rankingChartImage(results, units),
    mainIndices: mainIndexCodes.map((code): DocumentData => {
      const first = units[0] ? mainOf(units[0], code) : undefined;
      const valueAt = (unit: UnitResult) => mainOf(unit, code)?.value ?? null;
      const ends = extremes(units, valueAt);
      const max = Math.max(...units.map((unit) => mainOf(unit, code)?.max ?? 0));
      return {
        code,
        name: first?.name ?? code,
        max: formatPoints(max),
        average: formatValue(mean(units.flatMap((unit) => (valueAt(unit) === null ? [] : [valueAt(unit) as number]))), precision),
        best: ends.best ? `${ends.best.name} (${formatValue(valueAt(ends.best), precision)})` : MISSING,
        worst: ends.worst ? `${ends.worst.name} (${formatValue(valueAt(ends.worst), precision)})` : MISSING,
      };
    }),
    weakest: weakest.map(indicatorRow),
    strongest: strongest.map(indicatorRow),
    mainIndexTables: mainIndexCodes.map((code): DocumentData => {
      const first = units[0] ? mainOf(units[0], code) : undefined;
      const ranked = [...units].sort(
        (a, b) =>
          (mainOf(a, code)?.rank ?? Number.MAX_SAFE_INTEGER) - (mainOf(b, code)?.rank ?? Number.MAX_SAFE_INTEGER) ||
          a.code.localeCompare(b.code),
      );
      return {
        title: `${code}. ${first?.name ?? ''}`,
        rows: ranked.map((unit): DocumentData => {
          const main = mainOf(unit, code);
          return {
            rank: formatRank(main?.rank),
            code: unit.code,
            name: unit.name,
            points: pointsOutOf(main?.points ?? null, main?.max ?? null),
            value: formatValue(main?.value, precision),
          };
        }),
      };
    }),
  };
}

/** The result report of a published period (issue 13, document 1). */
export function buildResultReportData(
  period: PeriodFacts,
  cohorts: PublishedCohort[],
  header: ProvinceHeader,
  day: string,
): DocumentData {
  const precision = cohorts[0]?.results.framework.precision ?? 4;
  return {
    ...headerFields(header, day, blankNumber('BC', header)),
    periodName: period.name,
    periodYear: String(period.year),
    unitCount: String(cohorts.reduce((sum, cohort) => sum + cohort.results.units.length, 0)),
    cohortCount: String(cohorts.length),
    publicationText: publicationText(period),
    precision: String(precision),
    cohorts: cohorts.map((cohort, index) => cohortData(cohort, index + 1)),
  };
}

/** The appendix of the publication decision: the official ranking tables (issue 13, document 2). */
export function buildDecisionAppendixData(
  period: PeriodFacts,
  cohorts: PublishedCohort[],
  header: ProvinceHeader,
  day: string,
): DocumentData {
  const decision = period.publicationDecision;
  return {
    ...headerFields(header, decision?.date ?? day, decision?.number ?? blankNumber('QĐ', header)),
    periodYear: String(period.year),
    decisionNumber: decision?.number ?? '……',
    decisionDate: decision ? formatDay(decision.date) : '……',
    // One line: the parent body may be set on two lines for the header.
    decisionIssuer: (header.parentBody || header.issuingBody).replace(/\s*\n\s*/g, ' '),
    ...(decision ? { signerTitle: decision.signerTitle.toLocaleUpperCase('vi'), signerName: decision.signerName } : {}),
    cohorts: cohorts.map((cohort, index): DocumentData => {
      const precision = cohort.results.framework.precision;
      return {
        cohortNumber: toRoman(index + 1),
        cohortName: cohort.cohortName,
        frameworkName: cohort.results.framework.name,
        maxPoints: formatPoints(cohort.results.framework.max),
        ranking: sortByRank(cohort.results.units).map(
          (unit, position): DocumentData => ({
            stt: String(position + 1),
            code: unit.code,
            name: unit.name,
            points: pointsOutOf(unit.points, unit.max),
            value: formatValue(unit.value, precision),
            rank: formatRank(unit.rank),
          }),
        ),
      };
    }),
  };
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
export function toRoman(value: number): string {
  let rest = value;
  let text = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}
