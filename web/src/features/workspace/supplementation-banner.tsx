import { Alert, Anchor, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { workspaceMessages } from './messages';
import { type ActionVerdict, type SupplementationRequest, transitionAssessment, workspaceKeys } from './workspace-api';

interface Props {
  assessmentId: string;
  requests: SupplementationRequest[];
  /** The server's verdict on sending the supplementation back (the leader's, once every request is answered). */
  sendBack: ActionVerdict;
  nameOf: (code: string) => string;
  onSelect: (code: string) => void;
}

/**
 * The council asked for supplementation (bổ sung, giải trình): what, by when (overdue in red), with a
 * link to each indicator; the leader sends the supplementation back once every request is answered.
 */
export function SupplementationBanner({ assessmentId, requests, sendBack, nameOf, onSelect }: Props) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = requests.filter((request) => request.status === 'open');
  const overdue = open.some((request) => request.overdue);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await transitionAssessment(assessmentId, 'submitSupplementation');
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.view(assessmentId), exact: true });
      notifications.show({ color: 'green', message: t('supplement.sent') });
      setConfirming(false);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert color={overdue ? 'red' : 'orange'} variant="light" title={t('supplement.bannerTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('supplement.bannerBody', { open: open.length, total: requests.length })}</Text>
        <List size="sm" spacing={4}>
          {requests.map((request) => (
            <List.Item key={request.id}>
              <Group gap={6} wrap="wrap">
                <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onSelect(request.indicatorCode)}>
                  {request.indicatorCode}. {nameOf(request.indicatorCode)}
                </Anchor>
                <Badge
                  size="sm"
                  color={request.status !== 'open' ? 'green' : request.overdue ? 'red' : 'gray'}
                  variant={request.overdue && request.status === 'open' ? 'filled' : 'light'}
                  style={{ textTransform: 'none' }}
                >
                  {request.status !== 'open'
                    ? t('supplement.answered')
                    : request.overdue
                      ? t('supplement.overdue', { date: formatDate(request.dueOn, locale) })
                      : t('supplement.due', { date: formatDate(request.dueOn, locale) })}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
        {/* The server says whether this user sends it back now; unanswered requests only wait. */}
        {sendBack.allowed || sendBack.reason === 'unanswered-requests' ? (
          <Group gap="sm">
            <Button color="orange" disabled={!sendBack.allowed} onClick={() => setConfirming(true)}>
              {t('supplement.submit')}
            </Button>
            {!sendBack.allowed && (
              <Text size="sm" c="dimmed">
                {t('supplement.answerAllFirst', { count: open.length })}
              </Text>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('supplement.leaderOnly')}
          </Text>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('supplement.submit')}>
        <Stack>
          <Text>{t('supplement.confirmBody')}</Text>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button color="orange" loading={busy} onClick={send} data-autofocus>
              {t('supplement.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
