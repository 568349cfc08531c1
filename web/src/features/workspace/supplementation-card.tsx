import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, formatDateTime } from '../../shared/format';
import { workspaceMessages } from './messages';
import { respondToSupplementation, type SupplementationRequest, workspaceKeys } from './workspace-api';

/**
 * One request of the council (bổ sung, giải trình): its comment and due date, overdue in red, and
 * the unit's answer — typed here while the request is open.
 */
export function SupplementationCard({
  assessmentId,
  request,
  canRespond,
}: {
  assessmentId: string;
  request: SupplementationRequest;
  canRespond: boolean;
}) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [response, setResponse] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = request.status === 'open';

  const send = async () => {
    if (!response.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await respondToSupplementation(assessmentId, request.id, response.trim());
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.view(assessmentId), exact: true });
      setResponse('');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      color={request.overdue ? 'red' : open ? 'orange' : 'gray'}
      variant="light"
      title={
        <Group gap="xs" wrap="wrap">
          <span>{t('supplement.requestTitle')}</span>
          <Badge
            color={request.overdue ? 'red' : 'gray'}
            variant={request.overdue ? 'filled' : 'light'}
            style={{ textTransform: 'none' }}
          >
            {request.overdue
              ? t('supplement.overdue', { date: formatDate(request.dueOn, locale) })
              : t('supplement.due', { date: formatDate(request.dueOn, locale) })}
          </Badge>
          {!open && (
            <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
              {request.answeredLate ? t('supplement.answeredLate') : t('supplement.answered')}
            </Badge>
          )}
        </Group>
      }
    >
      <Stack gap="xs">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {request.comment}
        </Text>
        {request.response && (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t('supplement.yourResponse', { at: formatDateTime(request.respondedAt, locale) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {request.response}
            </Text>
          </Stack>
        )}
        {open && canRespond && (
          <Stack gap="xs">
            <Textarea
              label={t('supplement.responseLabel')}
              description={t('supplement.responseHint')}
              autosize
              minRows={3}
              value={response}
              onChange={(event) => setResponse(event.currentTarget.value)}
            />
            {error && (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button size="xs" color="orange" loading={busy} disabled={!response.trim()} onClick={send}>
                {t('supplement.send')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}
