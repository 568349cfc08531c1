import { compileFramework } from '../frameworks/compile-framework.js';
import type { CompiledFramework } from '../frameworks/framework-model.js';
import { parseFramework } from '../frameworks/load-framework.js';

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
