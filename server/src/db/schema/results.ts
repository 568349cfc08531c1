import type { ResultSet } from '@opendti/core';
import { sql } from 'drizzle-orm';
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { periods } from './periods.js';

/**
 * Results frozen at publication, one per cohort of a period: public endpoints serve these and
 * nothing else, so a later change to answers cannot alter what was published.
 */
export const resultSnapshots = pgTable(
  'result_snapshots',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    unitKind: text('unit_kind').notNull(),
    frameworkId: text('framework_id').notNull(),
    results: jsonb('results').$type<ResultSet>().notNull(),
    /** Official and self points of every indicator of every unit, for the published analysis pages. */
    detail: jsonb('detail')
      .$type<Record<string, Record<string, { points: number | null; selfPoints: number | null; notAssessed: boolean }>>>()
      .notNull(),
    /** Strong ETag of the serialised results. */
    etag: text('etag').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().default(sql`now()`),
    publishedBy: uuid('published_by'),
  },
  (table) => [primaryKey({ columns: [table.periodId, table.unitKind] })],
);
