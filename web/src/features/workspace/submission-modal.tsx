import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, formatNumber, formatPoints } from '../../shared/format';
import { type AnswerItem, localName } from './framework-items';
import { workspaceMessages } from './messages';
import type { Checklist } from './submission-checklist';
import { type AssessmentView, transitionAssessment, workspaceKeys } from './workspace-api';

interface Props {
  opened: boolean;
  onClose: () => void;
  assessmentId: string;
  unitName: string;
  deadline: string;
  deadlinePassed: boolean;
  checklist: Checklist;
  items: Map<string, AnswerItem>;
  /** Only the unit leader signs the submission (seed 001; core's workflow says the same). */
  isLeader: boolean;
  canSubmit: boolean;
  onSelect: (code: string) => void;
  /** The self total the server's engine gives the stored answers (refreshed when the modal opens). */
  selfTotal: AssessmentView['selfTotal'];
  /** Decimals at which the framework publishes its index. */
  precision: number;
}

/** Before submitting: what is missing, each with a link to it; then the leader submits, after confirming. */
export function SubmissionModal(props: Props) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { checklist } = props;
  const narrow = useMediaQuery('(max-width: 36em)');
  const nameOf = (code: string) => {
    const item = props.items.get(code);
    return item ? localName(item, locale) : '';
  };

  const close = () => {
    setConfirming(false);
    setError(null);
    props.onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await transitionAssessment(props.assessmentId, 'submit');
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.view(props.assessmentId), exact: true });
      await queryClient.invalidateQueries({ queryKey: ['workspace', 'period'] });
      notifications.show({ color: 'green', message: t('submit.done', { unit: props.unitName }) });
      close();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const section = (title: string, codes: string[], color: string) =>
    codes.length > 0 && (
      <Stack gap={4}>
        <Text fw={600} c={color}>
          {title} ({codes.length})
        </Text>
        <List size="sm" spacing={2} style={{ maxHeight: 180, overflowY: 'auto' }}>
          {codes.map((code) => (
            <List.Item key={code}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="left"
                onClick={() => {
                  close();
                  props.onSelect(code);
                }}
              >
                {code}. {nameOf(code)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    );

  const complete = checklist.unanswered.length === 0 && checklist.withoutEvidence.length === 0 && !checklist.blocking;
  return (
    <Modal opened={props.opened} onClose={close} title={t('submit.title')} size="lg" fullScreen={narrow}>
      {confirming ? (
        <Stack>
          <Text>{t('submit.confirmBody', { unit: props.unitName })}</Text>
          <SelfTotalLine total={props.selfTotal} precision={props.precision} />
          {(checklist.unanswered.length > 0 || checklist.withoutEvidence.length > 0) && (
            <Alert color="yellow" variant="light">
              {t('submit.confirmGaps', { unanswered: checklist.unanswered.length, noEvidence: checklist.withoutEvidence.length })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button color="teal" loading={busy} onClick={submit} data-autofocus>
              {t('submit.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            {t('submit.deadline', { date: formatDate(props.deadline, locale) })}
            {props.deadlinePassed && (
              <Text span c="red" fw={600}>
                {' '}
                {t('submit.deadlinePassed')}
              </Text>
            )}
          </Text>
          <SelfTotalLine total={props.selfTotal} precision={props.precision} />
          {complete ? (
            <Alert color="green" variant="light">
              {t('submit.complete', { total: checklist.total })}
            </Alert>
          ) : (
            <Stack gap="sm">
              {section(t('check.unsaved'), checklist.unsaved, 'red')}
              {section(t('check.notAssessedWithoutReason'), checklist.notAssessedWithoutReason, 'red')}
              {section(t('check.unanswered'), checklist.unanswered, 'orange')}
              {section(t('check.withoutEvidence'), checklist.withoutEvidence, 'yellow')}
            </Stack>
          )}
          {checklist.blocking && (
            <Alert color="red" variant="light">
              {t('submit.blocked')}
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          {props.isLeader ? (
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('close')}
              </Button>
              <Button color="teal" disabled={checklist.blocking || !props.canSubmit} onClick={() => setConfirming(true)}>
                {t('submit.button')}
              </Button>
            </Group>
          ) : (
            <Alert color="blue" variant="light">
              {t('submit.leaderOnly')}
            </Alert>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** What the leader signs: the self points and index, as the engine scores the stored answers. */
function SelfTotalLine({ total, precision }: { total: AssessmentView['selfTotal']; precision: number }) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  if (total.points === null || total.maxPoints === null) return null;
  return (
    <Stack gap={2}>
      <Text fw={700} data-testid="self-total">
        {t('submit.total', {
          points: formatPoints(total.points, locale),
          max: formatPoints(total.maxPoints, locale),
          index: formatNumber(total.value, precision, locale),
        })}
      </Text>
      {total.cohortPending > 0 && (
        <Text size="sm" c="dimmed">
          {t('submit.totalCohort', { count: total.cohortPending })}
        </Text>
      )}
    </Stack>
  );
}
