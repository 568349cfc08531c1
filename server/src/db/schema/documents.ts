import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProvinceHeader } from '../../documents/province-header.js';

/**
 * The province's header settings for every official document (issue 13): one row, id "province",
 * edited by the administrator (audited). Absent until first saved: the defaults print.
 */
export const documentSettings = pgTable('document_settings', {
  id: text('id').primaryKey(),
  header: jsonb('header').$type<ProvinceHeader>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * A Word template an administrator uploaded in place of the shipped one, per document kind; checked
 * against the document's fields before it is stored. Deleting the row restores the shipped template.
 */
export const documentTemplates = pgTable('document_templates', {
  kind: text('kind').primaryKey(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  /** The .docx as base64: a backup writes rows as JSON lines. */
  content: text('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().default(sql`now()`),
});
