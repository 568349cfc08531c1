import { Alert, Badge, Button, Checkbox, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/session';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/page-header';
import { notificationMessages } from './messages';
import { type NotificationItem, useMarkAllRead, useMarkRead, useNotifications } from './notification-queries';
import { PREFERENCES_PATH } from './routes';

const PAGE_SIZE = 20;

const EMAIL_STATUS_KEYS = {
  sent: 'emailSent',
  off: 'emailOff',
  'no-address': 'emailNoAddress',
  failed: 'emailFailed',
} as const;

/** The signed-in user's notifications, newest first: read them, open the thing, mark them read. */
export default function NotificationsPage() {
  const t = useMessages(notificationMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const unreadOnly = params.get('chua-doc') === '1';
  const list = useNotifications(page, PAGE_SIZE, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  if (!user) return <Alert color="yellow">{t('loadError')}</Alert>;
  const data = list.data;
  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(name);
    else next.set(name, value);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };
  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link) navigate(item.link);
  };
  const emailNote = (item: NotificationItem) => {
    const key = EMAIL_STATUS_KEYS[item.emailStatus as keyof typeof EMAIL_STATUS_KEYS] ?? 'emailWaiting';
    return t(key);
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description')} />
      <Group justify="space-between">
        <Checkbox
          label={t('unreadOnly')}
          checked={unreadOnly}
          onChange={(event) => setParam('chua-doc', event.currentTarget.checked ? '1' : undefined)}
        />
        <Group gap="xs">
          <Button component={Link} to={PREFERENCES_PATH} variant="subtle" size="sm">
            {t('preferences')}
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => markAll.mutate()}
            disabled={!data || data.unread === 0}
            loading={markAll.isPending}
          >
            {t('markAllRead')}
          </Button>
        </Group>
      </Group>
      {list.isError && <Alert color="red">{t('loadError')}</Alert>}
      {data && data.items.length === 0 && <Text c="dimmed">{unreadOnly ? t('emptyUnread') : t('empty')}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('title')}>
        {data?.items.map((item) => {
          const text = item[locale];
          return (
            <Paper
              component="li"
              key={item.id}
              withBorder
              p="sm"
              radius="sm"
              bg={item.readAt ? undefined : 'var(--mantine-color-blue-light)'}
            >
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Title order={3} size="h5">
                    {text.title}
                  </Title>
                  <Badge variant={item.readAt ? 'outline' : 'filled'} color={item.readAt ? 'gray' : 'blue'}>
                    {item.readAt ? t('read') : t('unread')}
                  </Badge>
                </Group>
                <Text size="sm">{text.body}</Text>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text size="xs" c="dimmed">
                    {formatDateTime(item.createdAt, locale)} · {emailNote(item)}
                  </Text>
                  <Group gap="xs">
                    {!item.readAt && (
                      <Button size="xs" variant="subtle" onClick={() => markRead.mutate(item.id)}>
                        {t('markRead')}
                      </Button>
                    )}
                    {item.link && (
                      <Button size="xs" variant="light" onClick={() => open(item)} aria-label={`${t('open')}: ${text.title}`}>
                        {t('open')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {data && data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(data.total / PAGE_SIZE)}
          value={page}
          onChange={(value) => setParam('page', String(value))}
          getControlProps={(control) => ({ 'aria-label': t(`page_${control}`) })}
        />
      )}
    </Stack>
  );
}
