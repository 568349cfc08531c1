import { type CompiledFramework, DomainError, named } from '@opendti/core';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { preparedPerDatabase } from '../../db/prepared-per-database.js';
import { assessments, periods, units } from '../../db/schema/index.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export interface AssessmentContext {
  assessment: AssessmentRow;
  period: PeriodRow;
  unit: UnitRow;
  framework: CompiledFramework;
}

/** Every assessment route starts with this lookup: prepared once per database. */
const contextLookup = preparedPerDatabase((db) =>
  db
    .select({ assessment: assessments, period: periods, unit: units })
    .from(assessments)
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(eq(assessments.id, sql.placeholder('assessmentId')))
    .prepare('assessment_context'),
);

/** Loads an assessment with its period, unit and framework: the first step of every assessment route. */
export async function loadAssessmentContext(db: Database, assessmentId: string): Promise<AssessmentContext> {
  const [row] = await contextLookup(db).execute({ assessmentId });
  if (!row) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('assessment', assessmentId) } }]);
  return { ...row, framework: await getCompiledFramework(db, row.assessment.frameworkId) };
}

/** The indicator (or main index, where the framework is scored from main-index values) a code names. */
export function requireAnswerableNode(framework: CompiledFramework, code: string) {
  const index = framework.nodeByCode.get(code);
  const node = index === undefined ? undefined : framework.nodes[index];
  if (!node || (node.level !== 'indicator' && node.level !== 'mainIndex')) {
    throw new DomainError('not-found', [
      { code: 'input.unknown-indicator', params: { indicator: code, framework: framework.document.id } },
    ]);
  }
  return node;
}

/** The main-index code an indicator belongs to (itself for a main index), for appraiser scopes. */
export function mainIndexCodeOf(framework: CompiledFramework, code: string): string | undefined {
  const index = framework.nodeByCode.get(code);
  const node = index === undefined ? undefined : framework.nodes[index];
  if (!node) return undefined;
  if (node.level === 'mainIndex') return node.code;
  return framework.nodes[node.parent]?.code;
}
