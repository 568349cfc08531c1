import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Assessed agencies and local governments in a hierarchy (province → departments, districts,
 * communes). Units change over time — the 2025 reform merged provinces and abolished districts — so
 * a unit has active dates and may be replaced by another, which lets results be followed across
 * mergers.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** province | department | district | commune | ministry | other — also the cohort of a period. */
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    activeFrom: date('active_from'),
    activeTo: date('active_to'),
    replacedById: uuid('replaced_by_id').references((): AnyPgColumn => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [index('units_parent_idx').on(table.parentId)],
);
