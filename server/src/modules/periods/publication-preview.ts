import {
  type Locale,
  type PreviewCohort,
  type PreviewUnitFacts,
  PUBLICATION_SWING_THRESHOLDS,
  publicationWarnings,
  type ResultSet,
  undecidedIndicators,
} from '@opendti/core';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, appraisals, assessments, periods, resultSnapshots, units } from '../../db/schema/index.js';
import type { AssessmentContext } from '../assessments/assessment-context.js';
import { answerableCodes } from '../assessments/assessments.service.js';
import { buildPublishedTables, PUBLIC_PERIOD_STATES, presentPublishedTable } from '../results/published-snapshot.js';
import { getPeriod } from './periods.service.js';

/** The latest published table of a cohort from an earlier year: what the public table compares with. */
export async function previousPublished(db: Database, year: number, unitKind: string) {
  const [row] = await db
    .select({ periodId: periods.id, year: periods.year, results: resultSnapshots.results })
    .from(resultSnapshots)
    .innerJoin(periods, eq(periods.id, resultSnapshots.periodId))
    .where(and(eq(resultSnapshots.unitKind, unitKind), inArray(periods.state, PUBLIC_PERIOD_STATES), lt(periods.year, year)))
    .orderBy(desc(periods.year), desc(periods.publishedAt))
    .limit(1);
  return row;
}

/** Per assessment of the period: its unit, state, how many indicators are answered and how many the council has not decided. */
async function unitFacts(db: Database, periodId: string, frameworks: Map<string, AssessmentContext['framework']>) {
  const rows = await db
    .select({
      id: assessments.id,
      state: assessments.state,
      participation: assessments.participation,
      frameworkId: assessments.frameworkId,
      unit: units,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(eq(assessments.periodId, periodId))
    .orderBy(units.kind, units.code);
  const ids = rows.map((row) => row.id);
  const [answerRows, decisionRows] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              assessmentId: answers.assessmentId,
              value: answers.value,
              selfPoints: answers.selfPoints,
              notAssessed: answers.notAssessed,
            })
            .from(answers)
            .where(inArray(answers.assessmentId, ids)),
          db
            .select({
              assessmentId: appraisals.assessmentId,
              indicatorCode: appraisals.indicatorCode,
              decision: appraisals.decision,
            })
            .from(appraisals)
            .where(inArray(appraisals.assessmentId, ids)),
        ]);
  const answered = new Map<string, number>();
  for (const row of answerRows) {
    // A row left by clearing a field is no answer.
    if (row.value === null && row.selfPoints === null && !row.notAssessed) continue;
    answered.set(row.assessmentId, (answered.get(row.assessmentId) ?? 0) + 1);
  }
  const decisionsOf = new Map<string, { indicatorCode: string; decision: string }[]>();
  for (const row of decisionRows) decisionsOf.set(row.assessmentId, [...(decisionsOf.get(row.assessmentId) ?? []), row]);
  return rows.map((row): PreviewUnitFacts => {
    const framework = frameworks.get(row.frameworkId);
    // answerableCodes reads the framework only.
    const codes = framework ? answerableCodes({ framework } as AssessmentContext) : [];
    return {
      unitKind: row.unit.kind,
      code: row.unit.code,
      name: row.unit.name,
      state: row.state,
      participation: row.participation,
      answered: answered.get(row.id) ?? 0,
      undecided: undecidedIndicators(codes, decisionsOf.get(row.id) ?? []).length,
    };
  });
}

/**
 * Before publishing: every cohort's table exactly as publishing would freeze it and the public
 * ranking would send it (the same computation, `buildPublishedTables`, and the same presentation),
 * the previous published table it will be compared with, and the warnings the manager should read
 * first (core's `publicationWarnings`, each naming its unit).
 */
export async function getPublicationPreview(db: Database, periodId: string, locale: Locale) {
  const period = await getPeriod(db, periodId);
  const tables = await buildPublishedTables(db, periodId, period.cohorts);
  const cohorts = [];
  const previews: PreviewCohort[] = [];
  for (const table of tables) {
    const previous = await previousPublished(db, period.year, table.unitKind);
    previews.push({
      unitKind: table.unitKind,
      results: table.results,
      previous: previous ? { year: previous.year, results: previous.results as ResultSet } : undefined,
    });
    cohorts.push({
      unitKind: table.unitKind,
      frameworkId: table.frameworkId,
      results: presentPublishedTable(table.results, table.framework, {
        publishedAt: null,
        publicationDecision: null,
      }),
      previous: previous ? { periodId: previous.periodId, year: previous.year, results: previous.results } : null,
    });
  }
  const frameworks = new Map(tables.map((table) => [table.frameworkId, table.framework]));
  const facts = await unitFacts(db, periodId, frameworks);
  return {
    periodId,
    year: period.year,
    state: period.state,
    thresholds: { ...PUBLICATION_SWING_THRESHOLDS },
    cohorts,
    warnings: publicationWarnings(facts, previews, locale),
  };
}
