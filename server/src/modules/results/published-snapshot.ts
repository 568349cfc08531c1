import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { periods, resultSnapshots } from '../../db/schema/index.js';

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
