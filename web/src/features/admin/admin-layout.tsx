import { Alert, Button, Stack, Tabs, Text, Title } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { type Capability, holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import { adminMessages } from './messages';

const SECTIONS: {
  path: string;
  key: 'navFrameworks' | 'navUnits' | 'navMaps' | 'navUsers' | 'navPeriods' | 'navAudit' | 'navDocuments' | 'navJobs';
  /** Shown to a user whose role holds it (`/auth/me`, from core's policy). */
  capability: Capability;
}[] = [
  { path: 'ky-danh-gia', key: 'navPeriods', capability: 'period.manage' },
  { path: 'bo-chi-so', key: 'navFrameworks', capability: 'framework.manage' },
  { path: 'don-vi', key: 'navUnits', capability: 'unit.manage' },
  { path: 'ban-do', key: 'navMaps', capability: 'unitMap.read' },
  { path: 'nguoi-dung', key: 'navUsers', capability: 'user.manage' },
  { path: 'nhat-ky', key: 'navAudit', capability: 'audit.readAll' },
  { path: 'van-ban', key: 'navDocuments', capability: 'document.manage' },
  { path: 'tac-vu-nen', key: 'navJobs', capability: 'job.manage' },
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
  if (!holds(user, 'period.manage')) return <NoAccess />;

  const sections = SECTIONS.filter((section) => holds(user, section.capability));
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

/** A part of the administration only the administrator may use (accounts, the whole audit log): its capability decides. */
export function AdministratorOnly({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { data: user } = useCurrentUser();
  if (!holds(user, capability)) return <NoAccess onlyAdministrator />;
  return <>{children}</>;
}
