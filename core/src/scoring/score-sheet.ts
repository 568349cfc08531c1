import type { CompiledFramework } from '../frameworks/framework-model.js';

export interface UnitRef {
  code: string;
  name: string;
}

/**
 * Everything the engine needs about one cohort's answers, in flat typed arrays so that scoring
 * 10,000 units × 100 indicators is a few passes over a few megabytes.
 *
 * Indicator arrays are unit-major: the cell of unit u and indicator position i is `u × I + i`.
 * Node arrays (values supplied above the indicator level) are `u × N + node`. NaN means "not given".
 */
export interface ScoreSheet {
  framework: CompiledFramework;
  units: UnitRef[];
  /** Points the unit gave itself (điểm tự đánh giá), from its raw input or typed directly. */
  selfPoints: Float64Array;
  /** Points the council settled on (điểm thẩm định); NaN where the council accepted the self points. */
  appraisedPoints: Float64Array;
  /** Raw numbers of cohort-relative methods (relative to best, min–max), scored by the engine. */
  rawValues: Float64Array;
  /** Appraised raw numbers of cohort-relative methods, when the council corrected the count. */
  appraisedRawValues: Float64Array;
  /** 1 where the indicator is "không đánh giá" for that unit. */
  notAssessed: Uint8Array;
  /** Official 0–1 values supplied for main indices or groups (e.g. published by the Ministry). */
  suppliedValues: Float64Array | undefined;
  /** Self-assessed 0–1 values supplied above the indicator level. */
  suppliedSelfValues: Float64Array | undefined;
  /** 1 where a whole main index or group is not assessed. */
  nodeNotAssessed: Uint8Array | undefined;
}

export function createScoreSheet(framework: CompiledFramework, units: UnitRef[]): ScoreSheet {
  const cells = units.length * framework.indicatorNodes.length;
  return {
    framework,
    units,
    selfPoints: new Float64Array(cells).fill(Number.NaN),
    appraisedPoints: new Float64Array(cells).fill(Number.NaN),
    rawValues: new Float64Array(cells).fill(Number.NaN),
    appraisedRawValues: new Float64Array(cells).fill(Number.NaN),
    notAssessed: new Uint8Array(cells),
    suppliedValues: undefined,
    suppliedSelfValues: undefined,
    nodeNotAssessed: undefined,
  };
}

/** Allocates the node-level arrays the first time a value above indicator level is supplied. */
export function ensureNodeArrays(sheet: ScoreSheet): {
  suppliedValues: Float64Array;
  suppliedSelfValues: Float64Array;
  nodeNotAssessed: Uint8Array;
} {
  const cells = sheet.units.length * sheet.framework.nodes.length;
  sheet.suppliedValues ??= new Float64Array(cells).fill(Number.NaN);
  sheet.suppliedSelfValues ??= new Float64Array(cells).fill(Number.NaN);
  sheet.nodeNotAssessed ??= new Uint8Array(cells);
  return {
    suppliedValues: sheet.suppliedValues,
    suppliedSelfValues: sheet.suppliedSelfValues,
    nodeNotAssessed: sheet.nodeNotAssessed,
  };
}
