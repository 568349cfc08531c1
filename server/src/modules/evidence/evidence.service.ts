import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  assessmentStateLabel,
  type Capability,
  DomainError,
  formatCalendarDay,
  named,
  type Problem,
  rebuttalWindowPassed,
  unitCanAddRebuttalEvidence,
  unitCanAddSupplementation,
  unitCanContest,
  unitCanEditAnswers,
} from '@opendti/core';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { assessments, evidence, rebuttalContests, supplementationRequests, users } from '../../db/schema/index.js';
import type { EvidenceStorage } from '../../storage/evidence-storage.js';
import { inspectEvidenceFile, isInlineMediaType } from '../../storage/file-type.js';
import type { AssessmentContext } from '../assessments/assessment-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { sanitiseFileName } from './evidence-file-name.js';
import type { ReferenceBody } from './evidence-schemas.js';

export type EvidenceRow = typeof evidence.$inferSelect;
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** The signed-in user; their display name, when known, is shown on the evidence they add. */
type EvidenceActor = Actor & { displayName?: string };

function creatorOf(actor: EvidenceActor): { id: string; displayName: string } {
  return { id: actor.userId, displayName: actor.displayName ?? '' };
}

/** One piece of evidence as the API shows it: a file or a document reference, flat, nulls where not applicable. */
export interface EvidenceView {
  id: string;
  indicatorCode: string;
  kind: 'file' | 'reference';
  supplementary: boolean;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /** GET here for the bytes; null for a reference. */
  contentUrl: string | null;
  /** Whether the web app may show it in its viewer (PDF and images) rather than download it. */
  inline: boolean;
  documentNumber: string | null;
  /** yyyy-mm-dd */
  documentDate: string | null;
  issuer: string | null;
  summary: string | null;
  link: string | null;
}

export function presentEvidence(row: EvidenceRow, creator: { id: string; displayName: string } | null): EvidenceView {
  return {
    id: row.id,
    indicatorCode: row.indicatorCode,
    kind: row.kind === 'file' ? 'file' : 'reference',
    supplementary: row.supplementary,
    createdAt: row.createdAt.toISOString(),
    createdBy: creator,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    contentUrl: row.kind === 'file' ? `/api/v1/evidence/${row.id}/content` : null,
    inline: row.mediaType !== null && isInlineMediaType(row.mediaType),
    documentNumber: row.documentNumber,
    documentDate: row.documentDate,
    issuer: row.issuer,
    summary: row.summary,
    link: row.link,
  };
}

function creatorOrNull(id: string | null, displayName: string | null): { id: string; displayName: string } | null {
  return id !== null && displayName !== null ? { id, displayName } : null;
}

/** The indicator's evidence that is not deleted, oldest first, with who added it. */
export async function listEvidence(db: Database, context: AssessmentContext, indicatorCode: string): Promise<EvidenceView[]> {
  const rows = await db
    .select({ row: evidence, creatorId: users.id, creatorName: users.displayName })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .where(
      and(
        eq(evidence.assessmentId, context.assessment.id),
        eq(evidence.indicatorCode, indicatorCode),
        isNull(evidence.deletedAt),
      ),
    )
    .orderBy(asc(evidence.createdAt), asc(evidence.id));
  return rows.map(({ row, creatorId, creatorName }) => presentEvidence(row, creatorOrNull(creatorId, creatorName)));
}

/**
 * The capability a change to an indicator's evidence needs: answering while the unit edits its
 * self-assessment, supplementing while the council has asked for more. In any other state the
 * answer capability is asked for, so that a stranger is refused (403) before being told the
 * assessment is locked (409).
 */
export function evidenceWriteCapability(state: string): Capability {
  if (!unitCanEditAnswers(state) && unitCanAddSupplementation(state)) return 'assessment.supplement';
  if (unitCanContest(state)) return 'assessment.supplement';
  return 'assessment.answer';
}

/**
 * Whether evidence of an indicator may change now, read from the assessment's current state (in a
 * transaction, locked, so a submission cannot slip in between): freely during self-assessment; during
 * supplementation only for an indicator with an open request, and the evidence then added is marked
 * supplementary; in the rebuttal window only for an indicator the unit contests (also supplementary).
 * Otherwise 409. Routes may call it early, e.g. before reading an upload's body.
 */
export async function requireEvidenceWritable(
  db: Database | Transaction,
  assessmentId: string,
  indicatorCode: string,
  now: Date = new Date(),
): Promise<{ supplementary: boolean }> {
  const [fresh] = await db
    .select({ state: assessments.state, resultsSentAt: assessments.resultsSentAt, rebuttalDueOn: assessments.rebuttalDueOn })
    .from(assessments)
    .where(eq(assessments.id, assessmentId))
    .for('update');
  const state = fresh?.state ?? 'unknown';
  if (unitCanEditAnswers(state)) return { supplementary: false };
  if (unitCanAddSupplementation(state)) {
    const open = await db
      .select({ indicatorCode: supplementationRequests.indicatorCode })
      .from(supplementationRequests)
      .where(and(eq(supplementationRequests.assessmentId, assessmentId), eq(supplementationRequests.status, 'open')));
    const openRequestCodes = open.map((row) => row.indicatorCode);
    if (unitCanAddSupplementation(state, { indicatorCode, openRequestCodes })) return { supplementary: true };
    throw new DomainError('conflict', [{ code: 'evidence.no-open-request', params: { indicator: indicatorCode } }]);
  }
  // The rebuttal round: evidence backs a contest the unit has written, while the window is open.
  if (fresh?.resultsSentAt && unitCanContest(state)) {
    if (rebuttalWindowPassed(fresh.rebuttalDueOn, now)) {
      throw new DomainError('conflict', [
        { code: 'workflow.rebuttal-window-passed', params: { dueOn: formatCalendarDay(fresh.rebuttalDueOn as string) } },
      ]);
    }
    const contests = await db
      .select({ indicatorCode: rebuttalContests.indicatorCode })
      .from(rebuttalContests)
      .where(and(eq(rebuttalContests.assessmentId, assessmentId), eq(rebuttalContests.roundSentAt, fresh.resultsSentAt)));
    const contestCodes = contests.map((row) => row.indicatorCode);
    if (unitCanAddRebuttalEvidence(state, { indicatorCode, contestCodes })) return { supplementary: true };
    throw new DomainError('conflict', [{ code: 'evidence.no-contest', params: { indicator: indicatorCode } }]);
  }
  throw new DomainError('conflict', [
    { code: 'evidence.locked', params: { state: assessmentStateLabel(state, 'vi'), stateEn: assessmentStateLabel(state, 'en') } },
  ]);
}

export interface UploadedFile {
  /** As the browser sent it; sanitised here. */
  fileName: string | undefined;
  bytes: Buffer;
}

function auditFields(context: AssessmentContext, indicatorCode: string) {
  return { periodId: context.period.id, unitId: context.unit.id, assessmentId: context.assessment.id, indicatorCode };
}

/**
 * Adds uploaded files as evidence of one indicator. Every file is checked by content first and the
 * whole batch refused (nothing stored) if any is refused, each problem naming its file. Bytes are
 * stored before the rows are written, so a row never points at missing content (a crash in between
 * leaves only unreferenced content, which is harmless). Uploading a file the indicator already has
 * returns the existing evidence: a retried upload does not duplicate it.
 */
export async function addEvidenceFiles(
  db: Database,
  storage: EvidenceStorage,
  actor: EvidenceActor,
  context: AssessmentContext,
  indicatorCode: string,
  files: UploadedFile[],
): Promise<EvidenceView[]> {
  if (files.length === 0) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  await requireEvidenceWritable(db, context.assessment.id, indicatorCode);
  const problems: Problem[] = [];
  const accepted: { fileName: string; bytes: Buffer; mediaType: string }[] = [];
  for (const file of files) {
    const fileName = sanitiseFileName(file.fileName);
    const outcome = inspectEvidenceFile(fileName, file.bytes);
    if ('problem' in outcome) problems.push(outcome.problem);
    else accepted.push({ fileName, bytes: file.bytes, mediaType: outcome.mediaType });
  }
  if (problems.length > 0) throw new DomainError('invalid-input', problems);

  const stored: { fileName: string; mediaType: string; sha256: string; size: number }[] = [];
  for (const file of accepted)
    stored.push({ fileName: file.fileName, mediaType: file.mediaType, ...(await storage.put(file.bytes)) });

  return db.transaction(async (tx) => {
    const { supplementary } = await requireEvidenceWritable(tx, context.assessment.id, indicatorCode);
    const views: EvidenceView[] = [];
    for (const file of stored) {
      const [existing] = await tx
        .select({ row: evidence, creatorId: users.id, creatorName: users.displayName })
        .from(evidence)
        .leftJoin(users, eq(users.id, evidence.createdBy))
        .where(
          and(
            eq(evidence.assessmentId, context.assessment.id),
            eq(evidence.indicatorCode, indicatorCode),
            eq(evidence.sha256, file.sha256),
            isNull(evidence.deletedAt),
          ),
        )
        .limit(1);
      if (existing) {
        views.push(presentEvidence(existing.row, creatorOrNull(existing.creatorId, existing.creatorName)));
        continue;
      }
      const [row] = await tx
        .insert(evidence)
        .values({
          assessmentId: context.assessment.id,
          indicatorCode,
          kind: 'file',
          sha256: file.sha256,
          sizeBytes: file.size,
          mediaType: file.mediaType,
          fileName: file.fileName,
          supplementary,
          createdBy: actor.userId,
          // now() is the transaction's start: files of one upload would tie, and list in random order.
          createdAt: sql`clock_timestamp()`,
        })
        .returning();
      if (!row) throw new Error('evidence insert returned no row');
      await recordAudit(tx, {
        actor,
        action: 'evidence.added',
        entityType: 'evidence',
        entityId: row.id,
        ...auditFields(context, indicatorCode),
        newValue: {
          kind: 'file',
          fileName: row.fileName,
          sha256: row.sha256,
          sizeBytes: row.sizeBytes,
          mediaType: row.mediaType,
          supplementary,
        },
      });
      views.push(presentEvidence(row, creatorOf(actor)));
    }
    return views;
  });
}

export type ReferenceInput = Static<typeof ReferenceBody>;

const REFERENCE_FIELDS = {
  documentNumber: ['Số, ký hiệu văn bản', 'The document number'],
  documentDate: ['Ngày ban hành', 'The document date'],
  issuer: ['Cơ quan ban hành', 'The issuer'],
  summary: ['Trích yếu', 'The summary'],
} as const;

/** A calendar date typed the Vietnamese way (31/10/2022) or ISO (2022-10-31), as yyyy-mm-dd. */
export function parseDocumentDate(value: string): string | undefined {
  const text = value.trim();
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = text.includes('/')
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : [Number(match[3]), Number(match[2]), Number(match[1])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1945 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** An http(s) address, normalised; anything else (javascript:, file:, data:) is refused. */
export function parseLink(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Adds a document reference (số hiệu, ngày, cơ quan ban hành, trích yếu, đường dẫn) as evidence. */
export async function addEvidenceReference(
  db: Database,
  actor: EvidenceActor,
  context: AssessmentContext,
  indicatorCode: string,
  input: ReferenceInput,
): Promise<EvidenceView> {
  const problems: Problem[] = [];
  for (const [field, [label, labelEn]] of Object.entries(REFERENCE_FIELDS)) {
    if (!input[field as keyof typeof REFERENCE_FIELDS].trim()) {
      problems.push({ code: 'evidence.blank-field', params: { field: label, fieldEn: labelEn } });
    }
  }
  const documentDate = input.documentDate.trim() ? parseDocumentDate(input.documentDate) : undefined;
  if (input.documentDate.trim() && documentDate === undefined)
    problems.push({ code: 'evidence.bad-date', params: { value: input.documentDate } });
  const rawLink = input.link?.trim() || undefined;
  const link = rawLink === undefined ? null : parseLink(rawLink);
  if (link === undefined) problems.push({ code: 'evidence.bad-link', params: { value: rawLink ?? '' } });
  if (problems.length > 0) throw new DomainError('invalid-input', problems);

  return db.transaction(async (tx) => {
    const { supplementary } = await requireEvidenceWritable(tx, context.assessment.id, indicatorCode);
    const [row] = await tx
      .insert(evidence)
      .values({
        assessmentId: context.assessment.id,
        indicatorCode,
        kind: 'reference',
        documentNumber: input.documentNumber.trim(),
        documentDate: documentDate ?? null,
        issuer: input.issuer.trim(),
        summary: input.summary.trim(),
        link: link ?? null,
        supplementary,
        createdBy: actor.userId,
        createdAt: sql`clock_timestamp()`,
      })
      .returning();
    if (!row) throw new Error('evidence insert returned no row');
    await recordAudit(tx, {
      actor,
      action: 'evidence.added',
      entityType: 'evidence',
      entityId: row.id,
      ...auditFields(context, indicatorCode),
      newValue: {
        kind: 'reference',
        documentNumber: row.documentNumber,
        documentDate: row.documentDate,
        issuer: row.issuer,
        summary: row.summary,
        link: row.link,
        supplementary,
      },
    });
    return presentEvidence(row, creatorOf(actor));
  });
}

function evidenceNotFound(evidenceId: string): DomainError {
  return new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('evidence', evidenceId) } }]);
}

/**
 * Removes evidence from the indicator (soft delete: the row and the bytes stay for the audit trail).
 * During supplementation only supplementary evidence may go: what was submitted is what the
 * council appraised.
 */
export async function deleteEvidence(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  indicatorCode: string,
  evidenceId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { supplementary } = await requireEvidenceWritable(tx, context.assessment.id, indicatorCode);
    const [row] = await tx
      .select()
      .from(evidence)
      .where(
        and(
          eq(evidence.id, evidenceId),
          eq(evidence.assessmentId, context.assessment.id),
          eq(evidence.indicatorCode, indicatorCode),
          isNull(evidence.deletedAt),
        ),
      );
    if (!row) throw evidenceNotFound(evidenceId);
    if (supplementary && !row.supplementary) {
      throw new DomainError('conflict', [
        { code: 'evidence.submitted-locked', params: { what: row.fileName ?? row.documentNumber ?? row.id } },
      ]);
    }
    await tx.update(evidence).set({ deletedAt: new Date() }).where(eq(evidence.id, row.id));
    await recordAudit(tx, {
      actor,
      action: 'evidence.deleted',
      entityType: 'evidence',
      entityId: row.id,
      ...auditFields(context, indicatorCode),
      oldValue: {
        kind: row.kind,
        fileName: row.fileName,
        sha256: row.sha256,
        documentNumber: row.documentNumber,
        supplementary: row.supplementary,
      },
    });
  });
}

/** A stored file and the unit that owns it (for the read check), or 404 for a reference, a deleted or unknown id. */
export async function loadEvidenceFile(
  db: Database,
  evidenceId: string,
): Promise<{ row: EvidenceRow & { sha256: string }; unitId: string }> {
  const [found] = await db
    .select({ row: evidence, unitId: assessments.unitId })
    .from(evidence)
    .innerJoin(assessments, eq(assessments.id, evidence.assessmentId))
    .where(and(eq(evidence.id, evidenceId), isNull(evidence.deletedAt), eq(evidence.kind, 'file')));
  if (!found || found.row.sha256 === null) throw evidenceNotFound(evidenceId);
  return { row: found.row as EvidenceRow & { sha256: string }, unitId: found.unitId };
}
