import { Badge, Button, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../api/session';
import { useMessages } from '../../i18n/locale';
import { matchesSearch } from '../../shared/format';
import { labelledOptions, ROLES, type Role, SCOPED_ROLES } from '../../shared/labels';
import { ListFilters, ListPage } from '../../shared/list-page';
import { type ListColumn, ListTable } from '../../shared/list-table';
import { ProblemList } from '../../shared/problem-list';
import { AdministratorOnly } from './admin-layout';
import type { UserRecord } from './admin-records';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { TemporaryPassword } from './temporary-password';
import { useAllUnits } from './unit-queries';
import { generateTemporaryPassword } from './user-form';
import { UserFormModal } from './user-form-modal';
import { useResetPassword, useUpdateUser, useUsers } from './user-queries';

export default function UsersPage() {
  return (
    <AdministratorOnly capability="user.manage">
      <UsersList />
    </AdministratorOnly>
  );
}

/** Accounts and roles: who may do what, in which unit, and for appraisers which indicators. */
function UsersList() {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const { data: me } = useCurrentUser();
  const users = useUsers();
  const units = useAllUnits();
  const update = useUpdateUser();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ user?: UserRecord }>();
  const [resetting, setResetting] = useState<UserRecord>();
  const [disabling, setDisabling] = useState<UserRecord>();
  const unitName = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit.name])), [units.data]);

  const rows = useMemo(
    () =>
      (users.data ?? [])
        .filter((user) => !role || user.role === role)
        .filter(
          (user) =>
            !search.trim() ||
            matchesSearch(`${user.username} ${user.displayName} ${user.unitId ? (unitName.get(user.unitId) ?? '') : ''}`, search),
        ),
    [users.data, role, search, unitName],
  );

  const setDisabled = (user: UserRecord, disabled: boolean) =>
    update.mutate(
      { id: user.id, disabled },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: disabled ? t('userDisabled', { username: user.username }) : t('userEnabled', { username: user.username }),
          });
          setDisabling(undefined);
        },
      },
    );

  const status = (user: UserRecord) => {
    if (user.disabled) return <Badge color="gray">{t('statusDisabled')}</Badge>;
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Badge color="orange">{t('statusLocked')}</Badge>;
    if (user.mustChangePassword) return <Badge color="yellow">{t('statusMustChange')}</Badge>;
    return <Badge color="green">{t('statusActive')}</Badge>;
  };

  const columns: ListColumn<UserRecord>[] = [
    { header: t('username'), cell: (user) => user.username, cellProps: { ff: 'monospace' } },
    { header: t('displayName'), alone: true, cell: (user) => user.displayName },
    { header: t('role'), cell: (user) => labels.role(user.role) },
    {
      header: t('userUnitOrScope'),
      cell: (user) =>
        user.unitId ? (
          (unitName.get(user.unitId) ?? '…')
        ) : SCOPED_ROLES.includes(user.role as Role) ? (
          <Text size="sm" c="dimmed">
            {user.assignedScopes.length > 0 ? t('scopeList', { codes: user.assignedScopes.join(', ') }) : t('allIndicators')}
          </Text>
        ) : (
          '–'
        ),
    },
    { header: t('status'), cell: status },
    {
      header: t('actions'),
      hiddenHeader: true,
      cell: (user) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="subtle" aria-label={t('actionsFor', { username: user.username })}>
              {t('actions')} ▾
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setEditing({ user })}>{t('edit')}</Menu.Item>
            <Menu.Item onClick={() => setResetting(user)}>{t('resetPassword')}</Menu.Item>
            {user.disabled ? (
              <Menu.Item onClick={() => setDisabled(user, false)}>{t('enableUser')}</Menu.Item>
            ) : (
              <Menu.Item color="red" disabled={user.id === me?.id} onClick={() => setDisabling(user)}>
                {user.id === me?.id ? t('cannotDisableSelf') : t('disableUser')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <ListPage
      title={t('usersTitle')}
      description={t('usersIntro')}
      actions={
        <Group mt="xs">
          <Button onClick={() => setEditing({})}>{t('addUser')}</Button>
        </Group>
      }
      notices={update.error && !disabling && <ProblemList error={update.error} onClose={() => update.reset()} />}
      filters={
        <ListFilters>
          <TextInput
            label={t('search')}
            placeholder={t('userSearchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={320}
          />
          <Select
            label={t('role')}
            placeholder={t('allRoles')}
            data={labelledOptions(ROLES, labels.role)}
            value={role}
            onChange={setRole}
            clearable
            w={280}
          />
        </ListFilters>
      }
      query={users}
      render={() => (
        <ListTable
          rows={rows}
          columns={columns}
          rowKey={(user) => user.id}
          minWidth={900}
          empty={t('nothingFound')}
          rowProps={(user) => ({ c: user.disabled ? 'dimmed' : undefined })}
        />
      )}
    >
      {editing && <UserFormModal user={editing.user} units={units.data ?? []} onClose={() => setEditing(undefined)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />}
      {disabling && (
        <Modal opened onClose={() => setDisabling(undefined)} title={t('disableUserTitle', { username: disabling.username })}>
          <Stack>
            <Text size="sm">{t('disableUserExplain')}</Text>
            {update.error && <ProblemList error={update.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDisabling(undefined)}>
                {t('cancel')}
              </Button>
              <Button color="red" loading={update.isPending} onClick={() => setDisabled(disabling, true)}>
                {t('disableUser')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </ListPage>
  );
}

/** Resetting a password: a new temporary one, shown once; the user's sessions end at once. */
function ResetPasswordModal({ user, onClose }: { user: UserRecord; onClose: () => void }) {
  const t = useMessages(adminMessages);
  const reset = useResetPassword();
  const [password, setPassword] = useState<string>();
  const confirm = () => {
    const temporaryPassword = generateTemporaryPassword();
    reset.mutate({ id: user.id, temporaryPassword }, { onSuccess: () => setPassword(temporaryPassword) });
  };
  return (
    <Modal opened onClose={onClose} title={t('resetPasswordTitle', { username: user.username })} size="lg">
      <Stack>
        {password ? (
          <TemporaryPassword username={user.username} password={password} />
        ) : (
          <Text size="sm">{t('resetPasswordExplain', { name: user.displayName })}</Text>
        )}
        {reset.error && <ProblemList error={reset.error} />}
        <Group justify="flex-end">
          {password ? (
            <Button onClick={onClose}>{t('done')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('cancel')}
              </Button>
              <Button color="orange" loading={reset.isPending} onClick={confirm}>
                {t('resetPassword')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
