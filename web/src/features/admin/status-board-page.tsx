import { Alert, Anchor, Badge, Breadcrumbs, Button, Chip, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UnitProgressStatus } from '@opendti/core/labels';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import { DateField } from '../../shared/date-field';
import { formatDate, formatDateTime, formatPoints } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { ProblemList } from '../../shared/problem-list';
import { AssessmentStateBadge, PeriodStateBadge } from '../../shared/state-badges';
import { useAdminLabels } from './labels';
import { type AdminKey, adminMessages } from './messages';
import { type BoardChange, type StatusBoardRow, type UnitAction, useBoardChange, useStatusBoard } from './status-board-queries';

/** The board's filters: the statuses the manager looks for (core's `unitProgressStatus`), and all. */
const FILTERS = ['all', 'notStarted', 'inProgress', 'submittedLate', 'noData', 'notParticipating'] as const;
type Filter = (typeof FILTERS)[number];

const STATUS_COLOURS: Record<UnitProgressStatus, string> = {
  notStarted: 'gray',
  inProgress: 'blue',
  submitted: 'green',
  submittedLate: 'orange',
  submittedAtClose: 'gray',
  noData: 'red',
  notParticipating: 'dark',
  scoredAsZero: 'red',
};

/** A control of the board: the workflow's `returnToUnit` or one of the manager's unit actions. */
type BoardAction = 'returnToUnit' | UnitAction;

const ACTION_LABEL: Record<BoardAction, AdminKey> = {
  returnToUnit: 'board_returnToUnit',
  extendDeadline: 'board_extendDeadline',
  markNotParticipating: 'board_markNotParticipating',
  restoreParticipation: 'board_restoreParticipation',
  scoreAsZero: 'board_scoreAsZero',
};

/** The controls open on a row, as the server says (its allowedActions and unitActions); nothing is worked out here. */
function rowActions(row: StatusBoardRow): BoardAction[] {
  return [...(row.allowedActions.includes('returnToUnit') ? (['returnToUnit'] as const) : []), ...row.unitActions];
}

/**
 * The period manager's board: every unit of the period, where it stands, and one click to return a
 * submission, extend a unit's deadline, take a unit out (or back in), or score a unit with no data as
 * zero. A table on a laptop, cards on a phone.
 */
export default function StatusBoardPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const { periodId } = useParams();
  const board = useStatusBoard(periodId);
  const [filter, setFilter] = useState<Filter>('all');
  const [chosen, setChosen] = useState<{ row: StatusBoardRow; action: BoardAction }>();

  if (board.isPending) return <PageLoader />;
  if (board.error) return <ErrorNotice error={board.error} />;
  const { period, items } = board.data;
  const count = (value: Filter) => (value === 'all' ? items.length : items.filter((row) => row.status === value).length);
  const shown = filter === 'all' ? items : items.filter((row) => row.status === filter);
  const noData = count('noData');

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/quan-tri/ky-danh-gia">
          {t('navPeriods')}
        </Anchor>
        <Anchor component={Link} to={`/quan-tri/ky-danh-gia/${period.id}`}>
          {period.year}
        </Anchor>
        <Text>{t('boardTitle')}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>{t('boardTitle')}</Title>
        <Group gap="xs">
          <PeriodStateBadge state={period.state} />
          <Text size="sm" c="dimmed">
            {period.name} · {t('selfAssessmentDeadline')}: {formatDate(period.selfAssessmentDeadline, locale)}
          </Text>
        </Group>
      </Stack>
      {noData > 0 && (
        <Alert color="red" variant="light" title={t('boardNoDataTitle', { count: noData })}>
          {t('boardNoData')}
        </Alert>
      )}
      <Chip.Group multiple={false} value={filter} onChange={(value) => setFilter(value as Filter)}>
        <Group gap="xs" role="group" aria-label={t('boardFilter')}>
          {FILTERS.filter(
            (value) =>
              value === 'all' ||
              value === 'notStarted' ||
              value === 'inProgress' ||
              value === 'submittedLate' ||
              count(value) > 0,
          ).map((value) => (
            <Chip key={value} value={value} size="sm">
              {value === 'all' ? t('boardFilterAll') : labels.unitProgress(value)} ({count(value)})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <ListTable<StatusBoardRow>
        rows={shown}
        rowKey={(row) => row.unit.id}
        minWidth={980}
        empty={t('boardEmpty')}
        columns={[
          {
            header: t('boardUnit'),
            alone: true,
            cell: (row) => (
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {row.unit.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.unit.code}
                </Text>
              </Stack>
            ),
          },
          {
            header: t('boardStatus'),
            cell: (row) => (
              <Stack gap={4} align="flex-start">
                <Badge
                  color={STATUS_COLOURS[row.status]}
                  variant={row.status === 'submittedAtClose' ? 'outline' : 'light'}
                  radius="sm"
                  tt="none"
                >
                  {labels.unitProgress(row.status)}
                </Badge>
                {row.state && row.state !== 'draft' && row.state !== 'submitted' && (
                  <AssessmentStateBadge state={row.state} size="xs" />
                )}
                {row.participationReason && (
                  <Text size="xs" c="dimmed">
                    {row.participationReason}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            header: t('boardAnswered'),
            align: 'right',
            cell: (row) => `${row.answered}/${row.indicators}`,
          },
          { header: t('boardEvidenceMissing'), align: 'right', cell: (row) => row.evidenceMissing },
          {
            header: t('boardSelfPoints'),
            align: 'right',
            // Nothing answered: no self points yet, not a score of zero.
            cell: (row) => (row.answered === 0 ? '–' : formatPoints(row.selfTotal?.points ?? null, locale)),
          },
          { header: t('boardLastActivity'), cell: (row) => formatDateTime(row.lastActivity, locale) },
          {
            header: t('boardDeadline'),
            cell: (row) => (
              <Stack gap={0}>
                <Text size="sm">{formatDate(row.deadline, locale)}</Text>
                {row.deadlineExtended && (
                  <Text size="xs" fw={600}>
                    {t('boardExtended')}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            header: t('boardActions'),
            hiddenHeader: true,
            width: 190,
            cell: (row) => (
              <Group gap={6}>
                {rowActions(row).map((action) => (
                  <Button
                    key={action}
                    size="compact-xs"
                    variant={action === 'returnToUnit' ? 'light' : 'default'}
                    color={action === 'returnToUnit' ? 'orange' : undefined}
                    onClick={() => setChosen({ row, action })}
                  >
                    {t(ACTION_LABEL[action])}
                  </Button>
                ))}
              </Group>
            ),
          },
        ]}
      />
      {chosen && periodId && (
        <BoardActionModal periodId={periodId} row={chosen.row} action={chosen.action} onClose={() => setChosen(undefined)} />
      )}
    </Stack>
  );
}

/** The reason (and, to extend, the new day) the action needs; the server's refusal is shown as it words it. */
function BoardActionModal({
  periodId,
  row,
  action,
  onClose,
}: {
  periodId: string;
  row: StatusBoardRow;
  action: BoardAction;
  onClose: () => void;
}) {
  const t = useMessages(adminMessages);
  const change = useBoardChange(periodId);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [touched, setTouched] = useState(false);
  const day = parseVietnameseDate(date);
  const missingReason = reason.trim() === '';
  const missingDate = action === 'extendDeadline' && !day;
  const assessmentId = row.assessmentId as string;
  const request = (): BoardChange => {
    const text = reason.trim();
    switch (action) {
      case 'returnToUnit':
        return { kind: 'returnToUnit', assessmentId, reason: text };
      case 'extendDeadline':
        return { kind: 'extendDeadline', assessmentId, date: day as string, reason: text };
      case 'markNotParticipating':
        return { kind: 'participation', assessmentId, participation: 'notParticipating', reason: text };
      case 'restoreParticipation':
        return { kind: 'participation', assessmentId, participation: 'participating', reason: text };
      case 'scoreAsZero':
        return { kind: 'participation', assessmentId, participation: 'scoredAsZero', reason: text };
    }
  };
  const confirm = () => {
    setTouched(true);
    if (missingReason || missingDate) return;
    change.mutate(request(), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('boardDone', { unit: row.unit.name }) });
        onClose();
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={`${t(ACTION_LABEL[action])}: ${row.unit.name}`} size="lg">
      <Stack>
        <Text size="sm">{t(`boardExplain_${action}`, { deadline: toVietnameseDate(row.deadline) })}</Text>
        {action === 'extendDeadline' && (
          <DateField
            label={t('boardNewDeadline')}
            value={date}
            onChange={setDate}
            required
            error={touched && missingDate ? t('errorRequired') : undefined}
          />
        )}
        <Textarea
          label={t('reason')}
          description={t('reasonRequiredHelp')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={touched && missingReason ? t('errorRequired') : undefined}
          autosize
          minRows={3}
          required
        />
        {change.error && <ProblemList error={change.error} title={t('serverRefusedAction')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={confirm} loading={change.isPending}>
            {t('confirmAction', { action: t(ACTION_LABEL[action]) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
