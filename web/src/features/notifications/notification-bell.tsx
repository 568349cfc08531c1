import { ActionIcon, Indicator } from '@mantine/core';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { notificationMessages } from './messages';
import { useUnreadCount } from './notification-queries';
import { NOTIFICATIONS_PATH } from './routes';

/** The header's bell: the unread count, polled, and the way to the list. */
export function NotificationBell() {
  const t = useMessages(notificationMessages);
  const unread = useUnreadCount(true).data ?? 0;
  const label = unread > 0 ? t('bellWithCount', { count: unread }) : t('bell');
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
      <ActionIcon
        component={Link}
        to={NOTIFICATIONS_PATH}
        variant="subtle"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
