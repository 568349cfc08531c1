import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  type AnswerNode,
  assessmentStateLabel,
  DomainError,
  named,
  readAnswer,
  unitCanEditAnswers,
} from '@opendti/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, auditLog } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { type AssessmentContext, requireAnswerableNode } from './assessment-context.js';
import type { AnswerBody } from './assessment-schemas.js';

export type AnswerRow = typeof answers.$inferSelect;

export type AnswerInput = Static<typeof AnswerBody>;

/** The answer by core's rules (`readAnswer`): what it scores, or a 400 whose message names the indicator. */
function scoreAnswer(node: AnswerNode, input: AnswerInput): { selfPoints: number | null; rawNumber: number | null } {
  const reading = readAnswer(node, input);
  if ('problems' in reading) throw new DomainError('invalid-input', reading.problems);
  return { selfPoints: reading.answer.selfPoints, rawNumber: reading.answer.rawNumber };
}

/** The answers of one assessment by indicator code, as stored now. */
export async function answersByIndicator(db: Database, assessmentId: string): Promise<Map<string, AnswerRow>> {
  const rows = await db.select().from(answers).where(eq(answers.assessmentId, assessmentId));
  return new Map(rows.map((row) => [row.indicatorCode, row]));
}

function sameContent(row: AnswerRow, input: AnswerInput): boolean {
  return (
    (row.value ?? null) === (input.value ?? null) &&
    row.notAssessed === (input.notAssessed ?? false) &&
    (row.notAssessedReason ?? null) === (input.notAssessedReason ?? null) &&
    (row.explanation ?? null) === (input.explanation ?? null)
  );
}

/**
 * Saves one answer. Idempotent: repeating a save that already landed returns the stored answer.
 * Optimistic locking: an edit based on an older version than the stored one is a conflict (409),
 * never a silent overwrite. Every change of self points is audited in the same transaction.
 */
export async function saveAnswer(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  code: string,
  input: AnswerInput,
): Promise<AnswerRow> {
  if (!unitCanEditAnswers(context.assessment.state)) {
    throw new DomainError('conflict', [
      { code: 'workflow.locked', params: { state: assessmentStateLabel(context.assessment.state) } },
    ]);
  }
  const node = requireAnswerableNode(context.framework, code);
  const scored = scoreAnswer(node, input);
  const saved = await saveInOneStatement(db, actor, context, code, input, scored);
  if (saved) return saved;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(answers)
      .where(and(eq(answers.assessmentId, context.assessment.id), eq(answers.indicatorCode, code)));
    const currentVersion = current?.version ?? 0;
    if (
      current &&
      sameContent(current, input) &&
      current.selfPoints === scored.selfPoints &&
      input.baseVersion >= currentVersion - 1
    ) {
      return current; // a retry of a save that already landed
    }
    if (input.baseVersion !== currentVersion) {
      throw new DomainError('conflict', [
        {
          code: 'http.stale-version',
          params: { what: named('answer', code), current: currentVersion, based: input.baseVersion },
        },
      ]);
    }
    const values = {
      value: input.value ?? null,
      selfPoints: scored.selfPoints,
      rawNumber: scored.rawNumber,
      notAssessed: input.notAssessed ?? false,
      notAssessedReason: input.notAssessed ? (input.notAssessedReason ?? null) : null,
      explanation: input.explanation ?? null,
      version: currentVersion + 1,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    const [saved] = current
      ? await tx
          .update(answers)
          .set(values)
          .where(
            and(
              eq(answers.assessmentId, context.assessment.id),
              eq(answers.indicatorCode, code),
              eq(answers.version, currentVersion),
            ),
          )
          .returning()
      : await tx
          .insert(answers)
          .values({ assessmentId: context.assessment.id, indicatorCode: code, ...values })
          .onConflictDoNothing()
          .returning();
    if (!saved) {
      // Lost a race with a concurrent save of the same answer.
      throw new DomainError('conflict', [
        {
          code: 'http.stale-version',
          params: { what: named('answer', code), current: currentVersion + 1, based: input.baseVersion },
        },
      ]);
    }
    await recordAudit(tx, {
      actor,
      action: 'answer.saved',
      entityType: 'answer',
      entityId: `${context.assessment.id}/${code}`,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      indicatorCode: code,
      oldValue: current ? { value: current.value, selfPoints: current.selfPoints, notAssessed: current.notAssessed } : null,
      newValue: { value: saved.value, selfPoints: saved.selfPoints, notAssessed: saved.notAssessed },
    });
    return saved;
  });
}

type AnswerRecord = {
  assessment_id: string;
  indicator_code: string;
  value: string | null;
  self_points: number | null;
  raw_number: number | null;
  not_assessed: boolean;
  not_assessed_reason: string | null;
  explanation: string | null;
  version: number;
  updated_by: string | null;
  updated_at: Date | string;
};

/**
 * The common saves — a unit's first answer to an indicator, or an edit at the version it was based on
 * with new content — as one statement: the write and its audit entry in data-modifying CTEs, atomic
 * without BEGIN and COMMIT, so a reporter's autosave costs one round trip instead of five. For an
 * edit, `old` reads the row as the statement's snapshot sees it, before `saved` changes it. Returns
 * undefined when the row is not as expected (an answer already there for a first save, another
 * version, unchanged content: retries and conflicts), which the transaction of saveAnswer tells apart.
 */
async function saveInOneStatement(
  db: Database,
  actor: Actor & { displayName?: string },
  context: AssessmentContext,
  code: string,
  input: AnswerInput,
  scored: { selfPoints: number | null; rawNumber: number | null },
): Promise<AnswerRow | undefined> {
  const assessmentId = context.assessment.id;
  const value = input.value ?? null;
  const selfPoints = sql`${scored.selfPoints}::double precision`;
  const rawNumber = sql`${scored.rawNumber}::double precision`;
  const notAssessed = input.notAssessed ?? false;
  const notAssessedReason = notAssessed ? (input.notAssessedReason ?? null) : null;
  const explanation = input.explanation ?? null;
  const updatedAt = sql`${new Date().toISOString()}::timestamptz`;
  const write =
    input.baseVersion === 0
      ? sql`old as (select null::text as value, null::double precision as self_points, null::boolean as not_assessed),
        saved as (
          insert into ${answers} (assessment_id, indicator_code, value, self_points, raw_number, not_assessed,
            not_assessed_reason, explanation, version, updated_by, updated_at)
          values (${assessmentId}::uuid, ${code}, ${value}, ${selfPoints}, ${rawNumber}, ${notAssessed},
            ${notAssessedReason}, ${explanation}, 1, ${actor.userId}::uuid, ${updatedAt})
          on conflict do nothing
          returning *
        )`
      : sql`old as (
          select ${answers.value} as value, ${answers.selfPoints} as self_points, ${answers.notAssessed} as not_assessed
          from ${answers} where ${answers.assessmentId} = ${assessmentId} and ${answers.indicatorCode} = ${code}
            and ${answers.version} = ${input.baseVersion}
        ), saved as (
          update ${answers} set
            value = ${value}, self_points = ${selfPoints}, raw_number = ${rawNumber}, not_assessed = ${notAssessed},
            not_assessed_reason = ${notAssessedReason}, explanation = ${explanation},
            version = ${answers.version} + 1, updated_by = ${actor.userId}, updated_at = ${updatedAt}
          where ${answers.assessmentId} = ${assessmentId} and ${answers.indicatorCode} = ${code}
            and ${answers.version} = ${input.baseVersion}
            and not (
              ${answers.value} is not distinct from ${value}
              and ${answers.selfPoints} is not distinct from ${selfPoints}
              and ${answers.notAssessed} = ${notAssessed}
              and ${answers.notAssessedReason} is not distinct from ${notAssessedReason}
              and ${answers.explanation} is not distinct from ${explanation})
          returning *
        )`;
  // A first answer is audited with no old value, as the transaction path records it.
  const oldValue =
    input.baseVersion === 0
      ? sql`null::jsonb`
      : sql`jsonb_build_object('value', old.value, 'selfPoints', old.self_points, 'notAssessed', old.not_assessed)`;
  const result = await db.execute<AnswerRecord>(sql`
    with ${write}, audit as (
      insert into ${auditLog} (actor_id, actor_name, actor_role, action, entity_type, entity_id,
        period_id, unit_id, assessment_id, indicator_code, old_value, new_value)
      select ${actor.userId}::uuid, ${actor.displayName ?? null}, ${actor.role}, 'answer.saved', 'answer', ${`${assessmentId}/${code}`},
        ${context.period.id}::uuid, ${context.unit.id}::uuid, saved.assessment_id, saved.indicator_code, ${oldValue},
        jsonb_build_object('value', saved.value, 'selfPoints', saved.self_points, 'notAssessed', saved.not_assessed)
      from saved cross join old
    )
    select * from saved`);
  const [row] = result.rows;
  if (!row) return undefined;
  return {
    assessmentId: row.assessment_id,
    indicatorCode: row.indicator_code,
    value: row.value,
    selfPoints: row.self_points,
    rawNumber: row.raw_number,
    notAssessed: row.not_assessed,
    notAssessedReason: row.not_assessed_reason,
    explanation: row.explanation,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
}
