import { compileFramework } from '../frameworks/compile-framework.js';
import type { CompiledFramework } from '../frameworks/framework-model.js';
import { parseFramework } from '../frameworks/load-framework.js';
import { readScoreRows } from '../scoring/read-score-rows.js';
import { type CohortScores, scoreCohort } from '../scoring/score-cohort.js';

/**
 * A 100-point framework small enough to compute by hand:
 *   A (group)  1 Awareness 40 = 1.1 yes/no 10 + 1.2 meetings (thresholds) 20 + 1.3 ratio 10
 *              2 Institutions 30 = 2.1 direct 30
 *   B (group)  3 Activities 30 = 3.1 relative to best 15 + 3.2 options 15
 * Pillar P = main indices 1 and 3.
 */
export const TINY_FRAMEWORK_YAML = `
id: tiny
name: Bộ chỉ số thử
year: 2024
unitKind: commune
legalBasis: { document: "1/QĐ-TEST", date: "2024-01-02", issuer: UBND tỉnh Thử }
aggregation: sum
maxPoints: 100
precision: 4
groups:
  - { code: A, name: Nền tảng }
  - { code: B, name: Hoạt động }
mainIndices:
  - code: "1"
    name: Nhận thức số
    group: A
    maxPoints: 40
    indicators:
      - { code: "1.1", name: Trưởng ban là người đứng đầu, maxPoints: 10, method: yesNo }
      - code: "1.2"
        name: Số cuộc họp
        maxPoints: 20
        method: { type: thresholds, steps: [{ atLeast: 4, points: 20 }, { atLeast: 3, points: 15 }, { atLeast: 2, points: 10 }, { atLeast: 1, points: 5 }] }
      - { code: "1.3", name: Tỷ lệ cán bộ được tập huấn, maxPoints: 10, method: ratio }
  - code: "2"
    name: Thể chế số
    group: A
    maxPoints: 30
    indicators:
      - { code: "2.1", name: Kế hoạch chuyển đổi số, maxPoints: 30 }
  - code: "3"
    name: Hoạt động
    group: B
    maxPoints: 30
    indicators:
      - { code: "3.1", name: Số hồ sơ trực tuyến, maxPoints: 15, method: relativeToBest }
      - code: "3.2"
        name: Chủ trì
        maxPoints: 15
        method: { type: options, options: [{ code: head, label: Người đứng đầu, points: 15 }, { code: deputy, label: Cấp phó, points: 7.5 }] }
pillars:
  - { code: P, name: Chính quyền số, mainIndices: ["1", "3"] }
`;

export function tinyFramework(): CompiledFramework {
  return compileFramework(parseFramework(TINY_FRAMEWORK_YAML, 'tiny.yaml'));
}

/** Builds a score table from compact rows: [unit, indicator, value, points, appraised, notAssessed]. */
export function tableOf(rows: (string | undefined)[][]) {
  return {
    file: 'answers.csv',
    header: ['unit_code', 'unit_name', 'indicator', 'value', 'points', 'appraised_points', 'not_assessed'],
    rows: rows.map(([unit, indicator, value, points, appraised, notAssessed]) => [
      unit,
      `Đơn vị ${unit}`,
      indicator,
      value,
      points,
      appraised,
      notAssessed,
    ]),
  };
}

/**
 * Three units of the tiny framework with every reason to lose points (no answer, partial, zero,
 * "không đánh giá", a band below the top): the cohort the plan draft and its targets are tested on.
 */
export const TINY_COHORT_ROWS: readonly string[][] = [
  ['U1', '1.1', 'có'],
  ['U1', '1.2', '2'],
  ['U1', '1.3', '', '', '', 'x'],
  ['U1', '2.1', '', '30'],
  ['U1', '3.1', '40'],
  ['U2', '1.1', 'có'],
  ['U2', '1.2', '4'],
  ['U2', '2.1', '', '25'],
  ['U2', '3.1', '80'],
  ['U2', '3.2', 'head'],
  ['U3', '1.1', 'không'],
  ['U3', '1.2', '4'],
  ['U3', '1.3', '5/10'],
  ['U3', '2.1', '', '30', '20'],
  ['U3', '3.1', '80'],
  ['U3', '3.2', 'deputy'],
];

/** TINY_COHORT_ROWS scored. */
export function tinyCohortScores(): CohortScores {
  return scoreCohort(readScoreRows(tinyFramework(), tableOf(TINY_COHORT_ROWS.map((row) => [...row]))).sheet);
}
