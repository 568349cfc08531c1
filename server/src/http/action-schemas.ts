import { Type } from '@fastify/type-provider-typebox';
import { ACTION_BLOCKS } from '@opendti/core';
import { StringEnum } from './common-schemas.js';

/**
 * What the reader may do with the object a response carries, decided by core's workflow and policy
 * for this user in this state (decision 0008): the web renders its buttons from these fields and
 * never works a rule out again.
 */
export const ActionBlockSchema = StringEnum(ACTION_BLOCKS, {
  description: 'Why an action is closed: the policy, the role, the state, the period, the deadline, or a data guard',
});

/** `allowedActions` and `deniedActions` of an object whose workflow has the given actions. */
export const actionFields = <const T extends readonly string[]>(actions: T) => ({
  allowedActions: Type.Array(StringEnum(actions), { description: 'The actions this user may take now, in workflow order' }),
  reasonRequired: Type.Array(StringEnum(actions), { description: 'The allowed actions that need a written reason' }),
  deniedActions: Type.Array(
    Type.Object({
      action: StringEnum(actions),
      reason: ActionBlockSchema,
      message: Type.String({ description: 'Why, in the language of the request' }),
    }),
    { description: 'Every other action, with why it is closed to this user now' },
  ),
});

/** Whether this user may do one thing now, and if not, why. */
export const VerdictSchema = Type.Object({
  allowed: Type.Boolean(),
  reason: Type.Optional(ActionBlockSchema),
  message: Type.Optional(Type.String({ description: 'Why not, in the language of the request' })),
});
