import type { FrameworkDocument } from '@opendti/core';
import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Framework versions available to periods: the built-in library is copied in at start-up and a
 * province may import its own. The document is the validated file content; a framework used by a
 * published period is never changed (a new year clones it under a new id).
 */
export const frameworks = pgTable('frameworks', {
  id: text('id').primaryKey(),
  document: jsonb('document').$type<FrameworkDocument>().notNull(),
  /** builtin | imported */
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
