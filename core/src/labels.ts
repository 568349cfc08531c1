/**
 * @opendti/core/labels — the closed lists of the domain (roles, unit kinds, period and assessment
 * states) and their names in both languages, for the web app: it names a state exactly as the
 * server's messages do, from one table, without pulling the framework validator into its bundle.
 */
export type { Locale } from './errors/problem.js';
export { COHORT_LABELS, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from './frameworks/framework-model.js';
export {
  PLAN_ACTION_LABELS,
  PLAN_ACTIONS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type PlanAction,
  type PlanStatus,
} from './plans/plan-model.js';
export {
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  REPORTED_TASK_STATES,
  type ReportedTaskState,
  type ReportStatus,
} from './plans/reporting-rounds.js';
export {
  type DisplayedTaskState,
  TASK_ACTION_LABELS,
  TASK_ACTIONS,
  TASK_STATE_LABELS,
  TASK_STATES,
  type TaskAction,
  type TaskState,
} from './plans/task-workflow.js';
export {
  APPRAISAL_DECISION_LABELS,
  APPRAISAL_DECISIONS,
  type AppraisalDecisionKind,
  ASSESSMENT_STATE_LABELS,
  ASSESSMENT_STATES,
  type AssessmentState,
} from './workflow/assessment-workflow.js';
export { PERIOD_STATE_LABELS, PERIOD_STATES, type PeriodState } from './workflow/period-workflow.js';
export { ROLE_LABELS, ROLES, type Role, SCOPED_ROLES, UNIT_ROLES } from './workflow/roles.js';
export type { Labels } from './workflow/transition-table.js';
export {
  PARTICIPATION_LABELS,
  PARTICIPATIONS,
  type Participation,
  UNIT_ACTIONS,
  UNIT_PROGRESS_LABELS,
  UNIT_PROGRESS_STATUSES,
  type UnitAction,
  type UnitProgressStatus,
} from './workflow/unit-progress.js';
