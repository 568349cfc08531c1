import { Type } from '@fastify/type-provider-typebox';
import { ROLES } from '@opendti/core';
import { Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

/** A new account, as the administrator creates it (createUser's input). */
export const NewUserBody = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.String({ maxLength: 30 }),
  unitId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
  assignedScopes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 })),
  email: Type.Optional(
    Type.Union([
      Type.Null(),
      Type.String({ format: 'email', maxLength: 254, description: 'Where notifications are e-mailed; null: in the app only' }),
    ]),
  ),
  password: Type.String({ maxLength: 200 }),
});

/** What an administrator may change on an account (updateUser's input). */
export const UserChangesBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: Type.Optional(Type.String({ maxLength: 30 })),
  unitId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
  assignedScopes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 })),
  disabled: Type.Optional(Type.Boolean()),
  email: Type.Optional(
    Type.Union([
      Type.Null(),
      Type.String({ format: 'email', maxLength: 254, description: 'Where notifications are e-mailed; null: in the app only' }),
    ]),
  ),
});

/** A user account as presentUser shows it to an administrator: never its password hash. */
export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(ROLES),
  unitId: Nullable(Type.String({ format: 'uuid' })),
  assignedScopes: Type.Array(Type.String(), { description: 'Main-index or indicator codes an appraiser appraises; empty = all' }),
  email: Nullable(Type.String({ description: 'Where notifications are e-mailed' })),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Nullable(Timestamp({ description: 'Locked after repeated wrong passwords, until then' })),
  createdAt: Timestamp(),
});
