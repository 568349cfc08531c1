import type { ReportedTaskState } from '@opendti/core/labels';
import type { MyPlanTask, ReportBody, TaskEvidence, TaskRound } from './progress-queries';

/**
 * The reporting form's pure parts: what it starts from, what it checks before sending (the server
 * checks again and says the same, in the user's language), the body it sends, and where the
 * server's problems go. Kept apart from the components so they are tested without a browser.
 */
export interface ReportFormValues {
  text: string;
  /** As the number input holds it: a number, or '' while empty. */
  percent: number | string;
  state: ReportedTaskState;
  /** One address per line. */
  links: string;
  evidence: TaskEvidence[];
}

export type ReportField = 'text' | 'percent' | 'state' | 'links' | 'evidence';
export type ReportFormError = 'textRequired' | 'percentRange' | 'linkInvalid';

const REPORTED: readonly string[] = ['notStarted', 'inProgress', 'done'];

/** The form of a round: the report written in it, or a new one carrying on from the task's last report. */
export function initialReportForm(task: Pick<MyPlanTask, 'state' | 'reporting'>, dueOn: string): ReportFormValues {
  const round = task.reporting.rounds.find((candidate) => candidate.dueOn === dueOn);
  const report = round?.report;
  if (report) {
    return {
      text: report.text,
      percent: report.percent,
      state: report.state,
      links: report.links.join('\n'),
      evidence: report.evidence,
    };
  }
  const last = [...task.reporting.rounds].reverse().find((candidate) => candidate.report && candidate.dueOn < dueOn)?.report;
  return {
    text: '',
    percent: last?.percent ?? (task.state === 'done' ? 100 : 0),
    state: REPORTED.includes(task.state) ? (task.state as ReportedTaskState) : 'inProgress',
    links: '',
    evidence: [],
  };
}

export function linksOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What the form refuses before sending, per field. */
export function reportFormErrors(values: ReportFormValues): Partial<Record<ReportField, ReportFormError>> {
  const errors: Partial<Record<ReportField, ReportFormError>> = {};
  if (!values.text.trim()) errors.text = 'textRequired';
  const percent = typeof values.percent === 'number' ? values.percent : Number.NaN;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) errors.percent = 'percentRange';
  if (linksOf(values.links).some((link) => !isWebAddress(link))) errors.links = 'linkInvalid';
  return errors;
}

export function reportBody(values: ReportFormValues, version: number | undefined): ReportBody {
  return {
    text: values.text.trim(),
    percent: Number(values.percent),
    state: values.state,
    links: linksOf(values.links),
    evidenceIds: values.evidence.map((item) => item.id),
    ...(version === undefined ? {} : { version }),
  };
}

/** A server problem's field, from its location path (`links[2]` → links, `evidenceIds[0]` → evidence). */
export function problemField(path: string | undefined): ReportField | undefined {
  const root = path?.replace(/\[.*$/, '');
  if (root === 'evidenceIds') return 'evidence';
  return root === 'text' || root === 'percent' || root === 'state' || root === 'links' ? root : undefined;
}

/**
 * The rounds a lead unit may report in: those open (a passed round still takes a late report),
 * the newest first, so the round being reported now leads.
 */
export function reportableRounds(task: Pick<MyPlanTask, 'role' | 'state' | 'reporting'>): TaskRound[] {
  if (task.role !== 'leadUnit' || task.state === 'cancelled') return [];
  return task.reporting.rounds.filter((round) => round.open).reverse();
}

/** The round the form opens on: the one being reported now when open, else the newest open one. */
export function defaultRound(task: Pick<MyPlanTask, 'role' | 'state' | 'reporting'>): string | undefined {
  const rounds = reportableRounds(task);
  const current = rounds.find((round) => round.current);
  return (current ?? rounds[0])?.dueOn;
}

export type TaskFilter = 'all' | 'leadUnit' | 'coordinatingUnit' | 'attention';

/** A task needing the unit now: it leads it and the round being reported, or a passed one, lacks its report. */
export function needsAttention(task: Pick<MyPlanTask, 'role' | 'state' | 'reporting'>): boolean {
  if (task.role !== 'leadUnit' || task.state === 'cancelled') return false;
  return task.reporting.rounds.some((round) => round.open && round.expected && round.report === null);
}

export interface PlanGroup {
  planId: string;
  title: string;
  documentNumber: string;
  tasks: MyPlanTask[];
}

/** The unit's tasks grouped by plan (the server's order: newest plan first, tasks by STT), filtered. */
export function groupTasksByPlan(tasks: readonly MyPlanTask[], filter: TaskFilter): PlanGroup[] {
  const groups: PlanGroup[] = [];
  for (const task of tasks) {
    if (filter === 'attention' ? !needsAttention(task) : filter !== 'all' && task.role !== filter) continue;
    let group = groups.find((candidate) => candidate.planId === task.planId);
    if (!group) {
      group = { planId: task.planId, title: task.planTitle, documentNumber: task.planDocumentNumber, tasks: [] };
      groups.push(group);
    }
    group.tasks.push(task);
  }
  return groups;
}

/** The server's problems split into those a field shows under itself and those shown above the form. */
export function splitProblems(problems: readonly { message: string; location?: { path?: string } }[]): {
  fields: Partial<Record<ReportField, string>>;
  others: string[];
} {
  const fields: Partial<Record<ReportField, string>> = {};
  const others: string[] = [];
  for (const problem of problems) {
    const field = problemField(problem.location?.path);
    if (field === undefined) others.push(problem.message);
    else fields[field] = fields[field] ? `${fields[field]} ${problem.message}` : problem.message;
  }
  return { fields, others };
}
