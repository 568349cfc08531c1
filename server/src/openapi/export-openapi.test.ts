import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportOpenApiDocument, renderOpenApiDocument } from './export-openapi.js';

const committed = new URL('../../../web/src/api/openapi.json', import.meta.url);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with every route family', async () => {
    const document = await exportOpenApiDocument();
    expect(document.openapi).toMatch(/^3\./);
    const paths = Object.keys(document.paths as object);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/periods',
      '/api/v1/assessments/{assessmentId}',
      '/api/v1/public/periods',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('matches the copy the web app generates its types from (run `npm run api:types` after changing a route)', async () => {
    expect(readFileSync(committed, 'utf8')).toBe(renderOpenApiDocument(await exportOpenApiDocument()));
  });
});
