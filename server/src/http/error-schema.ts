import { type TSchema, Type } from '@fastify/type-provider-typebox';

/**
 * The one error shape of the API (error-handler.ts builds it), added once to the application as the
 * shared schema `ApiError` and referenced by every route for each error status it can answer, so the
 * OpenAPI document shows it once, as `#/components/schemas/ApiError`.
 */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'The first problem\'s code, e.g. "http.not-found", "workflow.locked".' }),
      message: Type.String({ description: 'Every problem, in Vietnamese (or English with ?lang=en / Accept-Language: en).' }),
      problems: Type.Optional(
        Type.Array(
          Type.Object({
            code: Type.String(),
            message: Type.String(),
            location: Type.Optional(
              Type.Object(
                {
                  file: Type.Optional(Type.String()),
                  row: Type.Optional(Type.Integer({ description: '1-based, the header being row 1' })),
                  column: Type.Optional(Type.String()),
                  code: Type.Optional(Type.String({ description: 'A framework node code or a unit code' })),
                  path: Type.Optional(Type.String({ description: 'A JSON path inside a document' })),
                },
                { additionalProperties: true },
              ),
            ),
          }),
          { description: 'Present when there is more than one problem, or one located at a field (location.path).' },
        ),
      ),
    }),
  },
  { $id: 'ApiError' as const },
);

const DESCRIPTIONS = {
  400: 'Invalid input (validation, malformed body)',
  401: 'Not signed in (or, signing in, wrong credentials)',
  403: 'Refused: not for this role or unit, no CSRF token, an account locked for a while, or a temporary password to change first (auth.must-change-password)',
  404: 'Not found',
  409: 'Conflict: a stale version or a workflow state that forbids it',
  413: 'Payload too large',
  429: 'Too many failed sign-ins from this address: wait (see Retry-After)',
  500: 'Internal error (the message carries a reference for the logs)',
} as const;

export type ErrorStatus = keyof typeof DESCRIPTIONS;

/**
 * Response schemas for the error statuses a route can answer, e.g. `...errorResponses(400, 403, 404)`;
 * 500 is always added (any route can fail).
 */
export function errorResponses(...statuses: ErrorStatus[]): Record<number, TSchema> {
  const responses: Record<number, TSchema> = {};
  for (const status of [...statuses, 500] as ErrorStatus[]) {
    responses[status] = Type.Ref('ApiError', { description: DESCRIPTIONS[status] });
  }
  return responses;
}
