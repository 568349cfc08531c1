import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { TASK_STATE_LABELS } from '@opendti/core/labels';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { EChartsChart } from '../../shared/echarts-chart';
import { formatDate, formatPlain } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { PlanTargetTable, TargetVerdictSummary } from '../../shared/plan-targets';
import { STACK_ORDER, STATE_COLOURS, stackedBarsHeight, stackedStateBars } from '../../shared/task-state-chart';
import { publicPlanMessages } from './plan-messages';
import { type PublicPlan, usePublicPlan } from './public-api';
import { PUBLIC_PLANS_PATH } from './public-paths';

/**
 * One published plan (/ke-hoach-cong-khai/:planId): what the manager chose to publish — title,
 * number and date, the summary, the tasks by state and the targets met or missed — and nothing of
 * the units' own reports (the server sends nothing more).
 */
export default function PublicPlanPage() {
  const t = useMessages(publicPlanMessages);
  const { planId = '' } = useParams();
  const { data, isPending, error } = usePublicPlan(planId);
  if (isPending) return <PageLoader />;
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Stack gap="md" maw={720}>
        <Alert color="orange" role="alert">
          {t('notFound')}
        </Alert>
        <Anchor component={Link} to={PUBLIC_PLANS_PATH}>
          {t('backToList')}
        </Anchor>
      </Stack>
    );
  }
  if (error) return <ErrorNotice error={error} />;
  return <PlanSummary plan={data} />;
}

function PlanSummary({ plan }: { plan: PublicPlan }) {
  const t = useMessages(publicPlanMessages);
  const { locale } = useLocale();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const counts = plan.taskCounts;
  const option = useMemo(
    () =>
      stackedStateBars(
        [{ ...counts, label: t('allTasks') }],
        (state) => TASK_STATE_LABELS[state][locale],
        (value) => formatPlain(value, locale),
        compact,
      ),
    [counts, t, locale, compact],
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={PUBLIC_PLANS_PATH} size="sm">
        ← {t('backToList')}
      </Anchor>
      <PageHeader
        title={plan.title}
        actions={
          <Group gap="xs">
            <Badge variant="light" radius="sm" tt="none" color={plan.status === 'issued' ? 'blue' : 'gray'}>
              {t(`status_${plan.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('documentOf', { number: plan.documentNumber, date: formatDate(plan.date, locale) })} ·{' '}
              {t('publishedOn', { date: formatDate(plan.publishedAt, locale) })}
            </Text>
          </Group>
        }
      />
      {plan.summary && (
        <Paper withBorder p="md" component="section" aria-labelledby="summary-heading">
          <Title order={3} size="h4" id="summary-heading" mb="xs">
            {t('summaryHeading')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{plan.summary}</Text>
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="tasks-heading">
        <Title order={3} size="h4" id="tasks-heading" mb="sm">
          {t('tasksHeading')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" mb="md">
          <Figure label={t('tasksTotal')} value={formatPlain(counts.total, locale)} />
          {STACK_ORDER.map((state) => (
            <Figure
              key={state}
              label={TASK_STATE_LABELS[state][locale]}
              value={formatPlain(counts[state], locale)}
              colour={STATE_COLOURS[state]}
            />
          ))}
        </SimpleGrid>
        {counts.total > 0 && (
          <EChartsChart option={option} height={stackedBarsHeight(1, compact)} label={t('tasksChartLabel')}>
            <Table>
              <caption>{t('tasksHeading')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('state')}</Table.Th>
                  <Table.Th>{t('count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {STACK_ORDER.map((state) => (
                  <Table.Tr key={state}>
                    <Table.Td>{TASK_STATE_LABELS[state][locale]}</Table.Td>
                    <Table.Td>{counts[state]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </EChartsChart>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="targets-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="targets-heading">
            {t('targetsHeading')}
          </Title>
          <Text size="sm" c={plan.comparison ? undefined : 'dimmed'}>
            {plan.comparison ? t('comparedWith', { name: plan.comparison.name, year: plan.comparison.year }) : t('noComparison')}
          </Text>
          {plan.comparison && <TargetVerdictSummary targets={plan.targets} />}
          <PlanTargetTable targets={plan.targets} />
        </Stack>
      </Paper>
    </Stack>
  );
}

function Figure({ label, value, colour }: { label: string; value: string; colour?: string }) {
  return (
    <Paper withBorder p="sm" style={colour ? { borderLeft: `4px solid ${colour}` } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}
