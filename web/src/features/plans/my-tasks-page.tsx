import {
  Accordion,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { ReportStatusBadge, reportStatusLabel, TaskStateBadge } from './progress-badges';
import { progressMessages } from './progress-messages';
import { type MyPlanTask, useMyPlanTasks } from './progress-queries';
import { defaultRound, groupTasksByPlan, needsAttention, reportableRounds, type TaskFilter } from './report-form';
import { ReportFormCard } from './report-form-card';
import { ReportView } from './report-view';
import { TaskComments } from './task-comments';

/** /ke-hoach/nhiem-vu — a unit's tasks in issued plans, grouped by plan, with the reporting form and comments. */
export default function MyTasksPage() {
  const t = useMessages(progressMessages);
  const { data: user, isPending, error } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorNotice error={error} />;
  if (!user) {
    return (
      <Stack maw={520} mx="auto" mt="xl">
        <Alert color="blue" title={t('guard.signInTitle')}>
          {t('guard.signIn')}
        </Alert>
        <Button component={Link} to="/dang-nhap" style={{ alignSelf: 'flex-start' }}>
          {t('guard.signInButton')}
        </Button>
      </Stack>
    );
  }
  if (!holds(user, 'plan.task.read') || !user.unitId) {
    return (
      <Alert color="yellow" maw={620} mx="auto" mt="xl" title={t('guard.notUnitTitle')}>
        {t('guard.notUnit')}
      </Alert>
    );
  }
  return <TaskList />;
}

function TaskList() {
  const t = useMessages(progressMessages);
  const tasks = useMyPlanTasks();
  const [filter, setFilter] = useState<TaskFilter>('all');
  if (tasks.error) return <ErrorNotice error={tasks.error} />;
  if (!tasks.data) return <PageLoader />;
  const groups = groupTasksByPlan(tasks.data, filter);
  const attention = tasks.data.filter(needsAttention).length;

  return (
    <Stack maw={1100} mx="auto" gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('tasks.title')}
        </Title>
        <Text c="dimmed" maw={900}>
          {t('tasks.intro')}
        </Text>
      </Stack>
      {tasks.data.length === 0 ? (
        <Alert color="gray">{t('tasks.none')}</Alert>
      ) : (
        <>
          <SegmentedControl
            aria-label={t('filter.label')}
            value={filter}
            onChange={(value) => setFilter(value as TaskFilter)}
            data={[
              { value: 'all', label: t('filter.all') },
              { value: 'attention', label: t('filter.attention', { count: attention }) },
              { value: 'leadUnit', label: t('filter.leadUnit') },
              { value: 'coordinatingUnit', label: t('filter.coordinatingUnit') },
            ]}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            styles={{ root: { flexWrap: 'wrap' } }}
          />
          {groups.length === 0 && <Text c="dimmed">{t('tasks.noneFiltered')}</Text>}
          {groups.map((group) => (
            <Card key={group.planId} withBorder radius="md" padding="md">
              <Stack gap="sm">
                <Stack gap={2}>
                  <Title order={2} size="h4">
                    {group.title}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {group.documentNumber ? t('plan.number', { number: group.documentNumber }) : t('plan.draftNumber')} ·{' '}
                    {t('tasks.count', { count: group.tasks.length })}
                  </Text>
                </Stack>
                <Accordion multiple variant="separated" radius="md" chevronPosition="right">
                  {group.tasks.map((task) => (
                    <TaskItem key={task.id} task={task} />
                  ))}
                </Accordion>
              </Stack>
            </Card>
          ))}
        </>
      )}
    </Stack>
  );
}

function TaskItem({ task }: { task: MyPlanTask }) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const current = task.reporting.rounds.find((round) => round.current);
  const missing = task.reporting.rounds.filter((round) => round.status === 'missing');
  return (
    <Accordion.Item value={task.id}>
      <Accordion.Control>
        <Stack gap={6}>
          <Text fw={600} size="sm" style={{ lineHeight: 1.4 }}>
            {task.position}. {task.text}
          </Text>
          <Group gap={6} wrap="wrap">
            <Badge variant="outline" color={task.role === 'leadUnit' ? 'indigo' : 'gray'} radius="sm" tt="none" size="sm">
              {t(task.role === 'leadUnit' ? 'role.leadUnit' : 'role.coordinatingUnit')}
            </Badge>
            <TaskStateBadge state={task.displayedState} size="sm" />
            <Text
              size="xs"
              c={task.displayedState === 'overdue' ? 'red' : 'dimmed'}
              fw={task.displayedState === 'overdue' ? 700 : 400}
            >
              {t('task.due', { date: formatDate(task.dueOn, locale) })}
            </Text>
            {current?.expected && (
              <ReportStatusBadge status={current.status} size="sm">
                {t('task.currentRound', {
                  round: current.title[locale],
                  status: reportStatusLabel(current.status, locale).toLocaleLowerCase(locale),
                })}
              </ReportStatusBadge>
            )}
            {missing.map((round) => (
              <ReportStatusBadge key={round.dueOn} status="missing" size="sm">
                {t('task.currentRound', {
                  round: round.title[locale],
                  status: reportStatusLabel('missing', locale).toLocaleLowerCase(locale),
                })}
              </ReportStatusBadge>
            ))}
          </Group>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <TaskDetails task={task} />
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function TaskDetails({ task }: { task: MyPlanTask }) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const [dueOn, setDueOn] = useState<string | undefined>(() => defaultRound(task));
  const rounds = reportableRounds(task);
  const fact = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || t('task.none')}</Text>
    </Stack>
  );
  return (
    <Stack gap="md">
      {task.state === 'cancelled' && (
        <Alert color="gray" variant="light" p="xs">
          {t('task.cancelled', { reason: task.cancelReason ?? '–' })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {fact(t('task.indicators'), task.indicators.join(', '))}
        {fact(t('task.product'), task.product)}
        {fact(t('task.lead'), task.leadName ?? task.lead ?? '')}
        {fact(t('task.coordinating'), task.coordinatingNames.join(', '))}
      </SimpleGrid>

      {task.role === 'leadUnit' && task.state !== 'cancelled' && dueOn !== undefined && rounds.length > 0 ? (
        <ReportFormCard task={task} dueOn={dueOn} onRoundChange={setDueOn} />
      ) : task.role === 'coordinatingUnit' ? (
        <Text size="sm" c="dimmed">
          {t('report.notLead')}
        </Text>
      ) : (
        task.state !== 'cancelled' && (
          <Text size="sm" c="dimmed">
            {t('report.noRound')}
          </Text>
        )
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('history.title')}
        </Title>
        {task.reporting.rounds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('history.empty')}
          </Text>
        )}
        {[...task.reporting.rounds].reverse().map((round) => (
          <Paper key={round.dueOn} withBorder p="sm" radius="sm">
            <Stack gap="xs">
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text size="sm" fw={600}>
                  {round.title[locale]} · {t('report.due', { date: formatDate(round.dueOn, locale) })}
                </Text>
                {round.expected ? (
                  <ReportStatusBadge status={round.status} size="sm" />
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('history.notExpected')}
                  </Text>
                )}
              </Group>
              {round.report ? (
                <ReportView report={round.report} />
              ) : (
                round.expected &&
                round.open && (
                  <Text size="sm" c="dimmed">
                    {t('history.noReport')}
                  </Text>
                )
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>

      <TaskComments planId={task.planId} taskId={task.id} canComment />
    </Stack>
  );
}
