import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { TASK_STATE_LABELS } from '@opendti/core/labels';
import { type ReactNode, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { EChartsChart } from '../../shared/echarts-chart';
import { formatDate, formatPlain } from '../../shared/format';
import { EmptyList } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { PlanTargetTable, TargetVerdictSummary } from '../../shared/plan-targets';
import {
  STACK_ORDER,
  STATE_COLOURS,
  type StackedRow,
  stackedBarsHeight,
  stackedStateBars,
  totalOf,
} from '../../shared/task-state-chart';
import { dashboardMessages } from './dashboard-messages';
import { type PlanDashboard, useDashboardPlan, usePlanDashboard } from './dashboard-queries';
import { ManagerGate } from './manager-gate';
import { PlanPublicationCard } from './plan-publication-card';

/**
 * The plan's dashboard (/ke-hoach/:planId/tong-quan), for the office managing plans: how many tasks
 * are done, in progress, not started, overdue or cancelled, per main index and per lead unit (ECharts
 * stacked bars with a table behind each for screen readers), the targets with baseline → target →
 * current and met/missed against the next published period, and the public summary.
 */
export default function PlanDashboardPage() {
  const { planId = '' } = useParams();
  return (
    <ManagerGate>
      <Dashboard planId={planId} />
    </ManagerGate>
  );
}

function Dashboard({ planId }: { planId: string }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  const plan = useDashboardPlan(planId);
  const dashboard = usePlanDashboard(planId);
  if (plan.isPending || dashboard.isPending) return <PageLoader />;
  if (plan.error || dashboard.error) return <ErrorNotice error={plan.error ?? dashboard.error} />;
  const data = dashboard.data;
  const { totals } = data;
  const total = totalOf(totals);
  const measured = data.targets.filter((target) => target.met !== null);
  const met = measured.filter((target) => target.met).length;
  const stateName = (state: keyof typeof TASK_STATE_LABELS) => TASK_STATE_LABELS[state][locale];

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Anchor component={Link} to={`/ke-hoach/${planId}`} size="sm">
          ← {t('backToPlan')}
        </Anchor>
        <Text c="dimmed" size="sm" aria-hidden>
          ·
        </Text>
        <Anchor component={Link} to={`/ke-hoach/${planId}/bao-cao`} size="sm">
          {t('reports')}
        </Anchor>
      </Group>
      <PageHeader
        title={`${t('pageTitle')}: ${plan.data.title}`}
        description={t('pageDescription')}
        actions={
          <Group gap="xs">
            <Badge variant="light" radius="sm" tt="none" color={plan.data.status === 'issued' ? 'green' : 'gray'}>
              {t(`status_${plan.data.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {plan.data.documentNumber
                ? t('documentOf', { number: plan.data.documentNumber, date: formatDate(plan.data.date, locale) })
                : t('draftNumber')}
            </Text>
          </Group>
        }
      />

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Figure label={t('total')} value={formatPlain(total, locale)} />
        {STACK_ORDER.map((state) => (
          <Figure key={state} label={stateName(state)} value={formatPlain(totals[state], locale)} colour={STATE_COLOURS[state]} />
        ))}
        {data.comparison && (
          <Figure label={t('targetsMet')} value={`${formatPlain(met, locale)}/${formatPlain(data.targets.length, locale)}`} />
        )}
      </SimpleGrid>

      {totals.overdue > 0 && (
        <Alert color="red" title={t('overdueTitle')}>
          {t('overdueAlert', { count: totals.overdue, date: formatDate(data.today, locale) })}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <StateChart
          title={t('byMainIndex')}
          label={t('byMainIndexLabel')}
          rows={data.tasksByMainIndex.map((row) => ({ ...row, label: row.code ? `${row.code}. ${row.name}` : t('noMainIndex') }))}
        />
        <StateChart
          title={t('byLeadUnit')}
          label={t('byLeadUnitLabel')}
          rows={data.tasksByLeadUnit.map((row) => ({ ...row, label: row.unitCode === null ? t('unassigned') : row.unitName }))}
        />
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="targets-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="targets-heading">
            {t('targetsHeading')}
          </Title>
          <Comparison comparison={data.comparison} />
          {data.comparison && <TargetVerdictSummary targets={data.targets} />}
          <PlanTargetTable targets={data.targets} />
        </Stack>
      </Paper>

      <PlanPublicationCard key={plan.data.id} plan={plan.data} onReload={() => void plan.refetch()} />
    </Stack>
  );
}

function Figure({ label, value, colour }: { label: string; value: ReactNode; colour?: string }) {
  return (
    <Paper withBorder p="sm" style={colour ? { borderLeft: `4px solid ${colour}` } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function Comparison({ comparison }: { comparison: PlanDashboard['comparison'] }) {
  const t = useMessages(dashboardMessages);
  if (!comparison) {
    return (
      <Text size="sm" c="dimmed">
        {t('noComparison')}
      </Text>
    );
  }
  return <Text size="sm">{t('comparedWith', { name: comparison.name, year: comparison.year })}</Text>;
}

/** One stacked bar chart, its figures in a table for screen readers (the chart is an image to them). */
function StateChart({ title, label, rows }: { title: string; label: string; rows: StackedRow[] }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const stateName = (state: keyof typeof TASK_STATE_LABELS) => TASK_STATE_LABELS[state][locale];
  const option = useMemo(
    () =>
      stackedStateBars(
        rows,
        (state) => TASK_STATE_LABELS[state][locale],
        (value) => formatPlain(value, locale),
        compact,
      ),
    [rows, locale, compact],
  );
  const headingId = `chart-${title.replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm" id={headingId}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <EmptyList>{t('noTasks')}</EmptyList>
      ) : (
        <EChartsChart option={option} height={stackedBarsHeight(rows.length, compact)} label={label}>
          <Table>
            <caption>{title}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('col_group')}</Table.Th>
                {STACK_ORDER.map((state) => (
                  <Table.Th key={state}>{stateName(state)}</Table.Th>
                ))}
                <Table.Th>{t('col_total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Td>{row.label}</Table.Td>
                  {STACK_ORDER.map((state) => (
                    <Table.Td key={state}>{row[state]}</Table.Td>
                  ))}
                  <Table.Td>{totalOf(row)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </EChartsChart>
      )}
    </Paper>
  );
}
