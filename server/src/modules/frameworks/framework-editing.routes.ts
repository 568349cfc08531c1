import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { cloneFramework, getFrameworkUsage, replaceFrameworkDocument, summariseFramework } from './framework-editing.service.js';
import { CloneBody } from './framework-schemas.js';

const FrameworkParams = Type.Object({ frameworkId: Type.String({ maxLength: 80 }) });

const FrameworkSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  year: Type.Integer(),
  unitKind: Type.String(),
  maxPoints: Type.Union([Type.Null(), Type.Number()]),
  mainIndices: Type.Integer({ description: 'Number of main indices' }),
  indicators: Type.Integer({ description: 'Number of indicators' }),
  source: Type.String({ description: 'builtin | imported' }),
});

const FrameworkUsageSchema = Type.Object({
  id: Type.String(),
  source: Type.String(),
  periods: Type.Array(Type.Object({ id: Type.String(), year: Type.Integer(), name: Type.String(), state: Type.String() })),
  frozenBecause: Type.Union([Type.Null(), Type.Literal('builtin'), Type.Literal('inUse')], {
    description: 'Why the framework cannot be edited (built-in, or used by a period), or null when it can',
  }),
});

/**
 * Editing frameworks from the administration pages: clone into a new year, replace the document of
 * a framework no period uses yet, and tell the page whether a framework is still editable.
 */
export function registerFrameworkEditingRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/frameworks/:frameworkId/usage',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Bộ chỉ số đang được kỳ nào dùng, còn sửa được không / where a framework is used, whether it is editable',
        operationId: 'getFrameworkUsage',
        description: 'The periods that use a framework and, when it cannot be edited, why.',
        params: FrameworkParams,
        response: { 200: FrameworkUsageSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request, 'framework.read');
      return getFrameworkUsage(db, request.params.frameworkId);
    },
  );

  api.post(
    '/frameworks/:frameworkId/clone',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Nhân bản bộ chỉ số sang năm mới / clone a framework into a new year',
        operationId: 'cloneFramework',
        description: 'Copies a framework under a new id (usually a new year), which can then be edited until a period uses it.',
        params: FrameworkParams,
        body: CloneBody,
        response: { 201: FrameworkSummary, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'framework.manage');
      const document = await cloneFramework(db, actor, request.params.frameworkId, request.body);
      return reply.status(201).send(summariseFramework(document, 'imported'));
    },
  );

  api.put(
    '/frameworks/:frameworkId',
    {
      schema: {
        tags: ['frameworks'],
        summary:
          'Sửa bộ chỉ số chưa được kỳ nào dùng (tên, điểm, phương pháp) / edit a framework no period uses yet (names, points, methods)',
        operationId: 'updateFramework',
        description:
          'The document is validated like an imported file; problems name the code of the node at fault. 409 when the framework is built in or used by a period.',
        params: FrameworkParams,
        // Shape and rules are checked by core's validateFramework, whose problems name codes.
        body: Type.Object({ document: Type.Object({}, { additionalProperties: true }) }),
        response: { 200: FrameworkSummary, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'framework.manage');
      const document = await replaceFrameworkDocument(db, actor, request.params.frameworkId, request.body.document);
      return summariseFramework(document, 'imported');
    },
  );
}
