import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { publicationDecisionLine } from '@opendti/core/publication';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, formatPercent } from '../../shared/format';
import { ASSESSMENT_STATES, PERIOD_STATES } from '../../shared/labels';
import { ProblemList } from '../../shared/problem-list';
import { PeriodStateBadge } from '../../shared/state-badges';
import type { PeriodAction, PeriodDetail } from './admin-records';
import { useFrameworks } from './framework-queries';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { PeriodDocumentsCard } from './period-documents-card';
import { PeriodMinutes } from './period-minutes';
import { explainPeriodAction, PeriodNextStep, periodCounts } from './period-next-step';
import { usePeriod, usePeriodTransition } from './period-queries';
import { publicationMessages } from './publication-messages';
import { RebuttalSettingsCard } from './rebuttal-settings-card';
import { ReminderDaysCard } from './reminder-days-card';

/** One period: where it stands, how far the units and the council have come, and the next step. */
export default function PeriodDetailPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const { periodId } = useParams();
  const { data: user } = useCurrentUser();
  const period = usePeriod(periodId);
  const frameworks = useFrameworks();
  const frameworkName = new Map(
    (frameworks.data ?? []).map((framework) => [framework.id, `${framework.name} (${framework.year})`]),
  );
  const [action, setAction] = useState<{ action: PeriodAction; reasonRequired: boolean }>();
  const tp = useMessages(publicationMessages);
  const navigate = useNavigate();
  const previewPath = `/quan-tri/ky-danh-gia/${periodId}/cong-bo`;
  // Publishing goes through the preview: the table as the public will see it, its warnings, then the decision.
  const choose = (choice: { action: PeriodAction; reasonRequired: boolean }) =>
    choice.action === 'publish' ? navigate(previewPath) : setAction(choice);

  if (period.isPending) return <PageLoader />;
  if (period.error) return <ErrorNotice error={period.error} />;
  const data = period.data;
  const { total, finalised } = periodCounts(data);
  // Setting up, self-assessment and appraisal are phases under way; publication and archiving are reached once done.
  const stateIndex = PERIOD_STATES.indexOf(data.state as (typeof PERIOD_STATES)[number]);
  const activeStep = data.state === 'published' || data.state === 'archived' ? stateIndex + 1 : stateIndex;
  const unitsByKind = new Map<string, PeriodDetail['units']>();
  for (const unit of data.units) unitsByKind.set(unit.kind, [...(unitsByKind.get(unit.kind) ?? []), unit]);

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/quan-tri/ky-danh-gia">
          {t('navPeriods')}
        </Anchor>
        <Text>{data.year}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{data.name}</Title>
          <Group gap="xs">
            <PeriodStateBadge state={data.state} size="lg" variant="filled" />
            {data.publishedAt && (
              <Text size="sm" c="dimmed">
                {t('publishedOn', { date: formatDate(data.publishedAt, locale) })}
              </Text>
            )}
          </Group>
          {data.publicationDecision && (
            <Text size="sm" data-testid="publication-decision">
              {publicationDecisionLine(data.publicationDecision, locale)}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {holds(user, 'period.manage') && (
            <Button variant="light" component={Link} to={`/quan-tri/ky-danh-gia/${data.id}/tien-do`}>
              {t('boardLink')}
            </Button>
          )}
          {holds(user, 'audit.readAll') && (
            <Button variant="subtle" component={Link} to={`/quan-tri/nhat-ky?periodId=${data.id}`}>
              {t('periodAuditLink')}
            </Button>
          )}
        </Group>
      </Group>

      <Stepper active={activeStep} size="sm" allowNextStepsSelect={false}>
        {PERIOD_STATES.map((state) => (
          <Stepper.Step key={state} label={labels.periodState(state)} />
        ))}
      </Stepper>

      <PeriodNextStep period={data} onChoose={choose} />

      {data.state === 'appraisal' && holds(user, 'period.publish') && (
        <Paper withBorder p="md">
          <Group justify="space-between" align="center">
            <Text size="sm" style={{ flex: 1 }}>
              {tp('previewHelp')}
            </Text>
            <Button variant="light" component={Link} to={previewPath}>
              {tp('previewLink')}
            </Button>
          </Group>
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('assessmentsSection')}
          </Title>
          {total === 0 ? (
            <Text size="sm" c="dimmed">
              {data.state === 'draft' ? t('assessmentsNotYet', { count: data.units.length }) : t('assessmentsNone')}
            </Text>
          ) : (
            <>
              <Group justify="space-between" mb={4}>
                <Text size="sm">{t('finalisedProgress', { done: finalised, total })}</Text>
                <Text size="sm" c="dimmed">
                  {formatPercent((finalised / total) * 100, locale, 0)}
                </Text>
              </Group>
              <Progress
                value={(finalised / total) * 100}
                mb="sm"
                aria-label={t('finalisedProgress', { done: finalised, total })}
              />
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {ASSESSMENT_STATES.map((state) => (
                    <Table.Tr key={state}>
                      <Table.Td>{labels.assessmentState(state)}</Table.Td>
                      <Table.Td ta="right" fw={500} c={(data.assessmentStates[state] ?? 0) === 0 ? 'dimmed' : undefined}>
                        {data.assessmentStates[state] ?? 0}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td fw={600}>{t('total')}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {total}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </>
          )}
        </Paper>
        <Stack>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('scheduleSection')}
            </Title>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{t('selfAssessmentDeadline')}</Table.Td>
                  <Table.Td ta="right">{formatDate(data.selfAssessmentDeadline, locale)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('appraisalDeadline')}</Table.Td>
                  <Table.Td ta="right">{formatDate(data.appraisalDeadline, locale)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('publicationDue')}</Table.Td>
                  <Table.Td ta="right">{formatDate(data.publicationDue, locale)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
          <RebuttalSettingsCard
            key={`${data.rebuttalEnabled}-${data.rebuttalWorkingDays}`}
            period={data}
            canManage={holds(user, 'period.manage')}
          />
          <ReminderDaysCard key={data.reminderDays.join(',')} period={data} canManage={holds(user, 'period.manage')} />
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('cohortsSection')}
            </Title>
            <List size="sm" spacing={4}>
              {data.cohorts.map((cohort) => (
                <List.Item key={cohort.unitKind}>
                  <Text span fw={500}>
                    {labels.cohort(cohort.unitKind)}
                  </Text>{' '}
                  ({t('unitCount', { count: unitsByKind.get(cohort.unitKind)?.length ?? 0 })}):{' '}
                  <Anchor component={Link} to={`/quan-tri/bo-chi-so/${cohort.frameworkId}`} size="sm">
                    {frameworkName.get(cohort.frameworkId) ?? cohort.frameworkId}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Paper>
        </Stack>
      </SimpleGrid>

      {['published', 'archived'].includes(data.state) && holds(user, 'document.read') && <PeriodDocumentsCard period={data} />}

      {['appraisal', 'published', 'archived'].includes(data.state) && holds(user, 'appraisal.readCouncilNotes') && (
        <PeriodMinutes periodId={data.id} />
      )}

      {action && period.data && (
        <TransitionModal
          period={data}
          action={action.action}
          reasonRequired={action.reasonRequired}
          onClose={() => setAction(undefined)}
        />
      )}
    </Stack>
  );
}

/**
 * Confirming a period action, with what it will do; a reason is asked where the workflow records
 * one (required to reopen). A refusal (assessments not finalised…) is shown as the server words it.
 */
function TransitionModal({
  period,
  action,
  reasonRequired,
  onClose,
}: {
  period: PeriodDetail;
  action: PeriodAction;
  reasonRequired: boolean;
  onClose: () => void;
}) {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const transition = usePeriodTransition(period.id);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const asksReason = action === 'archive' || action === 'reopenPeriod';
  const counts = periodCounts(period);
  // Closing before the deadline the server reports: the manager confirms, knowing how many have not submitted.
  const early = action === 'startAppraisal' ? period.earlyClose : null;
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
  const confirm = () => {
    setTouched(true);
    if (reasonRequired && reason.trim() === '') return;
    if (early && !earlyConfirmed) return;
    transition.mutate(
      { action, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'green', message: t('periodMoved', { state: labels.periodState(updated.state) }) });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t(`action_${action}`)} size="lg">
      <Stack>
        <Text size="sm">{explainPeriodAction(action, t, counts)}</Text>
        {early && (
          <Alert color="red" title={t('earlyCloseTitle', { deadline: formatDate(early.deadline, locale) })}>
            <Stack gap="xs">
              <Text size="sm">{t('earlyClose', { count: early.notSubmitted })}</Text>
              <Checkbox
                label={t('earlyCloseConfirm')}
                checked={earlyConfirmed}
                onChange={(event) => setEarlyConfirmed(event.currentTarget.checked)}
                error={touched && !earlyConfirmed ? t('errorRequired') : undefined}
              />
            </Stack>
          </Alert>
        )}
        {action === 'startAppraisal' && counts.drafts > 0 && (
          <Alert color="orange" title={t('draftsWillBeSubmittedTitle', { count: counts.drafts })}>
            {t('draftsWillBeSubmitted')}
          </Alert>
        )}
        {asksReason && (
          <Textarea
            label={t('reason')}
            description={reasonRequired ? t('reasonRequiredHelp') : t('reasonOptionalHelp')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={touched && reasonRequired && reason.trim() === '' ? t('errorRequired') : undefined}
            autosize
            minRows={3}
            required={reasonRequired}
          />
        )}
        {transition.error && <ProblemList error={transition.error} title={t('serverRefusedAction')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            onClick={confirm}
            loading={transition.isPending}
            disabled={Boolean(early) && !earlyConfirmed}
            color={action === 'reopenPeriod' ? 'orange' : undefined}
          >
            {t('confirmAction', { action: t(`action_${action}`) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
