import { Type } from '@fastify/type-provider-typebox';
import { Nullable, Timestamp } from '../../http/common-schemas.js';
import { PageOf, PageQuery } from '../../http/pagination.js';

/** The administrator's filters over the whole log, and the page (readAuditLog's input). */
export const AuditQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    periodId: Type.Optional(Type.String({ format: 'uuid' })),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    assessmentId: Type.Optional(Type.String({ format: 'uuid' })),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);

/** One audit log entry, as stored: who, when, what, old → new and why. */
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Timestamp(),
  actorId: Nullable(Type.String({ format: 'uuid', description: 'Null for the system itself' })),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String({ description: 'e.g. answer.saved, appraisal.adjusted, period.publish' }),
  entityType: Type.String(),
  entityId: Type.String(),
  periodId: Nullable(Type.String({ format: 'uuid' })),
  unitId: Nullable(Type.String({ format: 'uuid' })),
  assessmentId: Nullable(Type.String({ format: 'uuid' })),
  indicatorCode: Nullable(Type.String()),
  oldValue: Type.Unknown({ description: 'Any JSON value, or null' }),
  newValue: Type.Unknown({ description: 'Any JSON value, or null' }),
  reason: Nullable(Type.String()),
});

export const AuditPageSchema = PageOf(AuditEntrySchema);
