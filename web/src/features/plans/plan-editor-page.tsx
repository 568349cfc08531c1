import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { DocumentMenu } from '../../shared/document-menu';
import { formatDate } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import { ManagerGate } from './manager-gate';
import { planMessages } from './messages';
import { PlanStatusBadge } from './plan-badges';
import { PlanHeaderCard } from './plan-header-card';
import { useIndicatorChoices, useUnitChoices } from './plan-options';
import { taskWorkbookHref, usePeriod, usePlan } from './plan-queries';
import type { PlanDetail } from './plan-records';
import { PlanStatusActions } from './plan-status-actions';
import { PlanTargetsSection } from './plan-targets-section';
import { PlanTasksSection } from './plan-tasks-section';
import { TaskStateBadge } from './progress-badges';
import { taskCounts } from './task-counts';
import { TaskImportModal } from './task-import-modal';

/**
 * One plan: its header, its tasks edited in place, its targets; issue and close; the plan's
 * document (Word, PDF); the task table out to and in from Excel; links to the reporting rounds and the dashboard once issued.
 */
export default function PlanEditorPage() {
  return (
    <ManagerGate>
      <PlanEditor />
    </ManagerGate>
  );
}

function PlanEditor() {
  const t = useMessages(planMessages);
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  if (plan.error) {
    return (
      <Stack>
        <BackToPlans />
        {plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 400) ? (
          <Alert color="orange" role="alert" title={t('planNotFound')}>
            {t('planNotFoundBody')}
          </Alert>
        ) : (
          <ErrorNotice error={plan.error} />
        )}
      </Stack>
    );
  }
  if (!plan.data) return <PageLoader />;
  return <PlanEditorLoaded plan={plan.data} onReload={() => plan.refetch()} />;
}

function BackToPlans({ current }: { current?: string }) {
  const t = useMessages(planMessages);
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/ke-hoach">
        {t('plansTitle')}
      </Anchor>
      {current && <Text lineClamp={1}>{current}</Text>}
    </Breadcrumbs>
  );
}

function PlanEditorLoaded({ plan, onReload }: { plan: PlanDetail; onReload: () => void }) {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const labels = useDomainLabels();
  const basis = plan.basis[0];
  const indicators = useIndicatorChoices(basis?.frameworkId);
  const units = useUnitChoices(plan.year);
  const period = usePeriod(basis?.source ?? null);
  const [importing, setImporting] = useState(false);
  const counts = taskCounts(plan.tasks);
  const headerKey = JSON.stringify([plan.title, plan.documentNumber, plan.date, plan.year, plan.purpose, plan.reportingSchedule]);

  return (
    <Stack gap="md">
      <BackToPlans current={plan.title} />
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={2}>{plan.title}</Title>
          <PlanStatusBadge status={plan.status} size="lg" />
        </Group>
        <Text size="sm" c="dimmed">
          {plan.documentNumber
            ? t('issuedAs', { number: plan.documentNumber, date: formatDate(plan.date, locale) })
            : t('draftDated', { date: formatDate(plan.date, locale) })}
          {basis &&
            ` · ${t('basisLine', {
              source: period.data?.name ?? '…',
              cohort: labels.cohort(
                period.data?.cohorts.find((cohort) => cohort.frameworkId === basis.frameworkId)?.unitKind ?? '',
              ),
              framework: basis.frameworkId,
            })}`}
          {basis?.unitCode && ` · ${t('basisUnit', { unit: units.nameOf(basis.unitCode) })}`}
        </Text>
      </Stack>

      <Group gap="xs" wrap="wrap">
        <PlanStatusActions plan={plan} onReload={onReload} />
        <DocumentMenu
          links={[
            {
              // The plan as its official document; a draft prints "DỰ THẢO" on it.
              label: t(plan.status === 'draft' ? 'planDocumentDraft' : 'planDocument'),
              href: `/api/v1/plans/${encodeURIComponent(plan.id)}/document`,
            },
          ]}
        />
        <Button component="a" href={taskWorkbookHref(plan.id)} download variant="default">
          {t('exportXlsx')}
        </Button>
        {plan.status === 'draft' && (
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('importXlsx')}
          </Button>
        )}
        {plan.status !== 'draft' && (
          <>
            <Button component={Link} to={`/ke-hoach/${plan.id}/bao-cao`} variant="light">
              {t('reportingRounds')}
            </Button>
            <Button component={Link} to={`/ke-hoach/${plan.id}/tong-quan`} variant="light">
              {t('dashboard')}
            </Button>
          </>
        )}
      </Group>

      <Group gap="xs" aria-label={t('taskSummary')} role="group">
        <Text size="sm" fw={500}>
          {t('taskCountLine', { total: counts.total, done: counts.done })}
        </Text>
        {(['notStarted', 'inProgress', 'overdue', 'done', 'cancelled'] as const)
          .filter((state) => counts[state] > 0)
          .map((state) => (
            <TaskStateBadge key={state} state={state}>
              {labels.taskState(state)}: {counts[state]}
            </TaskStateBadge>
          ))}
        {counts.unassigned > 0 && (
          <Text size="sm" c="orange">
            {t('unassignedCount', { count: counts.unassigned })}
          </Text>
        )}
      </Group>

      {plan.status === 'closed' && (
        <Alert color="gray" title={t('closedTitle')}>
          {t('closedBody')}
        </Alert>
      )}

      <PlanHeaderCard key={headerKey} plan={plan} onReload={onReload} />
      <PlanTasksSection
        plan={plan}
        indicators={indicators}
        units={{ options: units.options, nameOf: units.nameOf }}
        onReload={onReload}
      />
      <PlanTargetsSection plan={plan} indicators={indicators} onReload={onReload} />
      {importing && <TaskImportModal planId={plan.id} onClose={() => setImporting(false)} />}
    </Stack>
  );
}
