import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, formatPoints } from '../../shared/format';
import { type Contest, saveContest, submitRebuttal, withdrawContest } from './rebuttal-api';
import { rebuttalMessages } from './rebuttal-messages';
import { type Appraisal, type AssessmentView, actionVerdict, workspaceKeys } from './workspace-api';

interface Props {
  view: AssessmentView;
  nameOf: (code: string) => string;
  onSelect: (code: string) => void;
}

const errorText = (failure: unknown) => (failure instanceof ApiError ? failure.message : String(failure));

/**
 * The rebuttal round seen by the unit (giải trình, kiến nghị): each indicator the council adjusted,
 * self against appraised points with the council's reason; a contest with an explanation on those
 * the unit chooses (evidence in the indicator's panel), sent by the leader within the window; then
 * the council's answers. Every button follows the server's verdicts.
 */
export function RebuttalSection({ view, nameOf, onSelect }: Props) {
  const t = useMessages(rebuttalMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { rebuttal } = view;
  const adjusted = view.appraisals.filter((row) => row.decision === 'adjusted');
  const contestOf = (code: string) => rebuttal.contests.find((row) => row.indicatorCode === code);
  const drafts = rebuttal.contests.filter((row) => row.status === 'draft').length;
  const sending = actionVerdict(view, 'submitRebuttal');
  const open = view.state === 'rebuttalOpen';

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await submitRebuttal(view.id);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.view(view.id), exact: true });
      notifications.show({ color: 'green', message: t('sent') });
      setConfirming(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  const due = formatDate(rebuttal.dueOn, locale);
  const intro = open
    ? rebuttal.windowPassed
      ? t('windowPassed', { due })
      : t('openBody', { sent: formatDate(rebuttal.resultsSentAt, locale), due, days: rebuttal.workingDays })
    : view.state === 'rebuttalSubmitted'
      ? t('submittedBody', { count: rebuttal.contests.filter((row) => row.status !== 'draft').length })
      : t('finalisedBody');

  return (
    <Alert color="grape" variant="light" title={t('title')} data-testid="rebuttal-section">
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        <Title order={3} size="h5">
          {t('adjustedHeading', { count: adjusted.length })}
        </Title>
        {adjusted.length === 0 && <Text size="sm">{t('noneAdjusted')}</Text>}
        {adjusted.map((appraisal) => (
          <AdjustedIndicator
            key={appraisal.indicatorCode}
            assessmentId={view.id}
            appraisal={appraisal}
            name={nameOf(appraisal.indicatorCode)}
            selfPoints={view.answers.find((row) => row.indicatorCode === appraisal.indicatorCode)?.selfPoints ?? null}
            contest={contestOf(appraisal.indicatorCode)}
            canContest={Boolean(view.indicators.find((row) => row.code === appraisal.indicatorCode)?.contest.allowed)}
            onSelect={onSelect}
          />
        ))}
        {open &&
          (sending.allowed ? (
            <Group>
              <Button color="grape" onClick={() => setConfirming(true)}>
                {drafts > 0 ? t('send', { count: drafts }) : t('sendNone')}
              </Button>
            </Group>
          ) : (
            !rebuttal.windowPassed && (
              <Text size="sm" c="dimmed">
                {sending.reason === 'role-not-allowed' ? t('leaderSends') : sending.message}
              </Text>
            )
          ))}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('sendTitle')}>
        <Stack>
          <Text>{drafts > 0 ? t('sendBody') : t('sendBodyNone')}</Text>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button color="grape" loading={busy} onClick={send} data-autofocus>
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}

function statusBadge(
  contest: Contest | undefined,
  t: (key: 'statusNone' | 'statusDraft' | 'statusSubmitted' | 'statusAnswered') => string,
) {
  const [color, label] =
    contest === undefined
      ? ['gray', t('statusNone')]
      : contest.status === 'draft'
        ? ['yellow', t('statusDraft')]
        : contest.status === 'submitted'
          ? ['blue', t('statusSubmitted')]
          : ['green', t('statusAnswered')];
  return (
    <Badge color={color} variant="light" tt="none">
      {label}
    </Badge>
  );
}

function AdjustedIndicator({
  assessmentId,
  appraisal,
  name,
  selfPoints,
  contest,
  canContest,
  onSelect,
}: {
  assessmentId: string;
  appraisal: Appraisal;
  name: string;
  selfPoints: number | null;
  contest: Contest | undefined;
  canContest: boolean;
  onSelect: (code: string) => void;
}) {
  const t = useMessages(rebuttalMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const code = appraisal.indicatorCode;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(contest?.explanation ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.view(assessmentId), exact: true });

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await refresh();
      notifications.show({ color: 'green', message: done });
      setEditing(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const fieldId = `contest-${code}`;

  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`adjusted-${code}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component="button" type="button" fw={600} size="sm" ta="left" onClick={() => onSelect(code)}>
            {code}. {name}
          </Anchor>
          {statusBadge(contest, t)}
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{t('selfPoints', { points: formatPoints(selfPoints, locale) })}</Text>
          <Text size="sm" fw={600}>
            {t('appraisedPoints', { points: formatPoints(appraisal.appraisedPoints, locale) })}
          </Text>
        </Group>
        {appraisal.reason && <Text size="sm">{t('councilReason', { reason: appraisal.reason })}</Text>}
        {contest && !editing && <Text size="sm">{t('ownExplanation', { text: contest.explanation })}</Text>}
        {contest?.status === 'answered' && (
          <Text size="sm" fw={600} c={contest.outcome === 'changed' ? 'green.9' : undefined}>
            {contest.outcome === 'changed'
              ? t('answerChanged', {
                  before: formatPoints(contest.pointsBefore, locale),
                  after: formatPoints(contest.pointsAfter, locale),
                })
              : t('answerKept', { points: formatPoints(contest.pointsAfter, locale) })}{' '}
            {contest.answerReason ? t('answerReason', { reason: contest.answerReason }) : ''}
          </Text>
        )}
        {canContest && editing && (
          <Stack gap={6}>
            <Textarea
              id={fieldId}
              label={t('explanationLabel')}
              description={t('explanationHint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={10000}
              required
            />
            {error && (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            )}
            <Group gap="xs" wrap="wrap">
              <Button
                color="grape"
                loading={busy}
                disabled={!text.trim()}
                onClick={() => run(() => saveContest(assessmentId, code, text.trim()), t('saved', { code }))}
              >
                {t('saveContest')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {canContest && !editing && (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              color="grape"
              variant="light"
              onClick={() => {
                setText(contest?.explanation ?? '');
                setEditing(true);
              }}
            >
              {t('contest')}
            </Button>
            {contest && (
              <>
                <Button size="xs" variant="default" onClick={() => onSelect(code)}>
                  {t('addEvidence')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={busy}
                  onClick={() => run(() => withdrawContest(assessmentId, code), t('withdrawn', { code }))}
                >
                  {t('withdraw')}
                </Button>
              </>
            )}
          </Group>
        )}
        {canContest && !contest && !editing && (
          <Text size="xs" c="dimmed">
            {t('evidenceHint')}
          </Text>
        )}
        {!editing && error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
