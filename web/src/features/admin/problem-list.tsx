import { Alert, Badge, Code, Group, List, Text } from '@mantine/core';
import { useMessages } from '../../i18n/locale';
import { problemsOf } from './api-result';
import { adminMessages } from './messages';

/**
 * The server's refusal, every problem on its own line with what it is about (the framework code or
 * the row of the file) and its problem code, so an author can find and fix each one.
 */
export function ProblemList({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  const t = useMessages(adminMessages);
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
