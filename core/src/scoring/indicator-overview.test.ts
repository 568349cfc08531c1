import { describe, expect, it } from 'vitest';
import { compileFramework } from '../frameworks/compile-framework.js';
import { parseFramework } from '../frameworks/load-framework.js';
import { tableOf, tinyFramework } from '../test-support/tiny-framework.js';
import { analyseUnit } from './analyse-unit.js';
import { indicatorOverview } from './indicator-overview.js';
import { readScoreRows } from './read-score-rows.js';
import { presentCohort } from './result-set.js';
import { scoreCohort } from './score-cohort.js';

const overviewOf = (framework: ReturnType<typeof tinyFramework>, rows: (string | undefined)[][]) => {
  const { sheet, problems } = readScoreRows(framework, tableOf(rows));
  expect(problems).toEqual([]);
  const scores = scoreCohort(sheet);
  return { scores, overview: indicatorOverview(scores, presentCohort(scores)) };
};

describe('indicatorOverview, a framework of sums (yes/no, thresholds, ratio, direct, relative to best, options)', () => {
  // U1: 1.1 yes 10/10, 1.2 two meetings 10/20, 1.3 not assessed, 2.1 direct 30/30, 3.1 40 of best 80 → 7,5/15, 3.2 unanswered 0/15.
  // U2: 1.1 10/10, 1.2 20/20, 1.3 ratio 3/4 → 7,5/10, 2.1 25/30, 3.1 best 15/15, 3.2 head 15/15.
  // U3: 1.1 "không" 0/10, 1.2 unanswered, 1.3 ratio 4/4 → 10/10, 2.1 0/30, 3.1 nothing → 0, 3.2 deputy 7,5/15.
  const { scores, overview } = overviewOf(tinyFramework(), [
    ['U1', '1.1', 'có'],
    ['U1', '1.2', '2'],
    ['U1', '1.3', '', '', '', 'x'],
    ['U1', '2.1', '', '30'],
    ['U1', '3.1', '40'],
    ['U2', '1.1', 'có'],
    ['U2', '1.2', '4'],
    ['U2', '1.3', '3/4'],
    ['U2', '2.1', '', '25'],
    ['U2', '3.1', '80'],
    ['U2', '3.2', 'head'],
    ['U3', '1.1', 'không'],
    ['U3', '1.3', '4/4'],
    ['U3', '2.1', '', '0'],
    ['U3', '3.1', '0'],
    ['U3', '3.2', 'deputy'],
  ]);

  it('counts full, partial, zero and not assessed per indicator, with the points lost, the most lost first', () => {
    expect(
      overview.indicators.map((item) => [item.code, item.full, item.partial, item.zero, item.notAssessed, item.lost]),
    ).toEqual([
      ['2.1', 1, 1, 1, 0, 35],
      ['1.2', 1, 1, 1, 0, 30],
      ['3.1', 1, 1, 1, 0, 22.5], // a tie keeps the framework's order
      ['3.2', 1, 1, 1, 0, 22.5],
      ['1.1', 2, 0, 1, 0, 10],
      ['1.3', 1, 1, 0, 1, 2.5],
    ]);
    expect(overview.indicators.find((item) => item.code === '1.3')).toMatchObject({
      mainIndex: '1',
      max: 10,
      meanShare: (0.75 + 1) / 2,
    });
  });

  it('agrees with the unit page: the same statuses and points lost, unit by unit', () => {
    for (const unit of ['U1', 'U2', 'U3']) {
      for (const main of analyseUnit(scores, unit)) {
        const own = overview.mainIndices.find((item) => item.code === main.code);
        expect(own?.indicators).toEqual(
          [...main.full, ...main.partial, ...main.zero, ...main.notAssessed]
            .map((item) => item.code)
            .sort((a, b) => a.localeCompare(b)),
        );
      }
    }
    const lostOnUnitPages = ['U1', 'U2', 'U3']
      .flatMap((unit) => analyseUnit(scores, unit))
      .reduce((sum, main) => sum + main.lost, 0);
    expect(overview.indicators.reduce((sum, item) => sum + item.lost, 0)).toBeCloseTo(lostOnUnitPages, 9);
    expect(overview.mainIndices.map((main) => [main.code, main.max, main.lost])).toEqual([
      ['1', 40, 42.5],
      ['2', 30, 35],
      ['3', 30, 45],
    ]);
  });

  it('gives the heatmap: units by rank, published main-index values, indicator points with null where not assessed', () => {
    expect(overview.units.map((unit) => [unit.code, unit.rank, unit.mainIndexValues])).toEqual([
      ['U2', 1, [0.9375, 0.8333, 1]],
      ['U1', 2, [0.6667, 1, 0.25]],
      ['U3', 3, [0.25, 0, 0.25]],
    ]);
    expect(overview.indicatorOrder).toEqual(['1.1', '1.2', '1.3', '2.1', '3.1', '3.2']);
    expect(overview.units[1]?.indicatorPoints).toEqual([10, 10, null, 30, 7.5, 0]);
  });
});

describe('indicatorOverview, a framework of weighted means', () => {
  const framework = compileFramework(
    parseFramework(
      `
id: mean
name: Chỉ số trung bình
year: 2024
unitKind: province
legalBasis: { document: "1/QĐ-TEST", date: "2024-01-02", issuer: Bộ Thử }
aggregation: weightedMean
scale: 100
precision: 4
groups:
  - { code: G, name: Nhóm }
mainIndices:
  - code: "1"
    name: Hạ tầng
    group: G
    weight: 2
    indicators:
      - { code: "1.1", name: Tỷ lệ hộ có cáp quang, method: ratio, weight: 3 }
      - { code: "1.2", name: Có trung tâm dữ liệu, method: yesNo, weight: 1 }
  - code: "2"
    name: Nhân lực
    group: G
    weight: 1
    indicators:
      - { code: "2.1", name: Điểm trực tiếp }
`,
      'mean.yaml',
    ),
  );
  // Points are on the framework's scale (100): a ratio 1/2 → 50, yes → 100, no → 0.
  const { overview } = overviewOf(framework, [
    ['P1', '1.1', '1/2'],
    ['P1', '1.2', 'có'],
    ['P1', '2.1', '', '40'],
    ['P2', '1.1', '2/2'],
    ['P2', '1.2', 'không'],
  ]);

  it('measures every indicator out of the scale and leaves a missing value out, as the mean does', () => {
    expect(
      overview.indicators.map((item) => [item.code, item.max, item.full, item.partial, item.zero, item.notAssessed, item.lost]),
    ).toEqual([
      ['1.2', 100, 1, 0, 1, 0, 100],
      ['2.1', 100, 0, 1, 0, 1, 60],
      ['1.1', 100, 1, 1, 0, 0, 50],
    ]);
    expect(overview.mainIndices.map((main) => [main.code, main.max, main.lost])).toEqual([
      ['1', 100, 150],
      ['2', 100, 60],
    ]);
  });

  it('shows the weighted main-index values in the heatmap, a main index with nothing scored as null', () => {
    // P1: main 1 = (3 × 0,5 + 1 × 1) / 4 = 0,625, overall (2 × 0,625 + 0,4) / 3 = 0,55;
    // P2: main 1 = (3 × 1 + 0) / 4 = 0,75, main 2 missing, overall 0,75: first.
    expect(overview.units.map((unit) => [unit.code, unit.rank, unit.mainIndexValues, unit.indicatorPoints])).toEqual([
      ['P2', 1, [0.75, null], [100, 0, null]],
      ['P1', 2, [0.625, 0.4], [50, 100, 40]],
    ]);
  });
});
