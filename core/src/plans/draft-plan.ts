import type { LocalizedText } from '../errors/problem.js';
import { type IndicatorStatus, indicatorLost, indicatorStatus, simulateFullMarks } from '../scoring/analyse-unit.js';
import { roundToPrecision } from '../scoring/rank.js';
import type { CohortScores } from '../scoring/score-cohort.js';
import type { IndicatorOwnership, PlanTarget, PlanTask } from './plan-model.js';

/**
 * The draft plan the system writes (issue 11, "The draft is written by the system"): every
 * indicator with points lost becomes a draft task, ordered by what it would add.
 *
 * - For a cohort: the points lost summed over the units, and how many units lose them.
 * - For one unit (`unitCode`; a department or commune looking at its own result, or the province's
 *   own national DTI): its own points lost, and, with the what-if engine (`simulateFullMarks`), the
 *   Δ value and the rank it would take among the others' current results if that indicator alone
 *   reached full marks. Where main-index values were supplied (`dti-province-2022`, whose
 *   indicators carry no points, or results read back from `opendti score --format json`) the draft
 *   works on those main indices instead of their indicators.
 *
 * Each task says why points were lost (the analysis's reason class), carries the owner from the
 * ownership table, a default due date, and a sentence of the seed-000 kind ("Đạt 2,5/10 điểm; mất
 * 7,5 điểm do …") in Vietnamese and English. Pure.
 */

/**
 * Why an indicator lost points, for one unit:
 * - `notAssessed`: the unit gave no answer or evidence at all, so nothing could be credited
 *   (seed 000: "Không có các tài liệu kiểm chứng");
 * - `notAccepted`: the appraisal council credited less than the unit's self-assessment;
 * - `zero`: answered, and scored nothing;
 * - `partial`: answered, and scored part of the maximum.
 * Indicators excluded from scoring ("không đánh giá") lose nothing and get no task.
 */
export const GAP_REASONS = ['notAssessed', 'notAccepted', 'zero', 'partial'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export const GAP_REASON_LABELS: Readonly<Record<GapReason, LocalizedText>> = {
  notAssessed: { vi: 'Không có số liệu, tài liệu kiểm chứng', en: 'No answer or evidence' },
  notAccepted: { vi: 'Không được công nhận khi thẩm định', en: 'Not accepted at appraisal' },
  zero: { vi: 'Không đạt điểm', en: 'Zero points' },
  partial: { vi: 'Đạt một phần', en: 'Partial' },
};

/** The end of the "… do" clause of the analysis sentence. */
const REASON_CLAUSES: Readonly<Record<GapReason, LocalizedText>> = {
  notAssessed: { vi: 'không có số liệu, tài liệu kiểm chứng', en: 'there was no answer or evidence' },
  notAccepted: {
    vi: 'Hội đồng thẩm định không công nhận đủ điểm tự đánh giá',
    en: 'the appraisal council did not accept the full self-assessed points',
  },
  zero: { vi: 'chưa đáp ứng yêu cầu của chỉ số', en: 'the indicator’s requirement was not met' },
  partial: { vi: 'mới đáp ứng một phần yêu cầu của chỉ số', en: 'the indicator’s requirement was only partly met' },
};

/** What a task must produce by default (seed 000: "có Kế hoạch và nội dung minh chứng"). */
export const DEFAULT_TASK_PRODUCT: LocalizedText = {
  vi: 'Kế hoạch thực hiện và tài liệu kiểm chứng',
  en: 'An implementation plan and evidence',
};

export interface DraftWhatIf {
  currentValue: number | null;
  projectedValue: number | null;
  /** projected − current value (0–1 scale), at the framework's precision. */
  valueGain: number;
  currentRank: number | null;
  projectedRank: number | null;
}

export interface DraftTask {
  /** Position in the gain order, from 1 (the draft's STT). */
  order: number;
  level: 'indicator' | 'mainIndex';
  /** The indicator's code (or the main index's, when the draft works on main indices). */
  code: string;
  name: string;
  mainIndex: string;
  mainIndexName: string;
  /** Maximum points of one unit. */
  max: number;
  /** Points lost: the unit's, or summed over the cohort. */
  lost: number;
  /** Units losing points on it (1 for a unit's draft). */
  unitsLosing: number;
  /** Units assessed on it (not "không đánh giá"). */
  unitsAssessed: number;
  /** The unit's points, or the cohort's mean over the assessed units. */
  points: number;
  /** The unit's self-assessed points; null for a cohort or when none was given. */
  selfPoints: number | null;
  /** The main reason: the unit's, or the one most losing units share. */
  reason: GapReason;
  /** How many losing units lost points for each reason. */
  reasons: Record<GapReason, number>;
  /** For a unit's draft: what full marks on this alone would bring. */
  whatIf: DraftWhatIf | null;
  lead: string | null;
  coordinating: string[];
  dueOn: string;
  /** The analysis sentence: "Đạt 2,5/10 điểm; mất 7,5 điểm do …". */
  analysis: LocalizedText;
  /** The proposed task. */
  text: LocalizedText;
  product: LocalizedText;
}

export interface DraftMainIndex {
  code: string;
  name: string;
  lost: number;
  /** Codes of its tasks, in gain order. */
  tasks: string[];
}

export interface DraftPlan {
  frameworkId: string;
  frameworkName: string;
  /** Decimals of published values (Δ value is rounded to it). */
  precision: number;
  /** The plan's year: the year after the results' (a 2022 assessment is improved on in 2023). */
  year: number;
  scope: 'cohort' | 'unit';
  unit: { code: string; name: string; value: number | null; rank: number | null } | null;
  unitCount: number;
  dueOn: string;
  /** Every task, the largest gain first. */
  tasks: DraftTask[];
  /** The tasks grouped by main index, in the framework's order (main indices losing nothing left out). */
  mainIndices: DraftMainIndex[];
}

export interface DraftOptions {
  /** Scope the draft to one unit of the cohort. */
  unitCode?: string;
  owners?: readonly IndicatorOwnership[];
  /** yyyy-mm-dd; by default 31/12 of the plan's year (`defaultDueOn`). */
  dueOn?: string;
}

const EPSILON = 1e-9;
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** The default due date of a drafted task: the end of the plan's year (seed 004: "by 31/12/2023"). */
export function defaultDueOn(resultYear: number): string {
  return `${resultYear + 1}-12-31`;
}

/** Points as a clerk writes them: up to two decimals, decimal comma in Vietnamese ("2,5"). */
function formatPoints(value: number, locale: 'vi' | 'en'): string {
  return POINT_FORMATS[locale].format(tidy(value));
}

/** Built once: an Intl formatter costs far more to make than to use. */
const POINT_FORMATS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
} as const;

function emptyReasons(): Record<GapReason, number> {
  return { notAssessed: 0, notAccepted: 0, zero: 0, partial: 0 };
}

function unitReason(status: IndicatorStatus, points: number, self: number, answered: boolean): GapReason {
  if (!answered) return 'notAssessed';
  if (!Number.isNaN(self) && self > points + EPSILON) return 'notAccepted';
  return status === 'zero' ? 'zero' : 'partial';
}

function mainReason(reasons: Record<GapReason, number>): GapReason {
  return GAP_REASONS.reduce((best, reason) => (reasons[reason] > reasons[best] ? reason : best), GAP_REASONS[0]);
}

interface Gap {
  level: 'indicator' | 'mainIndex';
  nodeIndex: number;
  max: number;
  lost: number;
  unitsLosing: number;
  unitsAssessed: number;
  pointsSum: number;
  selfPoints: number | null;
  reasons: Record<GapReason, number>;
}

/** Writes the draft plan of a cohort, or of one unit in it. */
export function draftPlan(scores: CohortScores, options: DraftOptions = {}): DraftPlan {
  const { framework } = scores;
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  const sum = framework.document.aggregation === 'sum';
  const unitIndex = options.unitCode === undefined ? -1 : scores.units.findIndex((unit) => unit.code === options.unitCode);
  if (options.unitCode !== undefined && unitIndex < 0) throw new RangeError(`unit ${options.unitCode} is not in this cohort`);
  const unitRange = unitIndex >= 0 ? [unitIndex] : scores.units.map((_, u) => u);
  const dueOn = options.dueOn ?? defaultDueOn(framework.document.year);
  const ownerOf = new Map((options.owners ?? []).map((owner) => [owner.indicator, owner]));

  // Main indices whose value was supplied (the national DTI, or results read back): the value is what
  // counts there, so the draft works on the main index and leaves its indicators out.
  const suppliedMain = new Set<number>();
  if (scores.suppliedValues !== undefined) {
    for (const nodeIndex of framework.mainIndexNodes) {
      if (unitRange.some((u) => !Number.isNaN(scores.suppliedValues?.[u * nodeCount + nodeIndex] ?? Number.NaN))) {
        suppliedMain.add(nodeIndex);
      }
    }
  }

  // Indicator gaps, one pass over the cells of the units in scope.
  const gaps: Gap[] = [];
  for (const nodeIndex of framework.indicatorNodes) {
    const node = framework.nodes[nodeIndex];
    if (!node || suppliedMain.has(node.parent)) continue;
    const max = sum ? node.maxPoints : Number.isFinite(node.maxPoints) ? node.maxPoints : framework.scale;
    if (!Number.isFinite(max) || max <= 0) continue;
    const gap: Gap = {
      level: 'indicator',
      nodeIndex,
      max,
      lost: 0,
      unitsLosing: 0,
      unitsAssessed: 0,
      pointsSum: 0,
      selfPoints: null,
      reasons: emptyReasons(),
    };
    for (const u of unitRange) {
      const cell = u * indicatorCount + node.indicatorPosition;
      const points = scores.points[u * nodeCount + nodeIndex] as number;
      const nodeMax = scores.max[u * nodeCount + nodeIndex] as number;
      // No points at all in a value-scored framework: the indicator is listed for reference only.
      const status = indicatorStatus(points, max, scores.notAssessed[cell] === 1 || nodeMax === 0);
      if (status === 'notAssessed') continue;
      gap.unitsAssessed += 1;
      gap.pointsSum += points;
      const lost = indicatorLost(status, points, max);
      const self = scores.indicatorSelfPoints[cell] as number;
      if (unitIndex >= 0) gap.selfPoints = Number.isNaN(self) ? null : self;
      if (lost <= EPSILON) continue;
      const answered = !Number.isNaN(self) || !Number.isNaN(scores.indicatorPoints[cell] as number);
      gap.lost += lost;
      gap.unitsLosing += 1;
      gap.reasons[unitReason(status, points, self, answered)] += 1;
    }
    if (gap.lost > EPSILON) gaps.push(gap);
  }
  for (const nodeIndex of suppliedMain) {
    const node = framework.nodes[nodeIndex];
    if (!node) continue;
    const gap: Gap = {
      level: 'mainIndex',
      nodeIndex,
      max: Number.NaN,
      lost: 0,
      unitsLosing: 0,
      unitsAssessed: 0,
      pointsSum: 0,
      selfPoints: null,
      reasons: emptyReasons(),
    };
    for (const u of unitRange) {
      const points = scores.points[u * nodeCount + nodeIndex] as number;
      const max = scores.max[u * nodeCount + nodeIndex] as number;
      if (Number.isNaN(points) || !(max > 0)) continue;
      gap.max = max;
      gap.unitsAssessed += 1;
      gap.pointsSum += points;
      const lost = Math.max(max - points, 0);
      if (lost <= EPSILON) continue;
      gap.lost += lost;
      gap.unitsLosing += 1;
      gap.reasons[points > EPSILON ? 'partial' : 'zero'] += 1;
    }
    if (gap.lost > EPSILON) gaps.push(gap);
  }

  const unit = unitIndex >= 0 ? scores.units[unitIndex] : undefined;
  const tasks = gaps.map((gap): DraftTask => {
    const node = framework.nodes[gap.nodeIndex];
    const main = gap.level === 'mainIndex' ? node : framework.nodes[node?.parent ?? -1];
    const code = node?.code ?? '';
    const reason = mainReason(gap.reasons);
    const owner = ownerOf.get(code);
    const points = gap.unitsAssessed > 0 ? gap.pointsSum / gap.unitsAssessed : 0;
    let whatIf: DraftWhatIf | null = null;
    if (unit) {
      const projection = simulateFullMarks(scores, unit.code, [code]);
      // Both values at the published precision, so that the gain is the difference a reader sees.
      const current = projection.currentValue === null ? null : roundToPrecision(projection.currentValue, framework.precision);
      whatIf = {
        currentValue: current,
        projectedValue: projection.value,
        valueGain: projection.value === null ? 0 : roundToPrecision(projection.value - (current ?? 0), framework.precision),
        currentRank: projection.currentRank,
        projectedRank: projection.rank,
      };
    }
    const task: Omit<DraftTask, 'analysis' | 'text'> = {
      order: 0,
      level: gap.level,
      code,
      name: node?.name ?? '',
      mainIndex: main?.code ?? '',
      mainIndexName: main?.name ?? '',
      max: gap.max,
      lost: tidy(gap.lost),
      unitsLosing: gap.unitsLosing,
      unitsAssessed: gap.unitsAssessed,
      points: tidy(points),
      selfPoints: gap.selfPoints,
      reason,
      reasons: gap.reasons,
      whatIf,
      lead: owner?.lead ?? null,
      coordinating: owner ? [...owner.coordinating] : [],
      dueOn,
      product: { ...DEFAULT_TASK_PRODUCT },
    };
    return { ...task, analysis: analysisSentence(task, unit !== undefined), text: taskText(task, unit !== undefined) };
  });

  const position = new Map(framework.nodes.map((node, index) => [node.code, index]));
  const byFrameworkOrder = (a: DraftTask, b: DraftTask) => (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0);
  tasks.sort(
    unit
      ? (a, b) => (b.whatIf?.valueGain ?? 0) - (a.whatIf?.valueGain ?? 0) || b.lost - a.lost || byFrameworkOrder(a, b)
      : (a, b) => b.lost - a.lost || b.unitsLosing - a.unitsLosing || byFrameworkOrder(a, b),
  );
  tasks.forEach((task, index) => {
    task.order = index + 1;
  });

  const mainIndices = framework.mainIndexNodes
    .map((nodeIndex): DraftMainIndex => {
      const node = framework.nodes[nodeIndex];
      const own = tasks.filter((task) => task.mainIndex === node?.code);
      return {
        code: node?.code ?? '',
        name: node?.name ?? '',
        lost: tidy(own.reduce((total, task) => total + task.lost, 0)),
        tasks: own.map((task) => task.code),
      };
    })
    .filter((main) => main.tasks.length > 0);

  return {
    frameworkId: framework.document.id,
    frameworkName: framework.document.name,
    precision: framework.precision,
    year: framework.document.year + 1,
    scope: unit ? 'unit' : 'cohort',
    unit: unit
      ? {
          code: unit.code,
          name: unit.name,
          value: Number.isNaN(scores.value[unitIndex * nodeCount] as number)
            ? null
            : (scores.value[unitIndex * nodeCount] as number),
          rank: (scores.ranks[unitIndex * nodeCount] as number) || null,
        }
      : null,
    unitCount: unitRange.length,
    dueOn,
    tasks,
    mainIndices,
  };
}

type TaskFacts = Omit<DraftTask, 'analysis' | 'text'>;

/** Seed 000's sentence: "Đạt 2,5/10 điểm; mất 7,5 điểm do …", for a unit or summed over a cohort. */
function analysisSentence(task: TaskFacts, forUnit: boolean): LocalizedText {
  const vi = (value: number) => formatPoints(value, 'vi');
  const en = (value: number) => formatPoints(value, 'en');
  const clause = REASON_CLAUSES[task.reason];
  if (forUnit) {
    const self =
      task.reason === 'notAccepted' && task.selfPoints !== null
        ? { vi: ` (tự đánh giá ${vi(task.selfPoints)})`, en: ` (self-assessed ${en(task.selfPoints)})` }
        : { vi: '', en: '' };
    return {
      vi: `Đạt ${vi(task.points)}/${vi(task.max)} điểm${self.vi}; mất ${vi(task.lost)} điểm do ${clause.vi}.`,
      en: `Scored ${en(task.points)}/${en(task.max)} points${self.en}; lost ${en(task.lost)} points because ${clause.en}.`,
    };
  }
  const most = task.reasons[task.reason];
  return {
    vi: `${task.unitsLosing}/${task.unitsAssessed} đơn vị mất điểm, tổng ${vi(task.lost)} điểm (bình quân đạt ${vi(task.points)}/${vi(task.max)} điểm); chủ yếu do ${clause.vi} (${most} đơn vị).`,
    en: `${task.unitsLosing} of ${task.unitsAssessed} units lost points, ${en(task.lost)} in all (mean ${en(task.points)}/${en(task.max)} points); mostly because ${clause.en} (${most} units).`,
  };
}

function taskText(task: TaskFacts, forUnit: boolean): LocalizedText {
  const what = task.level === 'mainIndex' ? { vi: 'chỉ số chính', en: 'main index' } : { vi: 'chỉ số', en: 'indicator' };
  const where = forUnit
    ? { vi: '', en: '' }
    : { vi: ` tại ${task.unitsLosing} đơn vị còn mất điểm`, en: ` in the ${task.unitsLosing} units losing points` };
  const evidence =
    task.reason === 'notAssessed' || task.reason === 'notAccepted'
      ? { vi: '; bổ sung đầy đủ tài liệu kiểm chứng', en: '; provide complete evidence' }
      : { vi: '', en: '' };
  return {
    vi: `Nâng ${what.vi} ${task.code} "${task.name}" lên tối đa ${formatPoints(task.max, 'vi')} điểm${where.vi}${evidence.vi}`,
    en: `Bring ${what.en} ${task.code} "${task.name}" to its full ${formatPoints(task.max, 'en')} points${where.en}${evidence.en}`,
  };
}

/**
 * The draft as a plan's tasks and targets, in gain order, for a plan the manager then edits and
 * issues: each task not started, its text and product in the chosen language; each target the
 * indicator's (or main index's) maximum by the task's due date, from the unit's points (a cohort's
 * mean) as baseline.
 */
export function draftToPlan(draft: DraftPlan, locale: 'vi' | 'en' = 'vi'): { tasks: PlanTask[]; targets: PlanTarget[] } {
  return {
    tasks: draft.tasks.map((task) => ({
      id: String(task.order),
      text: task.text[locale],
      indicators: [task.code],
      lead: task.lead,
      coordinating: [...task.coordinating],
      product: task.product[locale],
      startOn: null,
      dueOn: task.dueOn,
      state: 'notStarted',
    })),
    targets: draft.tasks.map((task) => ({
      code: task.code,
      level: task.level,
      baseline: task.points,
      target: task.max,
      unit: 'points',
      dueOn: task.dueOn,
    })),
  };
}
