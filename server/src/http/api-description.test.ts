import { describe, expect, it } from 'vitest';
import { exportOpenApiDocument } from '../openapi/export-openapi.js';
import { API_TAGS, addSecurityRequirement, SECURITY_SCHEMES } from './api-description.js';
import { CSRF_HEADER, SESSION_COOKIE } from './authenticate.js';

interface Operation {
  operationId?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** The verbs operationIds start with, as a client reads them: `listPeriods`, `saveAnswer`, `login`. */
const VERBS = [
  'list',
  'get',
  'create',
  'update',
  'delete',
  'save',
  'transition',
  'import',
  'upload',
  'download',
  'add',
  'change',
  'reset',
  'replace',
  'clone',
  'appraise',
  'accept',
  'respond',
  'withdraw',
  'login',
  'logout',
];
const OPERATION_ID = new RegExp(`^(${VERBS.join('|')})([A-Z][A-Za-z]*)?$`);

let operations: Promise<[string, Operation][]> | undefined;
function documentedOperations(): Promise<[string, Operation][]> {
  operations ??= exportOperations();
  return operations;
}

async function exportOperations(): Promise<[string, Operation][]> {
  const document = (await exportOpenApiDocument()) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation]),
  );
}

describe('the security requirement of an operation', () => {
  const schema = { summary: 'x' };
  it.each([
    ['a read needs the session', 'GET', undefined, [{ session: [] }]],
    ['a write needs the session and the CSRF header', 'POST', undefined, [{ session: [], csrfToken: [] }]],
    ['so does a PUT, PATCH or DELETE', 'DELETE', undefined, [{ session: [], csrfToken: [] }]],
    ['signing in needs no CSRF header', 'POST', { withoutCsrfToken: true as const }, [{ session: [] }]],
  ])('%s', (_name, method, config, expected) => {
    expect(addSecurityRequirement({ schema, url: '/x', route: { method, config } }).schema.security).toEqual(expected);
  });

  it('keeps what a route declares, such as `security: []` on a public route', () => {
    const declared = { ...schema, security: [] };
    expect(addSecurityRequirement({ schema: declared, url: '/x', route: { method: 'POST' } }).schema.security).toEqual([]);
  });

  it('names the cookie and the header that registerAuthentication reads', () => {
    expect(SECURITY_SCHEMES.session.name).toBe(SESSION_COOKIE);
    expect(SECURITY_SCHEMES.csrfToken.name.toLowerCase()).toBe(CSRF_HEADER);
  });
});

describe('every operation of the document', () => {
  it('has a unique camelCase operationId that starts with a verb, a description, and declared tags', async () => {
    const all = await documentedOperations();
    expect(new Set(all.map(([, operation]) => operation.operationId)).size).toBe(all.length);
    const declared = new Set(API_TAGS.map((tag) => tag.name));
    const problems = all.flatMap(([route, operation]) => [
      ...(OPERATION_ID.test(operation.operationId ?? '') ? [] : [`${route}: operationId ${operation.operationId}`]),
      ...(operation.description?.trim() ? [] : [`${route}: no description`]),
      ...(operation.tags ?? []).filter((tag) => !declared.has(tag)).map((tag) => `${route}: undeclared tag ${tag}`),
      ...(operation.security ? [] : [`${route}: no security requirement`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('answers every error in the one error shape', async () => {
    const problems = (await documentedOperations()).flatMap(([route, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([, response]) => response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ApiError')
        .map(([status]) => `${route} ${status}`),
    );
    expect(problems).toEqual([]);
  });

  it('is public exactly where the route says so, and otherwise asks for the session', async () => {
    const publicRoutes = (await documentedOperations())
      .filter(([, operation]) => operation.security?.length === 0)
      .map(([route]) => route);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /api/v1/public/periods',
        'GET /api/v1/public/periods/{periodId}/results/{unitKind}',
        'GET /api/v1/public/periods/{periodId}/results/{unitKind}/indicator-overview',
        'GET /api/v1/public/periods/{periodId}/results/{unitKind}/units/{unitCode}',
        'GET /api/v1/public/periods/{periodId}/unit-maps/{unitKind}',
        'GET /api/v1/public/plans',
        'GET /api/v1/public/plans/{planId}',
        'GET /api/v1/public/unit-maps',
        'GET /api/v1/status',
        'POST /api/v1/auth/login',
      ].sort(),
    );
  });
});
