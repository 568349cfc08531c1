import { Type } from '@fastify/type-provider-typebox';
import { UNIT_KINDS } from '@opendti/core';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

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
