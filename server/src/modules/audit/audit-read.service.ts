import type { Static } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { auditLog } from '../../db/schema/index.js';
import type { Page } from '../../http/pagination.js';
import type { AuditQuery } from './audit-schemas.js';

export type AuditFilter = Static<typeof AuditQuery>;

/** The audit log, newest first, filtered and paged in the database (it grows with every save). */
export async function readAuditLog(db: Database, filter: AuditFilter): Promise<Page<typeof auditLog.$inferSelect>> {
  const conditions: SQL[] = [];
  if (filter.periodId) conditions.push(eq(auditLog.periodId, filter.periodId));
  if (filter.unitId) conditions.push(eq(auditLog.unitId, filter.unitId));
  if (filter.assessmentId) conditions.push(eq(auditLog.assessmentId, filter.assessmentId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditLog.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditLog.at, new Date(filter.to)));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(auditLog).where(where),
  ]);
  return { items, page, pageSize, total: total?.value ?? 0 };
}
