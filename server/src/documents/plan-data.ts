import { type PlanStatus, reportingRounds } from '@opendti/core';
import type { DocumentData } from './fill-template.js';
import { formatDay, formatPoints, formatValue, MISSING } from './format-values.js';
import { blankNumber, headerFields, type ProvinceHeader } from './province-header.js';

export interface PlanDocumentTarget {
  code: string;
  /** The indicator's or main index's name in the plan's framework; null when the framework is unknown. */
  name: string | null;
  baseline: number | null;
  target: number;
  unit: 'points' | 'value' | 'percent';
  dueOn: string;
}

export interface PlanDocumentTask {
  text: string;
  indicators: string[];
  /** The lead unit's name; null while unassigned. */
  leadName: string | null;
  coordinatingNames: string[];
  product: string;
  dueOn: string;
  state: string;
  cancelReason: string | null;
}

export interface PlanDocumentInput {
  plan: {
    title: string;
    documentNumber: string;
    /** yyyy-mm-dd: the issuing document's date (or the draft's), printed in the header. */
    date: string;
    year: number;
    purpose: string;
    status: PlanStatus;
    reportingSchedule: string[];
  };
  /** What the plan rests on, each a "Căn cứ …" line, e.g. the published results it was drafted from. */
  bases: string[];
  targets: PlanDocumentTarget[];
  /** In the plan's order (the STT). */
  tasks: PlanDocumentTask[];
  header: ProvinceHeader;
}

export const DRAFT_MARK = 'DỰ THẢO';
export const UNASSIGNED_LEAD = 'Chưa phân công';

/** "Kế hoạch nâng cao chỉ số … năm 2023" → the title line "Nâng cao chỉ số … năm 2023" (the kind is printed above it). */
export function planTitleLine(title: string): string {
  const rest = title.trim().replace(/^kế hoạch\s+/iu, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

/** A target's number as its unit reads: 7,5 điểm; 0,2849; 87,5%. */
export function formatTarget(value: number | null, unit: PlanDocumentTarget['unit']): string {
  if (value === null) return MISSING;
  if (unit === 'value') return formatValue(value, 4);
  if (unit === 'percent') return `${formatPoints(value)}%`;
  return `${formatPoints(value)} điểm`;
}

const DEFAULT_PURPOSE =
  'Nâng cao chỉ số chuyển đổi số năm {year}, khắc phục các chỉ số còn mất điểm theo kết quả đánh giá; phân công rõ đơn vị chủ trì, đơn vị phối hợp, thời hạn và sản phẩm của từng nhiệm vụ.';

/**
 * The improvement plan as its document prints it (issue 13, item 5): the plan's number (a blank
 * "…/KH-…" while a draft, marked DỰ THẢO), its purpose paragraph by paragraph, the targets with
 * their units, the task table with unit names and dd/mm/yyyy dates, and the reporting rounds
 * core derives from the plan's schedule, in words.
 */
export function buildPlanData(input: PlanDocumentInput): DocumentData {
  const { plan } = input;
  const titleLine = planTitleLine(plan.title);
  const purpose = plan.purpose
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const rounds = reportingRounds(plan);
  const cancelled = (task: PlanDocumentTask) =>
    task.state === 'cancelled' ? ` (đã hủy${task.cancelReason ? `: ${task.cancelReason}` : ''})` : '';
  return {
    ...headerFields(input.header, plan.date, plan.documentNumber.trim() || blankNumber('KH', input.header)),
    draftMark: plan.status === 'draft' ? DRAFT_MARK : '',
    planTitle: titleLine,
    planTitleLower: titleLine.charAt(0).toLocaleLowerCase('vi') + titleLine.slice(1),
    planYear: String(plan.year),
    bases: input.bases.map((basisText): DocumentData => ({ basisText })),
    purpose: (purpose.length > 0 ? purpose : [DEFAULT_PURPOSE.replace('{year}', String(plan.year))]).map(
      (purposeText): DocumentData => ({ purposeText }),
    ),
    targetsIntro: input.targets.length > 0 ? 'Phấn đấu đạt các chỉ tiêu sau:' : 'Kế hoạch chưa đặt chỉ tiêu.',
    targets: input.targets.map(
      (target, index): DocumentData => ({
        stt: String(index + 1),
        indicator: target.name ? `${target.code}. ${target.name}` : target.code,
        baseline: formatTarget(target.baseline, target.unit),
        target: formatTarget(target.target, target.unit),
        dueOn: formatDay(target.dueOn),
      }),
    ),
    tasksIntro:
      input.tasks.length > 0 ? `Giao ${input.tasks.length} nhiệm vụ cho các đơn vị như sau:` : 'Kế hoạch chưa có nhiệm vụ.',
    tasks: input.tasks.map(
      (task, index): DocumentData => ({
        stt: String(index + 1),
        task: `${task.text}${cancelled(task)}`,
        indicators: task.indicators.join(', '),
        lead: task.leadName ?? UNASSIGNED_LEAD,
        coordinating: task.coordinatingNames.join('; '),
        dueOn: formatDay(task.dueOn),
        product: task.product,
      }),
    ),
    reportingText:
      rounds.length > 0
        ? 'báo cáo tiến độ, kết quả thực hiện từng nhiệm vụ (nội dung, tỷ lệ hoàn thành, tài liệu kiểm chứng) theo các kỳ báo cáo sau:'
        : 'báo cáo kết quả thực hiện khi hoàn thành nhiệm vụ.',
    rounds: rounds.map((round): DocumentData => ({ roundTitle: round.title.vi, roundDueOn: formatDay(round.dueOn) })),
  };
}
