import type { paths } from './schema';

/**
 * The body a route answers with, taken from the types generated from the server's OpenAPI document
 * (`npm run api:types`): `ApiResponse<'/api/v1/units'>` is the units page. Features derive their
 * types from this instead of writing the shapes again.
 */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type ApiResponse<Path extends keyof paths, Verb extends Method = 'get'> =
  paths[Path] extends Record<Verb, { responses: infer Responses }>
    ? Responses extends { 200: infer Ok }
      ? JsonBody<Ok>
      : Responses extends { 201: infer Created }
        ? JsonBody<Created>
        : never
    : never;
