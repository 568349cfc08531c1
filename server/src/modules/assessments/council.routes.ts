import { Type } from '@fastify/type-provider-typebox';
import { ASSESSMENT_ACTIONS, ASSESSMENT_STATES, PERIOD_STATES } from '@opendti/core';
import { actionFields } from '../../http/action-schemas.js';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/error-schema.js';
import { getCouncilOverview } from './council-overview.service.js';

const decisionCounts = {
  indicators: Type.Integer({ description: 'Indicators the unit answers.' }),
  accepted: Type.Integer(),
  adjusted: Type.Integer(),
  lowered: Type.Integer({ description: 'Adjusted below the self points (cuts).' }),
  awaitingSupplementation: Type.Integer({ description: 'Decision is a supplementation request.' }),
  undecided: Type.Integer({ description: 'Neither accepted nor adjusted: blocks finalising.' }),
};

const MainIndexDecisions = Type.Object({
  code: Type.String(),
  ...decisionCounts,
  undecidedCodes: Type.Array(Type.String()),
});

const AssessmentDecisions = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: StringEnum(ASSESSMENT_STATES),
  submittedAt: Nullable(Timestamp()),
  submittedAtClose: Type.Boolean({ description: 'Submitted by the system when the self-assessment closed, not by the unit' }),
  finalisedAt: Nullable(Timestamp()),
  frameworkId: Type.String(),
  unit: Type.Object({ id: Type.String({ format: 'uuid' }), code: Type.String(), name: Type.String(), kind: Type.String() }),
  ...decisionCounts,
  supplementation: Type.Object({
    open: Type.Integer({ description: 'Requests the unit has not answered yet.' }),
    answered: Type.Integer(),
    overdue: Type.Integer({ description: 'Open past their due day (Vietnam time).' }),
    latestDueOn: Nullable(CalendarDay({ description: 'The latest due day of its requests.' })),
  }),
  mainIndices: Type.Array(MainIndexDecisions),
  awaitsCouncil: Type.Boolean({
    description: 'The council has work on it: a new submission, an appraisal under way, a supplementation to re-appraise.',
  }),
  undecidedForYou: Type.Integer({
    description: 'Undecided indicators this user may decide (core policy: an appraiser within the assignment).',
  }),
  ...actionFields(ASSESSMENT_ACTIONS),
});

export const CouncilOverview = Type.Object({
  period: Type.Object({
    id: Type.String({ format: 'uuid' }),
    year: Type.Integer(),
    name: Type.String(),
    state: StringEnum(PERIOD_STATES),
  }),
  cohorts: Type.Array(
    Type.Object({
      unitKind: Type.String(),
      frameworkId: Type.String(),
      frameworkName: Type.String(),
      frameworkNameEn: Nullable(Type.String()),
      maxPoints: Nullable(Type.Number()),
      mainIndices: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          nameEn: Nullable(Type.String()),
          maxPoints: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
  assessments: Type.Array(AssessmentDecisions),
});

/**
 * The appraisal council's working view of a period (queue and overview): decisions per unit and
 * main index. It shows work in progress across every unit, so it is open to those who may read the
 * council's internal deliberation (council and managers), never to a unit.
 */
export function registerCouncilRoutes(api: Api, { database }: AppDependencies): void {
  api.get(
    '/periods/:periodId/council-overview',
    {
      schema: {
        tags: ['appraisal'],
        summary: 'Tiến độ thẩm định theo đơn vị và chỉ số chính / appraisal decisions per unit and main index',
        operationId: 'getCouncilOverview',
        description:
          'For the appraisal council: per unit and main index, how many indicators are accepted, adjusted, awaiting supplementation or undecided, and the open requests.',
        params: Type.Object({ periodId: Type.String({ format: 'uuid' }) }),
        response: { 200: CouncilOverview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'appraisal.readCouncilNotes');
      return getCouncilOverview(database.db, actor, request.params.periodId, requestLocale(request));
    },
  );
}
