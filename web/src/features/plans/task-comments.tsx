import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDateTime } from '../../shared/format';
import { progressMessages } from './progress-messages';
import { useAddComment, useTaskComments } from './progress-queries';

const MAX_LENGTH = 2000;

/**
 * Trao đổi: the comments on one task, oldest first, by the manager and the lead and coordinating
 * units, and a box to add one while the plan is issued.
 */
export function TaskComments({ planId, taskId, canComment }: { planId: string; taskId: string; canComment: boolean }) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const comments = useTaskComments(planId, taskId);
  const add = useAddComment(planId, taskId);
  const [text, setText] = useState('');
  const tooLong = text.length > MAX_LENGTH;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || tooLong) return;
    add.mutate(text.trim(), { onSuccess: () => setText('') });
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('comments.title', { count: comments.data?.length ?? 0 })}
      </Title>
      {comments.error && <ErrorNotice error={comments.error} />}
      {comments.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('comments.empty')}
        </Text>
      )}
      {comments.data?.map((comment) => (
        <Paper
          key={comment.id}
          withBorder
          p="xs"
          radius="sm"
          bg={comment.party === 'manager' ? 'var(--mantine-color-blue-0)' : undefined}
        >
          <Group gap="xs" wrap="wrap" mb={4}>
            <Text size="sm" fw={600}>
              {comment.unit?.name ?? comment.author?.displayName ?? t('role.manager')}
            </Text>
            <Badge size="xs" variant="outline" color="gray" tt="none">
              {t(
                comment.party === 'manager'
                  ? 'role.manager'
                  : comment.party === 'leadUnit'
                    ? 'role.leadUnit'
                    : 'role.coordinatingUnit',
              )}
            </Badge>
            <Text size="xs" c="dimmed">
              {comment.author?.displayName ? `${comment.author.displayName} · ` : ''}
              {formatDateTime(comment.createdAt, locale)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {comment.text}
          </Text>
        </Paper>
      ))}
      {canComment ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t('comments.label')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              error={tooLong ? t('comments.tooLong', { count: text.length }) : undefined}
            />
            {add.error && (
              <Alert color="red" variant="light" role="alert" p="xs">
                {add.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={add.isPending} disabled={!text.trim() || tooLong}>
                {t('comments.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="xs" c="dimmed">
          {t('comments.closed')}
        </Text>
      )}
    </Stack>
  );
}
