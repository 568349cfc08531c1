import type { AssessmentState, FrameworkDocument, PeriodState } from './api-types';
import type { DecisionStatus } from './indicator-outline';
import type { AppraisalMessageKey } from './messages';

/** Message keys for the closed lists the API returns (states, kinds, decisions, methods). */
export const ASSESSMENT_STATE_KEYS: Record<AssessmentState, AppraisalMessageKey> = {
  draft: 'stateDraft',
  submitted: 'stateSubmitted',
  inAppraisal: 'stateInAppraisal',
  supplementationRequested: 'stateSupplementationRequested',
  supplemented: 'stateSupplemented',
  finalised: 'stateFinalised',
};

/** Mantine colours: work for the council in blue, waiting for the unit in orange, done in green. */
export const ASSESSMENT_STATE_COLOURS: Record<AssessmentState, string> = {
  draft: 'gray',
  submitted: 'blue',
  inAppraisal: 'indigo',
  supplementationRequested: 'orange',
  supplemented: 'cyan',
  finalised: 'green',
};

export const PERIOD_STATE_KEYS: Record<PeriodState, AppraisalMessageKey> = {
  draft: 'periodDraft',
  selfAssessment: 'periodSelfAssessment',
  appraisal: 'periodAppraisal',
  published: 'periodPublished',
  archived: 'periodArchived',
};

const KIND_KEYS: Record<string, AppraisalMessageKey> = {
  department: 'kindDepartment',
  district: 'kindDistrict',
  commune: 'kindCommune',
  province: 'kindProvince',
  ministry: 'kindMinistry',
};

export function unitKindKey(kind: string): AppraisalMessageKey {
  return KIND_KEYS[kind] ?? 'kindOther';
}

export const DECISION_KEYS: Record<DecisionStatus, AppraisalMessageKey> = {
  accepted: 'decisionAccepted',
  adjusted: 'decisionAdjusted',
  supplementationRequested: 'decisionSupplementationRequested',
  undecided: 'decisionUndecided',
};

export const DECISION_COLOURS: Record<DecisionStatus, string> = {
  accepted: 'green',
  adjusted: 'grape',
  supplementationRequested: 'orange',
  undecided: 'gray',
};

type MethodType = FrameworkDocument['mainIndices'][number]['indicators'][number]['method']['type'];

export const METHOD_KEYS: Record<MethodType, AppraisalMessageKey> = {
  yesNo: 'methodYesNo',
  ratio: 'methodRatio',
  thresholds: 'methodThresholds',
  options: 'methodOptions',
  relativeToBest: 'methodRelativeToBest',
  minMax: 'methodMinMax',
  direct: 'methodDirect',
};
