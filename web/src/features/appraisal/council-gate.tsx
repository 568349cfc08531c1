import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { PageLoader } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import { appraisalMessages } from './messages';

/**
 * Asks a visitor to sign in and tells a unit's staff that these pages are the council's, instead of
 * showing a 401/403. Who may open them: whoever holds `appraisal.readCouncilNotes` (the council
 * decides, managers follow), as `/auth/me` says.
 */
export function CouncilGate({ children }: { children: ReactNode }) {
  const t = useMessages(appraisalMessages);
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (!user) {
    return (
      <Alert color="blue" title={t('signInRequired')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('signInBody')}</Text>
          <Button component={Link} to="/dang-nhap" size="xs">
            {t('signIn')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!holds(user, 'appraisal.readCouncilNotes')) return <Alert color="gray">{t('councilOnly')}</Alert>;
  return children;
}
