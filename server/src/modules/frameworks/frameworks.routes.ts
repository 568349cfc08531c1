import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { FrameworkDocumentSchema, FrameworkSummarySchema } from './framework-schemas.js';
import { getCompiledFramework, importFramework, listFrameworks } from './frameworks.service.js';

export function registerFrameworkRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;
  api.get(
    '/frameworks',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Danh sách bộ chỉ số / frameworks',
        operationId: 'listFrameworks',
        description: 'The frameworks (indicator sets) available to periods: the built-in library and imported ones.',
        response: { 200: Type.Object({ items: Type.Array(FrameworkSummarySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'framework.read');
      const rows = await listFrameworks(db);
      return {
        items: rows.map(({ id, document, source }) => ({
          id,
          name: document.name,
          year: document.year,
          unitKind: document.unitKind,
          maxPoints: document.maxPoints ?? null,
          mainIndices: document.mainIndices.length,
          indicators: document.mainIndices.reduce((count, main) => count + main.indicators.length, 0),
          source,
        })),
      };
    },
  );

  api.get(
    '/frameworks/:frameworkId',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Một bộ chỉ số / one framework',
        operationId: 'getFramework',
        description: 'One framework document: its tree of groups, main indices and indicators with points and scoring methods.',
        params: Type.Object({ frameworkId: Type.String({ maxLength: 80 }) }),
        response: { 200: FrameworkDocumentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request, 'framework.read');
      const framework = await getCompiledFramework(db, request.params.frameworkId);
      return framework.document;
    },
  );

  api.post(
    '/frameworks',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Nhập bộ chỉ số từ tệp YAML/JSON / import a framework',
        operationId: 'importFramework',
        description:
          'Imports a framework file (YAML or JSON), checked against the framework schema and its rules; every problem names the node at fault.',
        body: Type.Object({ fileName: Type.String({ maxLength: 200 }), content: Type.String({ maxLength: 2_000_000 }) }),
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'framework.manage');
      const { fileName, content } = request.body;
      const document = await importFramework(db, actor, content, fileName);
      return reply.status(201).send({ id: document.id });
    },
  );
}
