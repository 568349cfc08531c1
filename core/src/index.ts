/**
 * @opendti/core — the domain, pure TypeScript: framework model and validation, the scoring engine,
 * ranking, analysis and year-over-year comparison. No I/O: callers read files and pass text.
 */
export * from './accounts/password-rules.js';
export * from './errors/problem.js';
export { compileFramework, isScoredFromValue } from './frameworks/compile-framework.js';
export { describeMethod } from './frameworks/describe-method.js';
export { type EnglishNames, englishNamesOf } from './frameworks/english-names.js';
export * from './frameworks/framework-model.js';
export { frameworkJsonSchema } from './frameworks/framework-schema.js';
export { parseFramework, validateFramework } from './frameworks/load-framework.js';
export { validateFrameworkRules } from './frameworks/validate-framework.js';
export * from './notifications/notification-events.js';
export * from './plans/draft-plan.js';
export * from './plans/ownership.js';
export * from './plans/plan-model.js';
export * from './plans/reporting-rounds.js';
export * from './plans/target-progress.js';
export * from './plans/task-table.js';
export * from './plans/task-workflow.js';
export * from './plans/validate-plan.js';
export { createSeededRandom } from './random/seeded-random.js';
export * from './scoring/analyse-unit.js';
export * from './scoring/compare-years.js';
export * from './scoring/indicator-overview.js';
export * from './scoring/parse-number.js';
export * from './scoring/rank.js';
export * from './scoring/read-answer.js';
export * from './scoring/read-score-rows.js';
export * from './scoring/result-set.js';
export { type CohortScores, scoreCohort } from './scoring/score-cohort.js';
export * from './scoring/score-sheet.js';
export * from './scoring/scoring-methods.js';
export * from './text/column-key.js';
export * from './text/csv-text.js';
export * from './text/search-text.js';
export { endsBeforeItBegins, parentLoop } from './units/unit-hierarchy.js';
export * from './workflow/assessment-workflow.js';
export { addDays, formatCalendarDay, isCalendarDay, parseVietnameseDate, vietnamDay } from './workflow/calendar-day.js';
export * from './workflow/capabilities.js';
export * from './workflow/council.js';
export * from './workflow/period-schedule.js';
export * from './workflow/period-workflow.js';
export * from './workflow/publication-decision.js';
export * from './workflow/publication-preview.js';
export * from './workflow/roles.js';
export {
  ACTION_BLOCKS,
  type ActionBlock,
  type ActionVerdict,
  type DeniedAction,
  type Labels,
  type PresentedVerdict,
  presentActions,
  presentVerdict,
  type TransitionRule,
} from './workflow/transition-table.js';
export * from './workflow/unit-progress.js';
export { addWorkingDays, isWorkingDay } from './workflow/working-days.js';
