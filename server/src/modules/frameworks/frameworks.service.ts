import {
  type Actor,
  type CompiledFramework,
  compileFramework,
  DomainError,
  type FrameworkDocument,
  named,
  parseFramework,
} from '@opendti/core';
import { listBuiltinFrameworkIds, loadBuiltinFramework } from '@opendti/frameworks';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { frameworks, periodCohorts } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';

/** Copies the built-in library into the database at start-up; existing rows are left alone. */
export async function installBuiltinFrameworks(db: Database): Promise<void> {
  const rows = listBuiltinFrameworkIds().map((id) => ({ id, document: loadBuiltinFramework(id), source: 'builtin' }));
  await db.insert(frameworks).values(rows).onConflictDoNothing();
}

export async function listFrameworks(db: Database): Promise<{ id: string; document: FrameworkDocument; source: string }[]> {
  return db
    .select({ id: frameworks.id, document: frameworks.document, source: frameworks.source })
    .from(frameworks)
    .orderBy(frameworks.id);
}

const compiledCache = new Map<string, CompiledFramework>();

/**
 * A framework by id, compiled. Only a frozen framework — built in, or used by a period — is cached:
 * it can never change again. One still editable is read each time, because another server process
 * may edit it and has no way to tell this one to forget it (the edit forgets it in its own process).
 * Inside a transaction pass the transaction: PGlite has one connection, so a query on `db` while a
 * transaction holds it waits forever.
 */
export async function getCompiledFramework(db: Pick<Database, 'select'>, id: string): Promise<CompiledFramework> {
  const cached = compiledCache.get(id);
  if (cached) return cached;
  const [row] = await db
    .select({
      document: frameworks.document,
      source: frameworks.source,
      inUse: sql<boolean>`exists (select 1 from ${periodCohorts} where ${periodCohorts.frameworkId} = ${frameworks.id})`,
    })
    .from(frameworks)
    .where(eq(frameworks.id, id));
  if (!row) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('framework', id) } }]);
  const compiled = compileFramework(row.document);
  if (row.source === 'builtin' || row.inUse) compiledCache.set(id, compiled);
  return compiled;
}

/** Drops a framework's compiled form after its document changed (framework editing), so the next read compiles the new one. */
export function forgetCompiledFramework(id: string): void {
  compiledCache.delete(id);
}

/** Imports a framework file (YAML or JSON text), validated by core; an id already present is a conflict. */
export async function importFramework(db: Database, actor: Actor, text: string, fileName: string): Promise<FrameworkDocument> {
  const document = parseFramework(text, fileName);
  const inserted = await db
    .insert(frameworks)
    .values({ id: document.id, document, source: 'imported' })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    throw new DomainError('conflict', [
      { code: 'framework.duplicate-code', params: { code: document.id, first: 'một bộ chỉ số đã có' } },
    ]);
  }
  await recordAudit(db, {
    actor,
    action: 'framework.imported',
    entityType: 'framework',
    entityId: document.id,
    newValue: { fileName },
  });
  return document;
}
