import { type CompiledFramework, englishNamesOf, type PublicationDecision, type ResultSet } from '@opendti/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { periods, resultSnapshots } from '../../db/schema/index.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { computeCohortScores } from './compute-results.js';
import { withEnglishNames } from './english-result-names.js';

/** The period states whose snapshots the public may see. */
export const PUBLIC_PERIOD_STATES = ['published', 'archived'];

/** The condition "this cohort's snapshot of this period is public", for queries joining snapshots to periods. */
export function isPublishedSnapshot(periodId: string, unitKind: string) {
  return and(
    eq(resultSnapshots.periodId, periodId),
    eq(resultSnapshots.unitKind, unitKind),
    inArray(periods.state, PUBLIC_PERIOD_STATES),
  );
}

/**
 * The version of a published cohort's snapshot (its ETag and publication date: one short row), or
 * undefined when the period is unknown, not published, or did not publish the cohort. Every public
 * route that depends on the published results starts here.
 */
export async function readPublishedVersion(
  db: Pick<Database, 'select'>,
  periodId: string,
  unitKind: string,
): Promise<{ etag: string; publishedAt: Date } | undefined> {
  const [row] = await db
    .select({ etag: resultSnapshots.etag, publishedAt: resultSnapshots.publishedAt })
    .from(resultSnapshots)
    .innerJoin(periods, eq(periods.id, resultSnapshots.periodId))
    .where(isPublishedSnapshot(periodId, unitKind));
  return row;
}

/**
 * The tables a publication freezes, one per cohort of the period: publishing stores them as the
 * snapshots, and the publication preview shows them beforehand. One computation for both, so the
 * preview is the table the public will see, number for number.
 */
export async function buildPublishedTables(
  db: Database,
  periodId: string,
  cohorts: readonly { unitKind: string; frameworkId: string }[],
) {
  const tables = [];
  for (const cohort of cohorts) {
    const framework = await getCompiledFramework(db, cohort.frameworkId);
    const { results, detail } = await computeCohortScores(db, { periodId, unitKind: cohort.unitKind, framework });
    tables.push({ unitKind: cohort.unitKind, frameworkId: cohort.frameworkId, framework, results, detail });
  }
  return tables;
}

/**
 * A published table as the public ranking route sends it: the results with their English names,
 * the framework's legal basis and the publication (date and decision). The preview sends the same.
 */
export function presentPublishedTable(
  results: ResultSet,
  framework: CompiledFramework,
  publication: { publishedAt: Date | null; publicationDecision: PublicationDecision | null },
) {
  const { issuer, document, date } = framework.document.legalBasis;
  return {
    ...withEnglishNames(results, englishNamesOf(framework.document)),
    publishedAt: publication.publishedAt,
    publicationDecision: publication.publicationDecision,
    legalBasis: { issuer, document, date },
  };
}
