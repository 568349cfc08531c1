import { extname } from 'node:path';
import {
  compileFramework,
  csvDocument,
  DomainError,
  type DraftPlan,
  type DraftTask,
  draftPlan,
  formatCalendarDay,
  formatLocaleNumber,
  GAP_REASON_LABELS,
  type IndicatorOwnership,
  isCalendarDay,
  type Locale,
  type Problem,
  parseVietnameseDate,
  readOwnersTable,
  scoreCohort,
  TASK_STATE_LABELS,
  vietnamDay,
} from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import { decodeCsv, parseCsvRows } from '../../spreadsheets/read-csv.js';
import { MAX_PLAN_XLSX_BYTES, readPlanTasksWorkbook } from '../../spreadsheets/read-plan-workbook.js';
import { readUnitList } from '../../spreadsheets/read-unit-list.js';
import { MAX_XLSX_BYTES, readXlsxTable } from '../../spreadsheets/read-xlsx-table.js';
import { writePlanWorkbook } from '../../spreadsheets/write-plan-workbook.js';
import { readInputFile } from '../read-input-file.js';
import { readScoreFile } from '../read-score-file.js';
import { renderTable } from '../terminal-table.js';
import { writeOutputFile } from '../write-output-file.js';

export type PlanFormat = 'table' | 'json' | 'csv' | 'xlsx';

export interface PlanDraftOptions {
  framework: string;
  input: string;
  unit?: string;
  owners?: string;
  /** dd/mm/yyyy or yyyy-mm-dd; by default 31/12 of the year after the results. */
  due?: string;
  format: PlanFormat;
  output?: string;
  locale: Locale;
}

/**
 * `opendti plan draft`: the improvement plan the system writes from a cohort's answers (issue 11),
 * for a province without the server. Scores the input like `opendti score`, then prints one draft
 * task per indicator with points lost, the largest gain first (core's `draftPlan`).
 */
export async function draftPlanFromFiles(options: Omit<PlanDraftOptions, 'format' | 'output' | 'locale'>): Promise<DraftPlan> {
  const framework = compileFramework(resolveFramework(options.framework));
  const { sheet, problems } = await readScoreFile(framework, options.input);
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  const scores = scoreCohort(sheet);
  if (options.unit !== undefined && !scores.units.some((unit) => unit.code === options.unit)) {
    throw new DomainError('not-found', [
      { code: 'cli.usage', params: { detail: `không có đơn vị "${options.unit}" trong ${options.input} (unit not found)` } },
    ]);
  }
  const owners = options.owners
    ? await readOwnersFile(
        options.owners,
        framework.document.id,
        new Set(framework.indicatorNodes.map((node) => framework.nodes[node]?.code ?? '')),
      )
    : undefined;
  return draftPlan(scores, {
    ...(options.unit !== undefined ? { unitCode: options.unit } : {}),
    ...(owners ? { owners } : {}),
    ...(options.due !== undefined ? { dueOn: parseDue(options.due) } : {}),
  });
}

export async function runPlanDraft(options: PlanDraftOptions): Promise<string | undefined> {
  if (options.format === 'xlsx' && !options.output) {
    throw new DomainError('invalid-input', [
      { code: 'cli.usage', params: { detail: '--format xlsx cần --output <tệp.xlsx> (needs --output <file.xlsx>)' } },
    ]);
  }
  const draft = await draftPlanFromFiles(options);
  if (options.format === 'xlsx' && options.output) {
    const rows = planRows(draft, options.locale);
    const text = LABELS[options.locale];
    const workbook = await writePlanWorkbook({
      title: `${text.title} ${draft.year} — ${draft.frameworkName}`,
      sheetName: text.task,
      rows,
      dueColumn: (rows[0] ?? []).indexOf(text.due),
    });
    await writeOutputFile(options.output, workbook);
    return undefined;
  }
  const text =
    options.format === 'json'
      ? `${JSON.stringify(draft, null, 2)}\n`
      : options.format === 'csv'
        ? csvDocument(planRows(draft, options.locale))
        : renderPlanText(draft, options.locale);
  if (!options.output) return text;
  await writeOutputFile(options.output, new TextEncoder().encode(text));
  return undefined;
}

export interface PlanCheckOptions {
  framework: string;
  input: string;
  /** units.csv/.xlsx (code, name): when given, units are checked against it; otherwise any code is accepted. */
  units?: string;
  /** The plan's date (dd/mm/yyyy or yyyy-mm-dd); today (Vietnam) by default. */
  date?: string;
  /** The plan's year; the date's year by default. */
  year?: number;
  locale: Locale;
  /** For tests: today, yyyy-mm-dd. */
  today?: string;
}

/**
 * `opendti plan check`: reads a plan's task table (.xlsx, as `writePlanTasksWorkbook` writes it or a
 * clerk's own with the same columns) and reports every bad row, the way the server's import refuses
 * it (a DomainError, so exit code 1); prints how many tasks would be imported when all are good.
 */
export async function runPlanCheck(options: PlanCheckOptions): Promise<string> {
  const framework = compileFramework(resolveFramework(options.framework));
  const planDate = options.date === undefined ? (options.today ?? vietnamDay(new Date())) : parseDue(options.date);
  const { name, bytes } = await readInputFile(options.input, MAX_PLAN_XLSX_BYTES);
  const units = options.units
    ? await readUnitList((await readInputFile(options.units, MAX_XLSX_BYTES)).bytes, options.units)
    : undefined;
  const { tasks, problems } = await readPlanTasksWorkbook(bytes, {
    framework: {
      id: framework.document.id,
      indicatorCodes: new Set(framework.indicatorNodes.map((node) => framework.nodes[node]?.code ?? '')),
    },
    ...(units ? { units } : {}),
    planDate,
    planYear: options.year ?? Number(planDate.slice(0, 4)),
    file: name,
  });
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return options.locale === 'vi'
    ? `${name}: ${tasks.length} nhiệm vụ hợp lệ, có thể nhập\n`
    : `${name}: ${tasks.length} tasks are valid and can be imported\n`;
}

function parseDue(text: string): string {
  const day = isCalendarDay(text) ? text : parseVietnameseDate(text);
  if (day === undefined || !isCalendarDay(day)) {
    throw new DomainError('invalid-input', [{ code: 'plan.task-bad-date', params: { field: '--due', value: text } }]);
  }
  return day;
}

/** owners.csv (or .xlsx): `indicator,lead,coordinating`, every bad row reported, nothing used half. */
async function readOwnersFile(path: string, frameworkId: string, indicatorCodes: Set<string>): Promise<IndicatorOwnership[]> {
  const extension = extname(path).toLowerCase();
  const { name, bytes } = await readInputFile(path, MAX_XLSX_BYTES);
  let table: { file: string; header: string[]; rows: string[][] };
  if (extension === '.xlsx') {
    const sheet = await readXlsxTable(bytes, name);
    table = {
      file: name,
      header: sheet.header.map((cell) => String(cell ?? '')),
      rows: [...sheet.rows].map((row) => row.map((cell) => String(cell ?? ''))),
    };
  } else {
    const rows: string[][] = [];
    // Lines starting with "#" are comments (the sample file says it is sample data).
    const text = decodeCsv(bytes, name)
      .split(/\r?\n/)
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    parseCsvRows(text, name, (cells) => rows.push(cells));
    table = { file: name, header: rows[0] ?? [], rows: rows.slice(1) };
  }
  const { owners, problems } = readOwnersTable(table, { frameworkId, indicatorCodes });
  if (problems.length > 0) throw new DomainError('invalid-input', problems satisfies Problem[]);
  return owners;
}

const LABELS = {
  vi: {
    order: 'STT',
    mainIndex: 'Chỉ số chính',
    indicator: 'Chỉ số',
    name: 'Tên chỉ số',
    lost: 'Điểm mất',
    units: 'Số đơn vị mất điểm',
    points: 'Điểm đạt',
    max: 'Tối đa',
    gain: '+ Giá trị',
    rank: 'Hạng nếu đạt tối đa',
    reason: 'Lý do',
    lead: 'Đơn vị chủ trì',
    coordinating: 'Đơn vị phối hợp',
    due: 'Thời hạn',
    analysis: 'Đánh giá',
    task: 'Nhiệm vụ',
    product: 'Sản phẩm',
    state: 'Trạng thái',
    title: 'Dự thảo kế hoạch nâng cao chỉ số',
    cohort: (count: number) => `${count} đơn vị`,
    unitRank: (value: string, rank: string) => `giá trị ${value}, hạng ${rank}`,
    none: 'Không có chỉ số nào bị mất điểm.',
    sample: 'Nhiệm vụ theo thứ tự lợi ích (điểm mất nhiều nhất trước)',
    sampleUnit: 'Nhiệm vụ theo thứ tự lợi ích (giá trị tăng nhiều nhất nếu đạt tối đa trước)',
  },
  en: {
    order: 'No.',
    mainIndex: 'Main index',
    indicator: 'Indicator',
    name: 'Indicator name',
    lost: 'Points lost',
    units: 'Units losing',
    points: 'Points',
    max: 'Max',
    gain: '+ Value',
    rank: 'Rank at full marks',
    reason: 'Reason',
    lead: 'Lead unit',
    coordinating: 'Coordinating units',
    due: 'Due',
    analysis: 'Analysis',
    task: 'Task',
    product: 'Product',
    state: 'State',
    title: 'Draft improvement plan',
    cohort: (count: number) => `${count} units`,
    unitRank: (value: string, rank: string) => `value ${value}, rank ${rank}`,
    none: 'No indicator lost points.',
    sample: 'Tasks by gain (most points lost first)',
    sampleUnit: 'Tasks by gain (largest value gain at full marks first)',
  },
} as const;

const POINT_FORMATS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
} as const;
const points = (value: number, locale: Locale) => POINT_FORMATS[locale].format(value);

/** One row per task, header first: the CSV and the columns of the XLSX. */
export function planRows(draft: DraftPlan, locale: Locale): (string | number | null)[][] {
  const text = LABELS[locale];
  const unit = draft.scope === 'unit';
  const header = [
    text.order,
    text.mainIndex,
    text.indicator,
    text.name,
    text.lost,
    ...(unit ? [text.points, text.max, text.gain, text.rank] : [text.units]),
    text.reason,
    text.lead,
    text.coordinating,
    text.due,
    text.analysis,
    text.task,
    text.product,
    text.state,
  ];
  return [
    header,
    ...draft.tasks.map((task) => [
      task.order,
      task.mainIndex,
      task.code,
      task.name,
      task.lost,
      ...(unit
        ? [task.points, task.max, task.whatIf?.valueGain ?? null, task.whatIf?.projectedRank ?? null]
        : [task.unitsLosing]),
      GAP_REASON_LABELS[task.reason][locale],
      task.lead ?? '',
      task.coordinating.join('; '),
      task.dueOn,
      task.analysis[locale],
      task.text[locale],
      task.product[locale],
      TASK_STATE_LABELS.notStarted[locale],
    ]),
  ];
}

/** The terminal view: the tasks by gain in a table, then the analysis and task grouped by main index. */
export function renderPlanText(draft: DraftPlan, locale: Locale): string {
  const text = LABELS[locale];
  const unit = draft.scope === 'unit';
  const precision = draft.precision;
  const value = (number: number | null | undefined) =>
    number === null || number === undefined ? '–' : formatLocaleNumber(number, precision, locale);
  const scope = draft.unit
    ? `${draft.unit.name} (${draft.unit.code}): ${text.unitRank(value(draft.unit.value), String(draft.unit.rank ?? '–'))}`
    : text.cohort(draft.unitCount);
  const lines = [`${text.title} ${draft.year} — ${draft.frameworkName} (${draft.frameworkId}) — ${scope}`, ''];
  if (draft.tasks.length === 0) return `${lines.join('\n')}${text.none}\n`;
  const signed = (number: number | undefined) =>
    number === undefined ? '–' : `+${formatLocaleNumber(number, precision, locale)}`;
  const rankMove = (task: DraftTask) =>
    task.whatIf ? `${task.whatIf.currentRank ?? '–'} → ${task.whatIf.projectedRank ?? '–'}` : '–';
  lines.push(
    unit ? text.sampleUnit : text.sample,
    renderTable(
      [
        { title: text.order, align: 'right' },
        { title: text.indicator },
        { title: text.mainIndex },
        { title: text.lost, align: 'right' },
        ...(unit
          ? [
              { title: text.gain, align: 'right' as const },
              { title: text.rank, align: 'right' as const },
            ]
          : [{ title: text.units, align: 'right' as const }]),
        { title: text.reason },
        { title: text.lead },
        { title: text.coordinating },
        { title: text.due },
      ],
      draft.tasks.map((task) => [
        String(task.order),
        task.code,
        task.mainIndex,
        points(task.lost, locale),
        ...(unit ? [signed(task.whatIf?.valueGain), rankMove(task)] : [String(task.unitsLosing)]),
        GAP_REASON_LABELS[task.reason][locale],
        task.lead ?? '–',
        task.coordinating.join(', ') || '–',
        formatCalendarDay(task.dueOn),
      ]),
    ),
    '',
  );
  const byCode = new Map(draft.tasks.map((task) => [task.code, task]));
  for (const main of draft.mainIndices) {
    lines.push(`${main.code}. ${main.name} — ${text.lost.toLowerCase()} ${points(main.lost, locale)}`);
    for (const code of main.tasks) {
      const task = byCode.get(code);
      if (!task) continue;
      lines.push(`  ${task.order}. ${task.code} ${task.name}`, `     ${task.analysis[locale]}`, `     → ${task.text[locale]}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
