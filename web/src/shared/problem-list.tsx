import { Alert, Badge, Code, Group, List, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useMessages } from '../i18n/locale';
import { formMessages } from './form-messages';

/**
 * The server's refusal, every problem on its own line with what it is about (the framework code or
 * the row of the file) and its problem code, so an author can find and fix each one.
 */
export function ProblemList({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  const t = useMessages(formMessages);
  const problems = problemsOf(error);
  if (problems.length === 0) return null;
  return (
    <Alert
      color="red"
      role="alert"
      title={
        problems.length > 1
          ? `${title ?? t('serverRefused')} — ${t('problemCount', { count: problems.length })}`
          : (title ?? t('serverRefused'))
      }
      withCloseButton={Boolean(onClose)}
      closeButtonLabel={t('close')}
      onClose={onClose}
    >
      <List spacing={6} size="sm">
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity; the list is replaced whole
          <List.Item key={index}>
            <Group gap={6} wrap="wrap" align="baseline">
              {problem.location?.code && (
                <Badge variant="filled" color="red" radius="sm" title={t('problemAbout')}>
                  {problem.location.code}
                </Badge>
              )}
              {problem.location?.row !== undefined && (
                <Badge variant="outline" color="red" radius="sm">
                  {t('rowNumber', { row: problem.location.row })}
                </Badge>
              )}
              <Text span size="sm">
                {problem.message}
              </Text>
              <Code c="dimmed" fz="xs">
                {problem.code}
              </Code>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A server problem as the error body carries it: its code, its message, and where it is (row, framework code). */
export interface ServerProblem {
  code: string;
  message: string;
  location?: { file?: string; row?: number; column?: string; code?: string; path?: string };
}

/**
 * Every problem of a refused request: the `problems` list when the server sent several, else the
 * single problem in the message.
 */
export function problemsOf(error: unknown): ServerProblem[] {
  if (!(error instanceof ApiError)) return error instanceof Error ? [{ code: 'error', message: error.message }] : [];
  if (error.problems.length > 0) return error.problems as ServerProblem[];
  return [{ code: error.code, message: error.message }];
}
