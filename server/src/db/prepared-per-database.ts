import type { Database } from './database.js';

/**
 * A statement on a hot path, prepared once per database handle: built once by Drizzle, and parsed
 * and planned once per connection by PostgreSQL. `prepare` builds it on first use; the handle
 * (a test's database, or a transaction) keys it, so each gets its own.
 */
export function preparedPerDatabase<Statement>(prepare: (db: Database) => Statement): (db: Database) => Statement {
  const prepared = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = prepared.get(db);
    if (!statement) {
      statement = prepare(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}
