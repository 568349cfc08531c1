import { AppShell, Burger, Button, Group, Menu, NavLink, SegmentedControl, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, NavLink as RouterNavLink, useNavigate } from 'react-router';
import { setApiLanguage } from '../api/client';
import { holds, useCurrentUser, useSignOut } from '../api/session';
import { PasswordChangeGuard } from '../features/auth/password-change-guard';
import { PASSWORD_CHANGE_PATH } from '../features/auth/paths';
import { NotificationBell } from '../features/notifications/notification-bell';
import { useLocale, useMessages } from '../i18n/locale';
import { appMessages } from './messages';
import { PageLoader } from './page-states';

/** The frame of every page: header with the role's sections, language switch, sign-in state. */
export function ApplicationShell() {
  const t = useMessages(appMessages);
  const { locale, setLocale } = useLocale();
  const { data: user } = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  setApiLanguage(locale);

  // A temporary password opens nothing but its own change (PasswordChangeGuard): no sections to offer.
  const sections = [
    { to: '/', label: t('results'), show: true },
    { to: '/ke-hoach-cong-khai', label: t('publicPlans'), show: true },
    { to: '/don-vi', label: t('workspace'), show: holds(user, 'assessment.answer') },
    { to: '/tham-dinh', label: t('appraisal'), show: holds(user, 'appraisal.readCouncilNotes') },
    { to: '/ke-hoach', label: t('plans'), show: holds(user, 'plan.manage') },
    { to: '/ke-hoach/nhiem-vu', label: t('planTasks'), show: holds(user, 'plan.task.read') && !holds(user, 'plan.manage') },
    { to: '/quan-tri', label: t('administration'), show: holds(user, 'period.manage') },
  ].filter((section) => section.show && !user?.mustChangePassword);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('menu')} />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Title order={1} size="h4">
                OpenDTI <VisuallyHidden>—</VisuallyHidden>
                <Text span c="dimmed" size="sm" visibleFrom="sm">
                  {t('appName')}
                </Text>
              </Title>
            </Link>
          </Group>
          <Group gap="xs" visibleFrom="md" component="nav" aria-label="main">
            {sections.map((section) => (
              <Button key={section.to} component={RouterNavLink} to={section.to} end={section.to === '/'} variant="subtle">
                {section.label}
              </Button>
            ))}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('language')}
              value={locale}
              onChange={(value) => setLocale(value === 'en' ? 'en' : 'vi')}
              data={[
                { value: 'vi', label: 'VI' },
                { value: 'en', label: 'EN' },
              ]}
            />
            {user && !user.mustChangePassword && <NotificationBell />}
            {user && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button
                    variant="subtle"
                    size="xs"
                    visibleFrom="sm"
                    maw={220}
                    title={user.displayName}
                    styles={{ inner: { minWidth: 0 }, label: { minWidth: 0 } }}
                    data-testid="account-name"
                  >
                    <VisuallyHidden>{t('account')}: </VisuallyHidden>
                    {/* Its own box, cut with an ellipsis: Mantine's label has line-height 1, and cut there (and
                        scrolled by the browser) it lost the stacked marks of "Cán bộ nhập liệu". */}
                    <span
                      style={{
                        display: 'block',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                        lineHeight: 1.6,
                      }}
                    >
                      {user.displayName}
                    </span>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{user.username}</Menu.Label>
                  <Menu.Item component={Link} to={PASSWORD_CHANGE_PATH}>
                    {t('changePassword')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
            {user ? (
              <Button
                variant="default"
                size="xs"
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/') })}
                title={user.displayName}
              >
                {t('signOut')}
              </Button>
            ) : (
              <Button component={Link} to="/dang-nhap" size="xs">
                {t('signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="main">
        {sections.map((section) => (
          <NavLink key={section.to} component={RouterNavLink} to={section.to} label={section.label} onClick={close} />
        ))}
        {user && <NavLink component={RouterNavLink} to={PASSWORD_CHANGE_PATH} label={t('changePassword')} onClick={close} />}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <PasswordChangeGuard>
            <Outlet />
          </PasswordChangeGuard>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
