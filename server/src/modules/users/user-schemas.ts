import { Type } from '@fastify/type-provider-typebox';
import { ROLES } from '@opendti/core';
import { Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

/** A user account as presentUser shows it to an administrator: never its password hash. */
export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(ROLES),
  unitId: Nullable(Type.String({ format: 'uuid' })),
  assignedScopes: Type.Array(Type.String(), { description: 'Main-index or indicator codes an appraiser appraises; empty = all' }),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Nullable(Timestamp({ description: 'Locked after repeated wrong passwords, until then' })),
  createdAt: Timestamp(),
});
