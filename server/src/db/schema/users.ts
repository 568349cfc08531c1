import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';

/** Accounts. A unit reporter or leader belongs to one unit; council roles and managers do not. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** argon2id, PHC string. */
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  /** Where notifications are e-mailed (issue 12); none: in the app only. */
  email: text('email'),
  unitId: uuid('unit_id').references(() => units.id),
  /** For appraisers: the main-index or indicator codes they appraise; empty = all (seed 001 assigns by competence). */
  assignedScopes: text('assigned_scopes').array().notNull().default(sql`'{}'::text[]`),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Sessions live in the database so that several app processes behind a load balancer share them.
 * The cookie carries a random token; only its SHA-256 is stored.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Double-submit CSRF token for cookie-authenticated writes. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Failed logins per client address in a sliding window, shared by every process. */
export const loginThrottle = pgTable('login_throttle', {
  clientKey: text('client_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().default(sql`now()`),
});
