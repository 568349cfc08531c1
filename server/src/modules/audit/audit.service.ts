import type { Actor } from '@opendti/core';
import type { Database } from '../../db/database.js';
import { auditLog } from '../../db/schema/index.js';

export interface AuditEntry {
  /** Undefined for the system itself (lockouts, migrations, seeding). */
  actor: (Actor & { displayName?: string }) | undefined;
  action: string;
  entityType: string;
  entityId: string;
  periodId?: string;
  unitId?: string;
  assessmentId?: string;
  indicatorCode?: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string;
}

/**
 * Appends one entry to the audit log. Call it inside the same transaction as the change it
 * records, so that a change is never without its entry nor an entry without its change.
 */
export async function recordAudit(db: Pick<Database, 'insert'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor?.userId,
    actorName: entry.actor?.displayName,
    actorRole: entry.actor?.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    periodId: entry.periodId,
    unitId: entry.unitId,
    assessmentId: entry.assessmentId,
    indicatorCode: entry.indicatorCode,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
    reason: entry.reason,
  });
}
