import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMessages } from '../../i18n/locale';
import type { PeriodAction, PeriodDetail } from './admin-records';
import { type AdminKey, adminMessages } from './messages';

export interface OfferedPeriodAction {
  action: PeriodAction;
  /** Open to this user now; otherwise `message` says why (the server's words). */
  allowed: boolean;
  reasonRequired: boolean;
  message?: string;
}

/**
 * The period actions the page offers, from what the server says this user may do now (core's
 * workflow, decision 0008): the allowed ones, then those closed for a reason the user should hear
 * (another role's, assessments not finalised…). Actions of another state are not offered at all.
 */
export function offeredPeriodActions(
  period: Pick<PeriodDetail, 'allowedActions' | 'reasonRequired' | 'deniedActions'>,
): OfferedPeriodAction[] {
  return [
    ...period.allowedActions.map((action) => ({ action, allowed: true, reasonRequired: period.reasonRequired.includes(action) })),
    ...period.deniedActions
      .filter((denied) => denied.reason !== 'wrong-state')
      .map((denied) => ({ action: denied.action, allowed: false, reasonRequired: false, message: denied.message })),
  ];
}

export type Translate = (key: AdminKey, params?: Record<string, string | number>) => string;

export interface PeriodCounts {
  total: number;
  finalised: number;
  drafts: number;
  units: number;
}

export function periodCounts(period: Pick<PeriodDetail, 'assessmentStates' | 'units'>): PeriodCounts {
  return {
    total: Object.values(period.assessmentStates).reduce((sum, count) => sum + count, 0),
    finalised: period.assessmentStates.finalised ?? 0,
    drafts: period.assessmentStates.draft ?? 0,
    units: period.units.length,
  };
}

export function explainPeriodAction(action: PeriodAction, t: Translate, counts: PeriodCounts): string {
  switch (action) {
    case 'openSelfAssessment':
      return t('explain_openSelfAssessment', { units: counts.units });
    case 'startAppraisal':
      return t('explain_startAppraisal', { drafts: counts.drafts });
    case 'publish':
      return t('explain_publish', { finalised: counts.finalised, total: counts.total });
    case 'archive':
      return t('explain_archive');
    case 'reopenPeriod':
      return t('explain_reopenPeriod');
  }
}

/** "Next step": a button per offered action, disabled with the server's reason where it is closed. */
export function PeriodNextStep({
  period,
  onChoose,
}: {
  period: PeriodDetail;
  onChoose: (choice: { action: PeriodAction; reasonRequired: boolean }) => void;
}) {
  const t = useMessages(adminMessages);
  const actions = offeredPeriodActions(period);
  const counts = periodCounts(period);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('nextStep')}
      </Title>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {period.state === 'archived' ? t('archivedNoAction') : t('noActionForYou')}
        </Text>
      ) : (
        <Stack gap="sm">
          {actions.map((item) => (
            <Group key={item.action} align="flex-start" wrap="nowrap" gap="md">
              <Button
                miw={240}
                style={{ flexShrink: 0 }}
                disabled={!item.allowed}
                color={item.action === 'reopenPeriod' ? 'orange' : item.action === 'archive' ? 'gray' : undefined}
                onClick={() => onChoose(item)}
                aria-describedby={item.message ? `why-${item.action}` : undefined}
              >
                {t(`action_${item.action}`)}
              </Button>
              <Text size="sm" style={{ flex: 1 }}>
                {explainPeriodAction(item.action, t, counts)}
                {item.message && (
                  <Text id={`why-${item.action}`} span size="sm" c="orange" display="block">
                    {item.message}
                  </Text>
                )}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
