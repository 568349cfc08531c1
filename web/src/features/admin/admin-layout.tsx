import { Alert, Button, Stack, Tabs, Text, Title } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { MANAGER_ROLES, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import type { Role } from './admin-records';
import { adminMessages } from './messages';

const SECTIONS: {
  path: string;
  key: 'navFrameworks' | 'navUnits' | 'navMaps' | 'navUsers' | 'navPeriods' | 'navAudit';
  roles: Role[];
}[] = [
  { path: 'ky-danh-gia', key: 'navPeriods', roles: ['administrator', 'periodManager'] },
  { path: 'bo-chi-so', key: 'navFrameworks', roles: ['administrator', 'periodManager'] },
  { path: 'don-vi', key: 'navUnits', roles: ['administrator', 'periodManager'] },
  { path: 'ban-do', key: 'navMaps', roles: ['administrator', 'periodManager'] },
  { path: 'nguoi-dung', key: 'navUsers', roles: ['administrator'] },
  { path: 'nhat-ky', key: 'navAudit', roles: ['administrator'] },
];

/**
 * The frame of the administration pages, for the administrator and the period manager. Anyone else
 * signed in is told plainly that the section is not theirs; a visitor is asked to sign in.
 */
export default function AdminLayout() {
  const t = useMessages(adminMessages);
  const { data: user, isPending, error } = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorNotice error={error} />;
  if (!user) {
    return (
      <Stack maw={560} mx="auto" mt="xl">
        <Title order={2}>{t('adminTitle')}</Title>
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
  if (!MANAGER_ROLES.includes(user.role)) return <NoAccess />;

  const sections = SECTIONS.filter((section) => section.roles.includes(user.role));
  const current = location.pathname.split('/')[2] ?? '';
  return (
    <Stack gap="md">
      <Tabs
        value={sections.some((section) => section.path === current) ? current : null}
        onChange={(value) => value && navigate(`/quan-tri/${value}`)}
      >
        <Tabs.List aria-label={t('adminTitle')}>
          {sections.map((section) => (
            <Tabs.Tab key={section.path} value={section.path}>
              {t(section.key)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}

export function NoAccess({ onlyAdministrator = false }: { onlyAdministrator?: boolean }) {
  const t = useMessages(adminMessages);
  return (
    <Stack maw={640} mx="auto" mt="xl">
      <Alert color="orange" title={t('noAccessTitle')} role="alert">
        {onlyAdministrator ? t('noAccessAdministratorOnly') : t('noAccess')}
      </Alert>
    </Stack>
  );
}

/** A part of the administration only the administrator may use (accounts, the whole audit log). */
export function AdministratorOnly({ children }: { children: ReactNode }) {
  const { data: user } = useCurrentUser();
  if (user?.role !== 'administrator') return <NoAccess onlyAdministrator />;
  return <>{children}</>;
}
