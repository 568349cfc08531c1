import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMessages } from '../../i18n/locale';
import { adminMessages } from './messages';

/**
 * A temporary password, shown once: it is not stored anywhere the page could show it again, and the
 * user must replace it at the next sign-in.
 */
export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  const t = useMessages(adminMessages);
  return (
    <Alert color="yellow" title={t('temporaryPasswordTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('temporaryPasswordFor', { username })}</Text>
        <Group gap="xs">
          <Code fz="lg" px="sm" py={4} data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? t('copied') : t('copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('temporaryPasswordOnce')}
        </Text>
      </Stack>
    </Alert>
  );
}
