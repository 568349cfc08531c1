import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import { planMessages } from './messages';

/**
 * The manager's plan pages are for those holding `plan.manage` (the provincial office): a visitor is
 * asked to sign in, anyone else is told plainly the pages are not theirs. The server decides anyway.
 */
export function ManagerGate({ children }: { children: ReactNode }) {
  const t = useMessages(planMessages);
  const { data: user, isPending, error } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorNotice error={error} />;
  if (!user) {
    return (
      <Stack maw={560} mx="auto" mt="xl">
        <Title order={2}>{t('plansTitle')}</Title>
        <Alert color="blue" title={t('signInRequiredTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('signInRequired')}</Text>
            <Button component={Link} to="/dang-nhap" size="xs">
              {t('signIn')}
            </Button>
          </Stack>
        </Alert>
      </Stack>
    );
  }
  if (!holds(user, 'plan.manage')) {
    return (
      <Stack maw={640} mx="auto" mt="xl">
        <Alert color="orange" title={t('noAccessTitle')} role="alert">
          {t('noAccess')}
        </Alert>
      </Stack>
    );
  }
  return <>{children}</>;
}
