import { Type } from '@fastify/type-provider-typebox';
import { UNIT_KINDS } from '@opendti/core';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

// A real day (2023-02-30 is refused here, not by the database).
const IsoDate = Type.String({ format: 'date' });

/** A unit as it is added (createUnit's input); every field of it may be edited. */
export const UnitBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  kind: Type.String({ maxLength: 20 }),
  parentId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
  activeFrom: Type.Optional(Type.Union([Type.Null(), IsoDate])),
  activeTo: Type.Optional(Type.Union([Type.Null(), IsoDate])),
});

/** A merger: the old units, the unit replacing them, and the day it takes effect (replaceUnits' input). */
export const UnitReplacementBody = Type.Object({
  replacedIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 }),
  replacementId: Type.String({ format: 'uuid' }),
  on: IsoDate,
});

/** A CSV file of units, as text, and whether only to preview it (importUnits' input). */
export const UnitImportBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  content: Type.String({ maxLength: 900_000 }),
  dryRun: Type.Optional(Type.Boolean()),
});

/** A unit row (đơn vị), with its place in the hierarchy and its active dates. */
export const UnitSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(UNIT_KINDS, { description: 'Also the cohort of a period' }),
  parentId: Nullable(Type.String({ format: 'uuid' })),
  activeFrom: Nullable(CalendarDay()),
  activeTo: Nullable(CalendarDay()),
  replacedById: Nullable(Type.String({ format: 'uuid', description: 'The unit that replaced it in a merger' })),
  createdAt: Timestamp(),
});
