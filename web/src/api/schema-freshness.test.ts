import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import document from './openapi.json?raw';
import generated from './schema.d.ts?raw';

// The client's types are only as true as their freshness: schema.d.ts must be exactly what
// openapi-typescript makes of the committed document (which a server test keeps equal to the served
// one), or a route change would reach the web app and e2e/openapi-client.e2e.test.ts untyped.
describe('the typed API client', () => {
  it('is generated from the committed OpenAPI document (run `npm run api:types` after changing a route)', async () => {
    const types = `${COMMENT_HEADER}${astToString(await openapiTS(document))}`;
    expect(generated).toBe(types);
  });
});
