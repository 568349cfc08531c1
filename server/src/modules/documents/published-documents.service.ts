import type { Writable } from 'node:stream';
import {
  COHORT_LABELS,
  compareWithPrevious,
  DomainError,
  named,
  type PublicationDecision,
  type ResultSet,
  UNIT_KINDS,
  type UnitKind,
  vietnamDay,
} from '@opendti/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { appraisals, assessments, periods, resultSnapshots, units } from '../../db/schema/index.js';
import type { DocumentData } from '../../documents/fill-template.js';
import { DOCUMENT_NAMES } from '../../documents/layouts.js';
import type { ProvinceHeader } from '../../documents/province-header.js';
import type { PeriodFacts, PublishedCohort } from '../../documents/published-cohort.js';
import { type DocumentFormat, type RenderedDocument, renderDocument, renderDocuments } from '../../documents/render-document.js';
import { buildDecisionAppendixData, buildResultReportData } from '../../documents/result-report-data.js';
import { buildScoreSheetData } from '../../documents/score-sheet-data.js';
import { writeZip, type ZipEntry } from '../../documents/write-zip.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { previousPublished } from '../periods/publication-preview.js';
import { PUBLIC_PERIOD_STATES } from '../results/published-snapshot.js';
import { scoresFromSnapshot } from '../results/snapshot-scores.js';
import { readProvinceHeader, templateFor } from './document-settings.service.js';

/** A published period as its documents see it: the snapshots only, never the live answers. */
export interface PublishedPeriod {
  id: string;
  facts: PeriodFacts;
  cohorts: PublishedCohort[];
}

const cohortOrder = (unitKind: string) => {
  const index = (UNIT_KINDS as readonly string[]).indexOf(unitKind);
  return index < 0 ? UNIT_KINDS.length : index;
};

/**
 * The period's published snapshots, with the previous year's comparison and the engine scores rebuilt
 * from each snapshot (decision 0010's rule: what is published is what is shown). Refused (409) while
 * the period is not published: no document is made from unpublished results.
 */
export async function loadPublishedPeriod(db: Database, periodId: string): Promise<PublishedPeriod> {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
  if (!PUBLIC_PERIOD_STATES.includes(period.state)) throw new DomainError('conflict', [{ code: 'document.not-published' }]);
  const snapshots = await db.select().from(resultSnapshots).where(eq(resultSnapshots.periodId, periodId));
  snapshots.sort((a, b) => cohortOrder(a.unitKind) - cohortOrder(b.unitKind));
  const cohorts: PublishedCohort[] = [];
  for (const snapshot of snapshots) {
    const framework = await getCompiledFramework(db, snapshot.frameworkId);
    const previous = await previousPublished(db, period.year, snapshot.unitKind);
    const results = previous ? compareWithPrevious(snapshot.results, previous.results as ResultSet) : snapshot.results;
    cohorts.push({
      unitKind: snapshot.unitKind,
      cohortName: (UNIT_KINDS as readonly string[]).includes(snapshot.unitKind)
        ? COHORT_LABELS[snapshot.unitKind as UnitKind].vi
        : snapshot.unitKind,
      results,
      scores: scoresFromSnapshot(framework, snapshot.results, snapshot.detail),
      previousYear: previous?.year,
    });
  }
  return {
    id: period.id,
    facts: {
      name: period.name,
      year: period.year,
      publicationDecision: period.publicationDecision as PublicationDecision | null,
    },
    cohorts,
  };
}

/** The unit (by code) and its cohort in a published period; 404 when the unit is not in the published results. */
export function findPublishedUnit(published: PublishedPeriod, unitCode: string) {
  for (const cohort of published.cohorts) {
    if (cohort.results.units.some((unit) => unit.code === unitCode)) return cohort;
  }
  throw new DomainError('not-found', [{ code: 'document.unit-not-in-results', params: { unit: unitCode } }]);
}

/** The unit's id, for authorization (a unit reads its own sheet only). */
export async function unitIdOf(db: Database, unitCode: string): Promise<string> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
  if (!row) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('unit', unitCode) } }]);
  return row.id;
}

/** The council's reasons where it changed a unit's points in this period (shown on the score sheet). */
async function councilReasons(db: Database, periodId: string, unitCode: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: appraisals.indicatorCode, reason: appraisals.reason, decision: appraisals.decision })
    .from(appraisals)
    .innerJoin(assessments, eq(assessments.id, appraisals.assessmentId))
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(and(eq(assessments.periodId, periodId), eq(units.code, unitCode)));
  return new Map(rows.filter((row) => row.decision === 'adjusted' && row.reason).map((row) => [row.code, row.reason ?? '']));
}

/** Sheets made at once for the ZIP: one LibreOffice start per batch; memory holds one batch. */
const ZIP_BATCH = 20;

export type PeriodDocumentKind = 'result-report' | 'decision-appendix';

/** The result report or the decision appendix of a published period. */
export async function renderPeriodDocument(
  db: Database,
  published: PublishedPeriod,
  kind: PeriodDocumentKind,
  format: DocumentFormat,
): Promise<RenderedDocument & { fileName: string }> {
  const header = await readProvinceHeader(db);
  const day = vietnamDay(new Date());
  const build = kind === 'result-report' ? buildResultReportData : buildDecisionAppendixData;
  const data = build(published.facts, published.cohorts, header, day);
  const template = await templateFor(db, kind);
  const rendered = await renderDocument(kind, data, format, { template: template.bytes });
  return { ...rendered, fileName: `${DOCUMENT_NAMES[kind].file}-${published.facts.year}.${format}` };
}

async function scoreSheetData(
  db: Database,
  published: PublishedPeriod,
  cohort: PublishedCohort,
  unitCode: string,
  header: ProvinceHeader,
): Promise<DocumentData> {
  if (!cohort.scores) throw new Error('a published cohort has its scores');
  return buildScoreSheetData({
    period: published.facts,
    cohortName: cohort.cohortName,
    results: cohort.results,
    scores: cohort.scores,
    unitCode,
    reasons: await councilReasons(db, published.id, unitCode),
    header,
    day: vietnamDay(new Date()),
  });
}

export function scoreSheetFileName(year: number, unitCode: string, format: DocumentFormat): string {
  return `${DOCUMENT_NAMES['unit-score-sheet'].file}-${year}-${unitCode}.${format}`;
}

/** One unit's score sheet from the published snapshot. */
export async function renderScoreSheet(db: Database, published: PublishedPeriod, unitCode: string, format: DocumentFormat) {
  const cohort = findPublishedUnit(published, unitCode);
  const header = await readProvinceHeader(db);
  const template = await templateFor(db, 'unit-score-sheet');
  const rendered = await renderDocument(
    'unit-score-sheet',
    await scoreSheetData(db, published, cohort, unitCode, header),
    format,
    {
      template: template.bytes,
    },
  );
  return { ...rendered, fileName: scoreSheetFileName(published.facts.year, unitCode, format) };
}

/**
 * Every unit's score sheet as one ZIP, streamed: each sheet is rendered, added and let go before the
 * next, so memory holds one sheet whatever the cohort's size. `onProgress` is called after each
 * sheet (a background job runner can report it; the HTTP route streams to the response).
 */
export async function writeAllScoreSheets(
  db: Database,
  published: PublishedPeriod,
  format: DocumentFormat,
  output: Writable,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const header = await readProvinceHeader(db);
  const template = await templateFor(db, 'unit-score-sheet');
  const units = published.cohorts.flatMap((cohort) => cohort.results.units.map((unit) => ({ cohort, code: unit.code })));
  async function* sheets(): AsyncGenerator<ZipEntry> {
    // In batches: LibreOffice, when it makes the PDFs, is started once per batch, not per sheet.
    for (let start = 0; start < units.length; start += ZIP_BATCH) {
      const batch = units.slice(start, start + ZIP_BATCH);
      const data = [];
      for (const unit of batch) data.push(await scoreSheetData(db, published, unit.cohort, unit.code, header));
      const rendered = await renderDocuments('unit-score-sheet', data, format, { template: template.bytes });
      for (const [index, unit] of batch.entries()) {
        const bytes = rendered[index]?.bytes;
        if (!bytes) continue;
        yield {
          name: `${unit.cohort.unitKind}/${scoreSheetFileName(published.facts.year, unit.code, format)}`,
          bytes,
          compress: format === 'pdf',
        };
      }
      onProgress(Math.min(start + ZIP_BATCH, units.length), units.length);
    }
  }
  await writeZip(sheets(), output);
}
