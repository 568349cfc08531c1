import { Menu } from '@mantine/core';
import { Link } from 'react-router';
import { PASSWORD_CHANGE_PATH } from '../features/auth/paths';
import { useMessages } from '../i18n/locale';
import { AccountButton } from './account-button';
import { appMessages } from './messages';

/**
 * The signed-in user's menu in the header (name → change password). Loaded only once someone is
 * signed in: Mantine's Menu brings its popover positioning, which the public portal's first view,
 * read mostly by visitors who never sign in, should not download.
 */
export default function AccountMenu({ username, displayName }: { username: string; displayName: string }) {
  const t = useMessages(appMessages);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <AccountButton displayName={displayName} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{username}</Menu.Label>
        <Menu.Item component={Link} to={PASSWORD_CHANGE_PATH}>
          {t('changePassword')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
