import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { loadAssessmentContext, mainIndexCodeOf } from './assessment-context.js';
import { IndicatorParams } from './assessment-schemas.js';
import { answerContest, presentContest, saveContest, withdrawContest } from './rebuttal.service.js';
import { ContestAnswerBody, ContestBody, ContestSchema } from './rebuttal-schemas.js';

/**
 * The rebuttal round (giải trình, kiến nghị): the unit's contests of adjusted indicators, the
 * council's answers (the period's settings are a periods route). Sending the results and the contests are workflow
 * transitions (`sendResults`, `submitRebuttal`) of the assessment's transitions route.
 */
export function registerRebuttalRoutes(api: Api, { database }: AppDependencies): void {
  const db = database.db;

  api.put(
    '/assessments/:assessmentId/rebuttal/:indicatorCode',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Kiến nghị về điểm thẩm định một chỉ số / contest the appraised points of one indicator',
        operationId: 'saveRebuttalContest',
        description:
          'The unit (reporter or leader) writes its contest of an indicator the council adjusted, while the rebuttal window is open; the leader sends every contest with the submitRebuttal transition. Evidence is added through the evidence routes.',
        params: IndicatorParams,
        body: ContestBody,
        response: { 200: ContestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'assessment.supplement', { unitId: context.unit.id });
      return presentContest(await saveContest(db, actor, context, indicatorCode, request.body.explanation, new Date()));
    },
  );

  api.delete(
    '/assessments/:assessmentId/rebuttal/:indicatorCode',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Rút kiến nghị chưa gửi / withdraw a contest not sent yet',
        operationId: 'deleteRebuttalContest',
        description: 'The unit withdraws a contest it has not sent yet, while the rebuttal window is open.',
        params: IndicatorParams,
        response: { 204: Type.Null({ description: 'Withdrawn' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { assessmentId, indicatorCode } = request.params;
      const context = await loadAssessmentContext(db, assessmentId);
      const actor = authorize(request, 'assessment.supplement', { unitId: context.unit.id });
      await withdrawContest(db, actor, context, indicatorCode, new Date());
      return reply.status(204).send();
    },
  );

  api.put(
    '/assessments/:assessmentId/rebuttal/:indicatorCode/answer',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Trả lời kiến nghị: giữ nguyên hoặc thay đổi điểm / answer a contest: keep or change',
        operationId: 'respondToRebuttalContest',
        description:
          "The council answers the unit's contest of one indicator: keep the appraised points or change them (0 … the indicator's maximum), with a reason the unit reads. A change adjusts the appraisal and is audited.",
        params: IndicatorParams,
        body: ContestAnswerBody,
        response: { 200: ContestSchema, ...errorResponses(400, 401, 403, 404, 409) },
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
      return presentContest(await answerContest(db, actor, context, indicatorCode, request.body, new Date()));
    },
  );
}
