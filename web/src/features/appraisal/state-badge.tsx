import { Badge, type BadgeProps } from '@mantine/core';
import { useMessages } from '../../i18n/locale';
import type { AssessmentState } from './api-types';
import { ASSESSMENT_STATE_COLOURS, ASSESSMENT_STATE_KEYS } from './labels';
import { appraisalMessages } from './messages';

export function AssessmentStateBadge({ state, ...props }: { state: AssessmentState } & BadgeProps) {
  const t = useMessages(appraisalMessages);
  return (
    <Badge color={ASSESSMENT_STATE_COLOURS[state]} variant="light" radius="sm" {...props} tt="none">
      {t(ASSESSMENT_STATE_KEYS[state])}
    </Badge>
  );
}
