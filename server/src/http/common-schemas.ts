import { type TSchema, Type } from '@fastify/type-provider-typebox';

/** Building blocks of the response schemas: what the database's column types become in JSON. */

/**
 * A nullable column or field. JSON bodies are validated without type coercion (app.ts), so neither
 * branch can swallow the other's values: an explicit null stays null and 0 stays 0.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/** A `timestamp with time zone` column: a Date, serialised as an ISO 8601 instant. */
export const Timestamp = (options: { description?: string } = {}) => Type.String({ format: 'date-time', ...options });

/** A `date` column (a calendar day, no time zone): yyyy-mm-dd. */
export const CalendarDay = (options: { description?: string } = {}) => Type.String({ description: 'yyyy-mm-dd', ...options });

/**
 * A string from a closed list (roles, workflow states, unit kinds): an `enum` in the document and a
 * union of literals in the web app's types. Written as a plain string `enum` (not `anyOf` of
 * consts) so that serialising never rejects a row.
 */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
