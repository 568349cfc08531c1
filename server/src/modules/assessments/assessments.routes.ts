import { Type } from '@fastify/type-provider-typebox';
import { assessmentActionCapability, DomainError } from '@opendti/core';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../../app.js';
import { authorize } from '../../http/authenticate.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageQuery } from '../../http/pagination.js';
import { readAuditLog } from '../audit/audit-read.service.js';
import { AuditPageSchema } from '../audit/audit-schemas.js';
import { type AnswerInput, saveAnswer } from './answers.service.js';
import { type DecisionInput, decideIndicator } from './appraisal.service.js';
import { loadAssessmentContext, mainIndexCodeOf } from './assessment-context.js';
import {
  AcceptRemainingSchema,
  AnswerSchema,
  AppraisalSchema,
  AssessmentSummarySchema,
  AssessmentTransitionSchema,
  AssessmentViewSchema,
} from './assessment-schemas.js';
import {
  acceptRemaining,
  getAssessmentView,
  listAssessments,
  respondToSupplementation,
  transitionAssessment,
} from './assessments.service.js';

const AssessmentParams = Type.Object({ assessmentId: Type.String({ format: 'uuid' }) });
const IndicatorParams = Type.Object({
  assessmentId: Type.String({ format: 'uuid' }),
  indicatorCode: Type.String({ maxLength: 40 }),
});

export function registerAssessmentRoutes(api: FastifyInstance, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/periods/:periodId/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Các bản đánh giá của kỳ / assessments of a period',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ items: Type.Array(AssessmentSummarySchema) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.read');
      return { items: await listAssessments(db, actor, (request.params as { periodId: string }).periodId) };
    },
  );

  api.get(
    '/assessments/:assessmentId',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Một bản đánh giá / one assessment',
        params: AssessmentParams,
        response: { 200: AssessmentViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, (request.params as { assessmentId: string }).assessmentId);
      const actor = authorize(request, 'assessment.read', { unitId: context.unit.id });
      return getAssessmentView(db, actor, context, requestLocale(request));
    },
  );

  api.put(
    '/assessments/:assessmentId/answers/:indicatorCode',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Lưu tự đánh giá một chỉ số (theo phiên bản) / save one answer (versioned)',
        params: IndicatorParams,
        body: Type.Object({
          value: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
          points: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
          notAssessed: Type.Optional(Type.Boolean()),
          notAssessedReason: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 2000 })])),
          explanation: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 10000 })])),
          baseVersion: Type.Integer({
            minimum: 0,
            description: 'The version the edit is based on (0 for a first answer); a stale one gets 409.',
          }),
        }),
        response: { 200: AnswerSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { assessmentId, indicatorCode } = request.params as { assessmentId: string; indicatorCode: string };
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'assessment.answer', { unitId: context.unit.id });
      return saveAnswer(db, actor, context, indicatorCode, request.body as AnswerInput);
    },
  );

  api.post(
    '/assessments/:assessmentId/transitions',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Nộp, trả lại, chốt, mở lại… / submit, return, finalise, reopen…',
        params: AssessmentParams,
        body: Type.Object({ action: Type.String({ maxLength: 40 }), reason: Type.Optional(Type.String({ maxLength: 5000 })) }),
        response: { 200: AssessmentTransitionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { action, reason } = request.body as { action: string; reason?: string };
      const context = await loadAssessmentContext(db, (request.params as { assessmentId: string }).assessmentId);
      // The capability comes from core's table; core then checks role, state, period and guards.
      const capability = assessmentActionCapability(action);
      if (!capability) {
        throw new DomainError('invalid-input', [
          { code: 'http.validation', params: { detail: `thao tác "${action}" không tồn tại` } },
        ]);
      }
      const actor = authorize(request, capability, { unitId: context.unit.id });
      const state = await transitionAssessment(db, actor, context, action, reason, new Date());
      return { id: context.assessment.id, state };
    },
  );

  api.put(
    '/assessments/:assessmentId/appraisals/:indicatorCode',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Thẩm định một chỉ số: công nhận, điều chỉnh, yêu cầu bổ sung / appraise one indicator',
        params: IndicatorParams,
        body: Type.Object({
          decision: Type.Union([Type.Literal('accepted'), Type.Literal('adjusted'), Type.Literal('supplementationRequested')]),
          appraisedPoints: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
          reason: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
          councilNote: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
          comment: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
          dueOn: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })])),
          baseVersion: Type.Integer({ minimum: 0 }),
        }),
        response: { 200: AppraisalSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { assessmentId, indicatorCode } = request.params as { assessmentId: string; indicatorCode: string };
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'appraisal.decide', {
        unitId: context.unit.id,
        indicatorCode,
        mainIndexCode: mainIndexCodeOf(context.framework, indicatorCode),
      });
      return decideIndicator(db, actor, context, indicatorCode, request.body as DecisionInput, new Date());
    },
  );

  api.post(
    '/assessments/:assessmentId/appraisals/accept-remaining',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Công nhận tất cả chỉ số chưa thẩm định (của một chỉ số chính) / accept every undecided indicator',
        params: AssessmentParams,
        body: Type.Object({ mainIndexCode: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: AcceptRemainingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, (request.params as { assessmentId: string }).assessmentId);
      const { mainIndexCode } = request.body as { mainIndexCode?: string };
      const actor = authorize(request, 'appraisal.decide', { unitId: context.unit.id, mainIndexCode });
      return { accepted: await acceptRemaining(db, actor, context, mainIndexCode, new Date()) };
    },
  );

  api.post(
    '/assessments/:assessmentId/supplementation/:requestId/response',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Giải trình theo yêu cầu bổ sung / answer a supplementation request',
        params: Type.Object({ assessmentId: Type.String({ format: 'uuid' }), requestId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ response: Type.String({ minLength: 1, maxLength: 10000 }) }),
        response: { 204: Type.Null({ description: 'Answered' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { assessmentId, requestId } = request.params as { assessmentId: string; requestId: string };
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'assessment.supplement', { unitId: context.unit.id });
      await respondToSupplementation(db, actor, context, requestId, (request.body as { response: string }).response, new Date());
      return reply.status(204).send();
    },
  );

  api.get(
    '/assessments/:assessmentId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký của một bản đánh giá / audit log of one assessment',
        params: AssessmentParams,
        querystring: PageQuery,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, (request.params as { assessmentId: string }).assessmentId);
      authorize(request, 'audit.readOwnUnit', { unitId: context.unit.id });
      return readAuditLog(db, {
        assessmentId: context.assessment.id,
        ...(request.query as { page?: number; pageSize?: number }),
      });
    },
  );
}
