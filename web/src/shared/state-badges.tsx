import { Badge, type BadgeProps } from '@mantine/core';
import type { AssessmentState, PeriodState } from './labels';
import { useDomainLabels } from './labels';

/** Mantine colours: work for the council in blue, waiting for the unit in orange, done in green. */
const ASSESSMENT_STATE_COLOURS: Record<AssessmentState, string> = {
  draft: 'gray',
  submitted: 'blue',
  inAppraisal: 'indigo',
  supplementationRequested: 'orange',
  supplemented: 'cyan',
  rebuttalOpen: 'grape',
  rebuttalSubmitted: 'violet',
  finalised: 'green',
};

const PERIOD_STATE_COLOURS: Record<PeriodState, string> = {
  draft: 'gray',
  selfAssessment: 'blue',
  appraisal: 'orange',
  published: 'green',
  archived: 'dark',
};

/** An assessment's state, named as core names it, in the same colour on every page. */
export function AssessmentStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const labels = useDomainLabels();
  return (
    <Badge color={ASSESSMENT_STATE_COLOURS[state as AssessmentState] ?? 'gray'} variant="light" radius="sm" {...props} tt="none">
      {labels.assessmentState(state)}
    </Badge>
  );
}

export function PeriodStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const labels = useDomainLabels();
  return (
    <Badge color={PERIOD_STATE_COLOURS[state as PeriodState] ?? 'gray'} variant="light" {...props}>
      {labels.periodState(state)}
    </Badge>
  );
}

/**
 * An assessment the system submitted when the manager closed the self-assessment: never shown like
 * the unit's own submission (no submission date), on every page that lists submissions.
 */
export function SubmittedAtCloseBadge(props: BadgeProps) {
  const labels = useDomainLabels();
  return (
    <Badge color="gray" variant="outline" radius="sm" size="sm" {...props} tt="none">
      {labels.unitProgress('submittedAtClose').toLocaleLowerCase('vi')}
    </Badge>
  );
}
