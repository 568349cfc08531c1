import type { FrameworkDocument } from './api-types';
import type { DecisionStatus } from './indicator-outline';
import type { AppraisalMessageKey } from './messages';

/** Message keys of the appraisal's own closed lists (decisions, methods); states and kinds are in shared/labels. */
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
  parts: 'methodParts',
};
