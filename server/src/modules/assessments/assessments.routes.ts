import { Type } from '@fastify/type-provider-typebox';
import { assessmentActionCapability, DomainError } from '@opendti/core';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { PageQuery } from '../../http/pagination.js';
import { readAuditLog } from '../audit/audit-read.service.js';
import { AuditPageSchema } from '../audit/audit-schemas.js';
import { saveAnswer } from './answers.service.js';
import { decideIndicator } from './appraisal.service.js';
import { loadAssessmentContext, mainIndexCodeOf } from './assessment-context.js';
import {
  AcceptRemainingSchema,
  AnswerBody,
  AnswerSchema,
  AppraisalSchema,
  AssessmentSummarySchema,
  AssessmentTransitionBody,
  AssessmentTransitionSchema,
  AssessmentViewSchema,
  DecisionBody,
  IndicatorParams,
} from './assessment-schemas.js';
import {
  acceptRemaining,
  acceptRemainingScope,
  findSupplementationRequest,
  getAssessmentView,
  listAssessments,
  respondToSupplementation,
  transitionAssessment,
  withdrawSupplementation,
} from './assessments.service.js';

const AssessmentParams = Type.Object({ assessmentId: Type.String({ format: 'uuid' }) });

export function registerAssessmentRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;

  api.get(
    '/periods/:periodId/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Các bản đánh giá của kỳ / assessments of a period',
        operationId: 'listAssessments',
        description: "The assessments of a period that the caller may read: a unit's own, an appraiser's assigned ones, or all.",
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ items: Type.Array(AssessmentSummarySchema) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'period.read');
      return { items: await listAssessments(db, actor, request.params.periodId) };
    },
  );

  api.get(
    '/assessments/:assessmentId',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Một bản đánh giá / one assessment',
        operationId: 'getAssessment',
        description:
          "One unit's assessment as the caller may see it: its state, progress per main index, every answer with its version, the appraisal decisions and the supplementation requests.",
        params: AssessmentParams,
        response: { 200: AssessmentViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
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
        operationId: 'saveAnswer',
        description:
          "Saves the unit's self-assessment of one indicator (the raw value or points, and a note). Optimistic locking: send the version the edit is based on (0 for a first answer); a stale version answers 409 with the current answer.",
        params: IndicatorParams,
        body: AnswerBody,
        response: { 200: AnswerSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'assessment.answer', { unitId: context.unit.id });
      return saveAnswer(db, actor, context, indicatorCode, request.body);
    },
  );

  api.post(
    '/assessments/:assessmentId/transitions',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Nộp, trả lại, chốt, mở lại… / submit, return, finalise, reopen…',
        operationId: 'transitionAssessment',
        description:
          "Moves the assessment through its workflow: submit (the unit leader), submitSupplementation, returnToUnit, startAppraisal, finalise, reopen. Who may do which, and from which state, is core's workflow table; 409 when the state forbids it.",
        params: AssessmentParams,
        body: AssessmentTransitionBody,
        response: { 200: AssessmentTransitionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { action, reason } = request.body;
      const context = await loadAssessmentContext(db, request.params.assessmentId);
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
        operationId: 'appraiseIndicator',
        description:
          'An appraiser decides one indicator within the main indices assigned to them: accept the self points, adjust them (with a reason), or request supplementation.',
        params: IndicatorParams,
        body: DecisionBody,
        response: { 200: AppraisalSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'appraisal.decide', {
        unitId: context.unit.id,
        indicatorCode,
        mainIndexCode: mainIndexCodeOf(context.framework, indicatorCode),
      });
      return decideIndicator(db, actor, context, indicatorCode, request.body, new Date());
    },
  );

  api.post(
    '/assessments/:assessmentId/appraisals/accept-remaining',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Công nhận tất cả chỉ số chưa thẩm định (của một chỉ số chính) / accept every undecided indicator',
        operationId: 'acceptRemainingIndicators',
        description:
          'Accepts the self points of every indicator not yet decided that the caller may decide now, in one main index, or, without mainIndexCode, in the whole assessment (an appraiser: within their assignment). Indicators waiting for the unit are skipped.',
        params: AssessmentParams,
        body: Type.Object({ mainIndexCode: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: AcceptRemainingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      const { mainIndexCode } = request.body;
      const actor = authorize(request, 'appraisal.decide', acceptRemainingScope(request.actor, context, mainIndexCode));
      return { accepted: await acceptRemaining(db, actor, context, mainIndexCode, new Date()) };
    },
  );

  api.post(
    '/assessments/:assessmentId/supplementation/:requestId/response',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Giải trình theo yêu cầu bổ sung / answer a supplementation request',
        operationId: 'respondToSupplementation',
        description: 'The unit answers one supplementation request of the appraisal council with an explanation.',
        params: Type.Object({ assessmentId: Type.String({ format: 'uuid' }), requestId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ response: Type.String({ minLength: 1, maxLength: 10000 }) }),
        response: { 204: Type.Null({ description: 'Answered' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { assessmentId, requestId } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'assessment.supplement', { unitId: context.unit.id });
      await respondToSupplementation(db, actor, context, requestId, request.body.response, new Date());
      return reply.status(204).send();
    },
  );

  api.post(
    '/assessments/:assessmentId/supplementation/:requestId/withdraw',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Rút lại yêu cầu bổ sung chưa được trả lời / withdraw an unanswered supplementation request',
        operationId: 'withdrawSupplementation',
        description:
          "A council member takes back a supplementation request the unit has not answered yet: the indicator becomes the council's to decide again, and when nothing else waits for the unit the assessment returns to appraisal. Audited.",
        params: Type.Object({ assessmentId: Type.String({ format: 'uuid' }), requestId: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null({ description: 'Withdrawn' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { assessmentId, requestId } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      // The council reads every unit; the request tells which indicator the decision is on.
      authorize(request, 'appraisal.readCouncilNotes', { unitId: context.unit.id });
      const found = await findSupplementationRequest(db, context, requestId);
      const actor = authorize(request, 'appraisal.decide', {
        unitId: context.unit.id,
        indicatorCode: found.indicatorCode,
        mainIndexCode: mainIndexCodeOf(context.framework, found.indicatorCode),
      });
      await withdrawSupplementation(db, actor, context, requestId, new Date());
      return reply.status(204).send();
    },
  );

  api.get(
    '/assessments/:assessmentId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký của một bản đánh giá / audit log of one assessment',
        operationId: 'listAssessmentAuditEntries',
        description: "Who changed what in one assessment, newest first; the unit does not see the council's internal notes.",
        params: AssessmentParams,
        querystring: PageQuery,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const context = await loadAssessmentContext(db, request.params.assessmentId);
      authorize(request, 'audit.readOwnUnit', { unitId: context.unit.id });
      return readAuditLog(db, {
        assessmentId: context.assessment.id,
        ...request.query,
      });
    },
  );
}
