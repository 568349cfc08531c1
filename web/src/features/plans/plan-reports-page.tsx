import { Alert, Anchor, Badge, Button, Group, Modal, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { REPORT_STATUSES, type ReportStatus } from '@opendti/core/labels';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { type ListColumn, ListTable } from '../../shared/list-table';
import { ReportStatusBadge, reportStatusLabel, TaskStateBadge } from './progress-badges';
import { progressMessages } from './progress-messages';
import { type PlanRound, type PlanRounds, type RoundReportRow, useReportingRounds, useRoundReports } from './progress-queries';
import { ReportView } from './report-view';
import { shownRound } from './shown-round';
import { TaskComments } from './task-comments';

/** /ke-hoach/:planId/bao-cao — the manager's view of a plan's reporting rounds and each round's reports. */
export default function PlanReportsPage() {
  const t = useMessages(progressMessages);
  const { planId } = useParams();
  const { data: user, isPending, error } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorNotice error={error} />;
  if (!user || !holds(user, 'plan.manage')) {
    return (
      <Stack maw={620} mx="auto" mt="xl">
        <Alert color="yellow" title={t('guard.notManagerTitle')}>
          {t('guard.notManager')}
        </Alert>
        {user && holds(user, 'plan.task.read') && (
          <Button component={Link} to="/ke-hoach/nhiem-vu" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('guard.toMyTasks')}
          </Button>
        )}
      </Stack>
    );
  }
  return <PlanRoundsView planId={planId ?? ''} />;
}

function PlanRoundsView({ planId }: { planId: string }) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const rounds = useReportingRounds(planId);
  const [search, setSearch] = useSearchParams();
  if (rounds.error) return <ErrorNotice error={rounds.error} />;
  if (!rounds.data) return <PageLoader />;
  const { plan } = rounds.data;
  const selected = shownRound(rounds.data.rounds, search.get('ky'));
  const choose = (dueOn: string) => setSearch({ ky: dueOn }, { replace: true });

  return (
    <Stack maw={1200} mx="auto" gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/ke-hoach/${planId}`} size="sm">
          ← {t('rounds.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('rounds.title')}
        </Title>
        <Text fw={600}>
          {plan.title}
          {plan.documentNumber ? ` · ${t('plan.number', { number: plan.documentNumber })}` : ''}
        </Text>
        <Text c="dimmed" size="sm" maw={900}>
          {t('rounds.intro')}
        </Text>
      </Stack>
      {plan.status === 'draft' && (
        <Alert color="blue" variant="light">
          {t('rounds.draft')}
        </Alert>
      )}
      {plan.status === 'closed' && (
        <Alert color="gray" variant="light">
          {t('rounds.closed')}
        </Alert>
      )}
      {rounds.data.rounds.length === 0 ? (
        <Alert color="yellow" variant="light">
          {t('rounds.noSchedule')}{' '}
          <Anchor component={Link} to={`/ke-hoach/${planId}`}>
            {t('rounds.back')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <RoundsOverview rounds={rounds.data} selected={selected} onChoose={choose} />
          {selected && (
            <RoundReports
              key={selected}
              planId={planId}
              dueOn={selected}
              plan={plan}
              title={rounds.data.rounds.find((round) => round.dueOn === selected)?.title[locale] ?? selected}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function Count({ value, colour }: { value: number; colour?: string }) {
  return (
    <Text size="sm" c={value > 0 ? colour : undefined} fw={value > 0 && colour ? 700 : 400}>
      {value}
    </Text>
  );
}

function RoundsOverview({
  rounds,
  selected,
  onChoose,
}: {
  rounds: PlanRounds;
  selected: string | undefined;
  onChoose: (dueOn: string) => void;
}) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const columns: ListColumn<PlanRound>[] = [
    {
      header: t('col.round'),
      alone: true,
      cell: (round) => (
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={round.dueOn === selected ? 700 : 500}>
            {round.title[locale]}
          </Text>
          {round.current && (
            <Badge size="xs" variant="light" color="blue" tt="none">
              {t('rounds.current')}
            </Badge>
          )}
          {!round.open && (
            <Badge size="xs" variant="outline" color="gray" tt="none">
              {t('rounds.notOpen')}
            </Badge>
          )}
        </Group>
      ),
    },
    { header: t('col.dueOn'), cell: (round) => formatDate(round.dueOn, locale) },
    { header: t('col.expected'), align: 'right', cell: (round) => <Count value={round.counts.expected} /> },
    { header: t('col.submitted'), align: 'right', cell: (round) => <Count value={round.counts.submitted} colour="green.8" /> },
    { header: t('col.late'), align: 'right', cell: (round) => <Count value={round.counts.late} colour="orange.9" /> },
    { header: t('col.missing'), align: 'right', cell: (round) => <Count value={round.counts.missing} colour="red.8" /> },
    { header: t('col.pending'), align: 'right', cell: (round) => <Count value={round.counts.pending} /> },
    {
      header: t('col.actions'),
      hiddenHeader: true,
      alone: true,
      cell: (round) => (
        <Button
          size="compact-sm"
          variant={round.dueOn === selected ? 'filled' : 'light'}
          onClick={() => onChoose(round.dueOn)}
          aria-pressed={round.dueOn === selected}
          aria-label={`${t('rounds.select')}: ${round.title[locale]}`}
        >
          {t('rounds.select')}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('rounds.overview')}
      </Title>
      <ListTable
        rows={rounds.rounds}
        columns={columns}
        rowKey={(round) => round.dueOn}
        minWidth={760}
        empty={t('rounds.noSchedule')}
      />
    </Stack>
  );
}

type StatusFilter = 'all' | ReportStatus;

function RoundReports({
  planId,
  dueOn,
  title,
  plan,
}: {
  planId: string;
  dueOn: string;
  title: string;
  plan: PlanRounds['plan'];
}) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const reports = useRoundReports(planId, dueOn);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [open, setOpen] = useState<RoundReportRow | null>(null);
  if (reports.error) return <ErrorNotice error={reports.error} />;
  if (!reports.data) return <PageLoader />;
  const { counts } = reports.data.round;
  const rows = reports.data.items.filter((item) => filter === 'all' || item.reportStatus === filter);

  const columns: ListColumn<RoundReportRow>[] = [
    { header: t('col.stt'), width: 56, cell: (row) => row.task.position },
    {
      header: t('col.task'),
      alone: true,
      cell: (row) => (
        <Stack gap={2}>
          <Text size="sm">{row.task.text}</Text>
          <Text size="xs" c="dimmed">
            {row.task.indicators.join(', ')}
          </Text>
        </Stack>
      ),
    },
    { header: t('col.lead'), cell: (row) => row.task.lead?.name ?? t('round.unassigned') },
    {
      header: t('col.taskState'),
      cell: (row) => (
        <Stack gap={2} align="flex-start">
          <TaskStateBadge state={row.task.displayedState} size="sm" />
          <Text size="xs" c="dimmed">
            {t('task.due', { date: formatDate(row.task.dueOn, locale) })}
          </Text>
        </Stack>
      ),
    },
    { header: t('col.reportStatus'), cell: (row) => <ReportStatusBadge status={row.reportStatus} size="sm" /> },
    {
      header: t('col.percent'),
      width: 120,
      cell: (row) =>
        row.report ? (
          <Stack gap={2}>
            <Progress value={row.report.percent} size="sm" aria-label={t('view.percent', { percent: row.report.percent })} />
            <Text size="xs">{row.report.percent}%</Text>
          </Stack>
        ) : (
          '–'
        ),
    },
    {
      header: t('col.actions'),
      hiddenHeader: true,
      alone: true,
      cell: (row) => (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => setOpen(row)}
          aria-label={t('round.viewLabel', { position: row.task.position })}
        >
          {t('round.view')}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('round.heading', { title, date: formatDate(dueOn, locale) })}
      </Title>
      <Text size="sm">{t('round.summary', counts)}</Text>
      <SegmentedControl
        aria-label={t('round.filter')}
        value={filter}
        onChange={(value) => setFilter(value as StatusFilter)}
        data={[
          { value: 'all', label: `${t('round.filterAll')} (${counts.expected})` },
          ...REPORT_STATUSES.map((status) => ({
            value: status,
            label: `${reportStatusLabel(status, locale)} (${counts[status]})`,
          })),
        ]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        styles={{ root: { flexWrap: 'wrap' } }}
      />
      <ListTable
        rows={rows}
        columns={columns}
        rowKey={(row) => row.task.id}
        minWidth={900}
        empty={reports.data.items.length === 0 ? t('round.noRows') : t('round.noMatch')}
        rowProps={(row) => ({
          style:
            row.reportStatus === 'missing'
              ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)' }
              : row.reportStatus === 'late'
                ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-6)' }
                : undefined,
        })}
      />
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="lg"
        title={open ? t('round.modalTitle', { position: open.task.position, round: title }) : ''}
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        {open && (
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {open.task.text}
              </Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {open.task.lead?.name ?? t('round.unassigned')}
                </Text>
                <ReportStatusBadge status={open.reportStatus} size="sm" />
              </Group>
            </Stack>
            {open.report ? (
              <ReportView report={open.report} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('round.noReport')}
              </Text>
            )}
            <TaskComments planId={planId} taskId={open.task.id} canComment={plan.status === 'issued'} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
