/**
 * The framework model: one version of an index framework (Bộ chỉ số) as data.
 *
 * A framework file (YAML or JSON, see `frameworks/README.md`) is parsed into a `FrameworkDocument`,
 * validated against `frameworks/schema/framework.schema.json` and the rules in `validate-framework.ts`,
 * then compiled into the flat, index-based `CompiledFramework` the scoring engine walks.
 */
import type { Locale } from '../errors/problem.js';

/** The kinds of unit a framework can assess; a period has one framework per kind (cohort). */
export const UNIT_KINDS = ['province', 'department', 'district', 'commune', 'ministry', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit's kind, said of one unit ("Cấp huyện": the district of Mường Nhé is a district-level unit). */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, Readonly<Record<Locale, string>>>> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  ministry: { vi: 'Bộ, ngành', en: 'Ministry' },
  other: { vi: 'Khác', en: 'Other' },
};

/**
 * The units of one kind assessed and ranked together (a cohort, "nhóm đơn vị"), named as the
 * published ranking names them: "Huyện, thị xã, thành phố" heads the districts' table.
 */
export const COHORT_LABELS: Readonly<Record<UnitKind, Readonly<Record<Locale, string>>>> = {
  department: { vi: 'Sở, ban, ngành', en: 'Departments' },
  district: { vi: 'Huyện, thị xã, thành phố', en: 'Districts, towns and cities' },
  commune: { vi: 'Xã, phường', en: 'Communes and wards' },
  province: { vi: 'Tỉnh, thành phố', en: 'Provinces' },
  ministry: { vi: 'Bộ, ngành', en: 'Ministries' },
  other: { vi: 'Đơn vị khác', en: 'Other units' },
};

/**
 * How a node's score is built from its children.
 * - `sum`: points add up (Điện Biên, national DTI). value = points ÷ max.
 * - `weightedMean`: composite-indicator style (ICT Index, COINr): value = weighted mean of the
 *   children's values; points = value × scale.
 */
export type Aggregation = 'sum' | 'weightedMean';

export interface LegalBasis {
  /** Document number as printed, e.g. "2001/QĐ-UBND". */
  document: string;
  /** ISO date, e.g. "2022-10-31". */
  date: string;
  issuer: string;
  title?: string;
  /** Where in the document the table is, e.g. "Bảng 1". */
  table?: string;
}

export interface ThresholdStep {
  /** The raw value must be at least this to earn `points`. */
  atLeast: number;
  points: number;
}

export interface ScoringOption {
  /** Machine code typed in the input, e.g. "head". */
  code: string;
  /** Label shown to people, e.g. "Người đứng đầu làm Trưởng ban". */
  label: string;
  points: number;
}

/** Scoring methods: how an indicator's raw input becomes points. */
export type ScoringMethod =
  /** Yes/no (có/không): full marks or zero. */
  | { type: 'yesNo' }
  /**
   * "Triển khai được bao nhiêu tính điểm bấy nhiêu": a ÷ b × max, capped at max; `target` is the ratio
   * that earns full marks (default 1). A ratio of the seed's tables counts a part of a whole (trained
   * officials ÷ all officials), so a above b is a typing error and is refused; `allowOver100` marks
   * the rare ratio that may pass 100 % (an achievement against a plan), still capped at the maximum.
   */
  | RatioMethod
  /**
   * Steps on a count, e.g. 4 meetings → 20, 3 → 15, 2 → 10, 1 → 5. `absentLabel` names the answer
   * "there is nothing to count" (no section at all: "Chưa có chuyên mục"), typed as "không", scored 0
   * even where a count of 0 earns a step.
   */
  | { type: 'thresholds'; steps: ThresholdStep[]; absentLabel?: string }
  /** Categorical choice, e.g. the head chairs → full, a deputy → half. */
  | { type: 'options'; options: ScoringOption[] }
  /** A count scored against the best unit of the cohort: value ÷ best × max. */
  | { type: 'relativeToBest' }
  /** Min–max normalisation over the cohort, direction 1 (higher is better) or −1 (lower is better). */
  | { type: 'minMax'; direction: 1 | -1 }
  /** Points judged directly (by the unit, then the council), between 0 and max. */
  | { type: 'direct' }
  /**
   * An indicator in parts that add up: each part has its own points and its own method (a quarter
   * on time / late / missing; a yes/no half and a ratio half). The parts' points sum to the maximum.
   */
  | { type: 'parts'; parts: MethodPart[] };

/**
 * a ÷ b × max, with the rules the 2026 frameworks write out:
 * - `target`: the ratio that earns full marks, reached gradually (ratio ÷ target × max; default 1);
 * - `fullAt`: at or above this ratio full marks, below it ratio × max — a jump at the threshold
 *   (DTI-28: ≥ 75 % → 5 points, 74 % → 3,7);
 * - `zeroBelow`: below this ratio 0 points (DTI-12: under 90 % → 0; `zeroBelow: 1` is all or nothing at 100 %);
 * - `whenNoneCounted: full`: nothing to count (b = 0) earns full marks ("no complaints received");
 *   otherwise a zero denominator is refused;
 * - `inputs`, `numerator`, `denominator`: a ratio of sums of named figures, asked by their meaning,
 *   e.g. (b + d) ÷ (a + c); without them the ratio is a ÷ b labelled by numeratorLabel/denominatorLabel.
 */
export interface RatioMethod {
  type: 'ratio';
  target?: number;
  allowOver100?: boolean;
  fullAt?: number;
  zeroBelow?: number;
  whenNoneCounted?: 'full';
  inputs?: RatioInput[];
  numerator?: string[];
  denominator?: string[];
}

/** One named figure of a ratio of sums: `code` as the source letters it ("a"), `label` its meaning. */
export interface RatioInput {
  code: string;
  label: string;
}

/** Methods a part may use: those that score a unit on its own, with a plain a ÷ b ratio. */
export type PartMethod =
  | { type: 'yesNo' }
  | Omit<RatioMethod, 'inputs' | 'numerator' | 'denominator'>
  | { type: 'thresholds'; steps: ThresholdStep[]; absentLabel?: string }
  | { type: 'options'; options: ScoringOption[] }
  | { type: 'direct' };

export interface MethodPart {
  /** Short code typed before "=" in a value ("Q1=đúng hạn"). */
  code: string;
  /** What the part asks, e.g. "Quý I" or "Có sử dụng Hệ thống 1022". */
  label: string;
  /** The part's maximum; the parts add up to the indicator's maximum. */
  points: number;
  method: PartMethod;
  /** A ratio part's a and b. */
  numeratorLabel?: string;
  denominatorLabel?: string;
}

export type ScoringMethodType = ScoringMethod['type'];

export const SCORING_METHOD_TYPES: readonly ScoringMethodType[] = [
  'yesNo',
  'ratio',
  'thresholds',
  'options',
  'relativeToBest',
  'minMax',
  'direct',
  'parts',
];

export interface IndicatorDefinition {
  code: string;
  name: string;
  nameEn?: string;
  /** Omitted when the source does not publish it (national DTI 2022): the main index is then scored from a supplied value. */
  maxPoints?: number;
  /** Weight in a `weightedMean` framework (default 1). */
  weight?: number;
  method: ScoringMethod;
  /** What the raw input measures, e.g. "cuộc họp", "%". */
  inputUnit?: string;
  /** A ratio's a: what is counted, e.g. "Số cán bộ được tập huấn". */
  numeratorLabel?: string;
  /** A ratio's b: the whole it is counted in, e.g. "Tổng số cán bộ". */
  denominatorLabel?: string;
  /**
   * Points typed for this indicator (by the unit or the council) are multiples of this step, when
   * the source scores in parts (e.g. 0,25 per late quarterly report); omitted, any points 0 … max.
   */
  pointsStep?: number;
  /** How to assess: the scoring rule as the source writes it. */
  guidance?: string;
  /** Evidence (tài liệu kiểm chứng) the unit must attach. */
  evidence?: string;
  /** Where the number comes from when it is not typed: e.g. "Cổng dịch vụ công tỉnh". */
  dataSource?: string;
}

export interface MainIndexDefinition {
  code: string;
  name: string;
  nameEn?: string;
  /** Code of the group this main index belongs to, when the framework has groups. */
  group?: string;
  maxPoints?: number;
  weight?: number;
  /** True for an index that is collected but carries no points (Đô thị thông minh in DTI 2022). */
  unscored?: boolean;
  indicators: IndicatorDefinition[];
}

export interface GroupDefinition {
  code: string;
  name: string;
  nameEn?: string;
  weight?: number;
}

/** A named view over main indices (trụ cột), scored like a group but overlapping. */
export interface PillarDefinition {
  code: string;
  name: string;
  nameEn?: string;
  mainIndices: string[];
}

export interface FrameworkDocument {
  id: string;
  name: string;
  nameEn?: string;
  year: number;
  unitKind: UnitKind;
  legalBasis: LegalBasis;
  aggregation: Aggregation;
  /** Total points (sum frameworks). */
  maxPoints?: number;
  /** Points = value × scale in weightedMean frameworks (default 1). */
  scale?: number;
  /** Decimals of the 0–1 value at which results are published and ties decided. */
  precision: number;
  description?: string;
  /**
   * false for a transcription not yet checked against the official text (the built-in 2026 commune
   * framework): said wherever the framework is shown. Its legal basis may then be left empty ("").
   */
  verified?: boolean;
  groups?: GroupDefinition[];
  mainIndices: MainIndexDefinition[];
  pillars?: PillarDefinition[];
}

/** Levels of the compiled tree, root first. */
export type NodeLevel = 'framework' | 'group' | 'mainIndex' | 'indicator';

export interface CompiledNode {
  index: number;
  code: string;
  name: string;
  level: NodeLevel;
  /** Index of the parent node, −1 for the root. */
  parent: number;
  children: number[];
  /** Declared maximum points; NaN when unknown. */
  maxPoints: number;
  weight: number;
  /** Only on indicators. */
  method?: ScoringMethod;
  /** Only on indicators that declare one: typed points are multiples of it. */
  pointsStep?: number;
  /** Only on indicators: position in the indicator columns of a score matrix. */
  indicatorPosition: number;
  unscored: boolean;
}

export interface CompiledPillar {
  code: string;
  name: string;
  /** Node indices of the main indices in this pillar. */
  mainIndexNodes: number[];
}

export interface CompiledFramework {
  document: FrameworkDocument;
  nodes: CompiledNode[];
  /** Node indices in an order where every child comes before its parent. */
  bottomUp: number[];
  /** Node indices of indicators, in indicator-column order. */
  indicatorNodes: number[];
  mainIndexNodes: number[];
  groupNodes: number[];
  pillars: CompiledPillar[];
  /** Node index by code: indicator, main index and group codes share one namespace. */
  nodeByCode: Map<string, number>;
  maxPoints: number;
  scale: number;
  precision: number;
}
