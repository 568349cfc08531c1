import { Alert, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type CurrentUser, holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import { workspaceMessages } from './messages';

/** The unit workspace is for a unit's reporters and leader; others are told where to go. */
export function UnitGuard({ children }: { children: (user: CurrentUser) => ReactNode }) {
  const t = useMessages(workspaceMessages);
  const { data: user, isPending, error } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorNotice error={error} />;
  if (!user) {
    return (
      <Stack maw={520} mx="auto" mt="xl">
        <Alert color="blue" title={t('guard.signInTitle')}>
          {t('guard.signIn')}
        </Alert>
        <Button component={Link} to="/dang-nhap" style={{ alignSelf: 'flex-start' }}>
          {t('guard.signInButton')}
        </Button>
      </Stack>
    );
  }
  if (!holds(user, 'assessment.answer') || !user.unitId) {
    return (
      <Alert color="yellow" maw={620} mx="auto" mt="xl" title={t('guard.notUnitTitle')}>
        {t('guard.notUnit')}
      </Alert>
    );
  }
  return <>{children(user)}</>;
}
