import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { parseLocaleNumber } from '@opendti/core/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, formatPoints } from '../../shared/format';
import type { AssessmentView } from './api-types';
import type { OutlineItem } from './indicator-outline';
import { rebuttalMessages } from './rebuttal-messages';

type Contest = AssessmentView['rebuttal']['contests'][number];

interface Props {
  view: AssessmentView;
  items: OutlineItem[];
  onSelect: (code: string) => void;
}

/** Every council query is stale after sending results or answering a contest. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['appraisal'] });
}

/**
 * The rebuttal round on the council's page of one unit (giải trình, kiến nghị): send the results
 * once every indicator is decided, follow the unit's window, and answer each contest — keep or
 * change the points, with a reason. Buttons from the server's verdicts only.
 */
export function RebuttalPanel({ view, items, onSelect }: Props) {
  const t = useMessages(rebuttalMessages);
  const { locale } = useLocale();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const send = useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/assessments/{assessmentId}/transitions', {
        params: { path: { assessmentId: view.id } },
        body: { action: 'sendResults' },
      });
    },
    onSettled: refresh,
  });
  const { rebuttal } = view;
  const contests = rebuttal.contests.filter((row) => row.status !== 'draft');
  const canSend = view.allowedActions.includes('sendResults');
  const due = formatDate(rebuttal.dueOn, locale);

  return (
    <>
      {canSend && (
        <Alert color="grape" variant="light" title={t('sendTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('sendBody', { days: rebuttal.workingDays })}</Text>
            <Button color="grape" onClick={() => setConfirming(true)}>
              {t('send')}
            </Button>
          </Stack>
        </Alert>
      )}
      {view.state === 'rebuttalOpen' && (
        <Alert color="grape" variant="light" title={t('openTitle')}>
          <Text size="sm">
            {rebuttal.windowPassed
              ? t('windowPassed', { due })
              : t('openBody', { sent: formatDate(rebuttal.resultsSentAt, locale), due })}
          </Text>
        </Alert>
      )}
      {contests.length > 0 && (
        <Paper withBorder p="md" radius="sm" data-testid="rebuttal-contests">
          <Stack gap="sm">
            <Text fw={700} component="h3" m={0} size="md">
              {t('contestsTitle', {
                answered: contests.filter((row) => row.status === 'answered').length,
                total: contests.length,
              })}
            </Text>
            {contests.map((contest) => (
              <ContestCard
                key={contest.id}
                view={view}
                contest={contest}
                item={items.find((item) => item.code === contest.indicatorCode)}
                onSelect={onSelect}
              />
            ))}
          </Stack>
        </Paper>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('sendConfirmTitle', { unit: view.unit.name })}>
        <Stack>
          <Text size="sm">{t('sendConfirmBody')}</Text>
          {send.error && (
            <Alert color="red" variant="light" role="alert">
              {send.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="grape"
              loading={send.isPending}
              data-autofocus
              onClick={() =>
                send.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('sent', { unit: view.unit.name }) });
                    setConfirming(false);
                  },
                })
              }
            >
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ContestCard({
  view,
  contest,
  item,
  onSelect,
}: {
  view: AssessmentView;
  contest: Contest;
  item: OutlineItem | undefined;
  onSelect: (code: string) => void;
}) {
  const t = useMessages(rebuttalMessages);
  const { locale } = useLocale();
  const refresh = useRefresh();
  const code = contest.indicatorCode;
  const answered = contest.status === 'answered';
  const canAnswer = Boolean(view.indicators.find((row) => row.code === code)?.answerContest.allowed);
  const appraisal = view.appraisals.find((row) => row.indicatorCode === code);
  const selfPoints = view.answers.find((row) => row.indicatorCode === code)?.selfPoints ?? null;
  const [editing, setEditing] = useState(!answered);
  const [outcome, setOutcome] = useState<'kept' | 'changed'>(contest.outcome ?? 'kept');
  const [points, setPoints] = useState(formatPoints(appraisal?.appraisedPoints ?? null, locale));
  const [reason, setReason] = useState(contest.answerReason ?? '');
  const [pointsError, setPointsError] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: async (body: { outcome: 'kept' | 'changed'; appraisedPoints?: number; reason: string }) => {
      await api.PUT('/api/v1/assessments/{assessmentId}/rebuttal/{indicatorCode}/answer', {
        params: { path: { assessmentId: view.id, indicatorCode: code } },
        body,
      });
    },
    onSettled: refresh,
  });

  const save = () => {
    let appraisedPoints: number | undefined;
    if (outcome === 'changed') {
      appraisedPoints = parseLocaleNumber(points);
      if (Number.isNaN(appraisedPoints)) {
        setPointsError(t('pointsInvalid'));
        return;
      }
    }
    answer.mutate(
      { outcome, ...(appraisedPoints !== undefined ? { appraisedPoints } : {}), reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('saved', { code }) });
          setEditing(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`contest-${code}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component="button" type="button" fw={600} size="sm" ta="left" onClick={() => onSelect(code)}>
            {code}. {item?.name ?? ''}
          </Anchor>
          <Badge color={answered ? 'green' : 'blue'} variant="light" tt="none">
            {answered ? t('statusAnswered') : t('statusSubmitted')}
          </Badge>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{t('selfPoints', { points: formatPoints(selfPoints, locale) })}</Text>
          <Text size="sm" fw={600}>
            {t('appraisedPoints', { points: formatPoints(appraisal?.appraisedPoints ?? null, locale) })}
          </Text>
        </Group>
        <Text size="sm" fw={600}>
          {t('explanation')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {contest.explanation}
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={() => onSelect(code)} ta="left">
          {t('openIndicator')}
        </Anchor>
        {answered && !editing && (
          <Text size="sm" fw={600}>
            {contest.outcome === 'changed'
              ? t('answerChanged', {
                  before: formatPoints(contest.pointsBefore, locale),
                  after: formatPoints(contest.pointsAfter, locale),
                })
              : t('answerKept', { points: formatPoints(contest.pointsAfter, locale) })}{' '}
            {contest.answerReason ? t('answerReason', { reason: contest.answerReason }) : ''}
          </Text>
        )}
        {canAnswer && editing && (
          <Stack gap={6}>
            <Text size="sm" fw={600} id={`outcome-${code}`}>
              {t('outcomeLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby={`outcome-${code}`}
              value={outcome}
              onChange={(value) => setOutcome(value as 'kept' | 'changed')}
              data={[
                { value: 'kept', label: t('kept') },
                { value: 'changed', label: t('changed') },
              ]}
            />
            {outcome === 'changed' && (
              <TextInput
                label={t('newPoints')}
                description={t('newPointsHint', { max: formatPoints(item?.maxPoints ?? null, locale) })}
                value={points}
                inputMode="decimal"
                onChange={(event) => {
                  setPoints(event.currentTarget.value);
                  setPointsError(null);
                }}
                error={pointsError}
                maw={220}
                required
              />
            )}
            <Textarea
              label={t('reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
              required
            />
            {answer.error && (
              <Text size="sm" c="red" role="alert">
                {answer.error.message}
              </Text>
            )}
            <Group gap="xs">
              <Button loading={answer.isPending} disabled={!reason.trim()} onClick={save}>
                {t('save')}
              </Button>
              {answered && (
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {canAnswer && answered && !editing && (
          <Group>
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
