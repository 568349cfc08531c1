import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { ROLES, SCOPED_ROLES, UNIT_ROLES } from '../../shared/labels';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import type { Role, UnitRecord, UserRecord } from './admin-records';
import { useFramework, useFrameworks } from './framework-queries';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { TemporaryPassword } from './temporary-password';
import { generateTemporaryPassword, scopeOptions, type UserFormState, userPayload, validateUserForm } from './user-form';
import { useCreateUser, useUpdateUser } from './user-queries';

/**
 * Creating or editing an account: its role, its unit for a unit's reporter and leader, and for an
 * appraiser the main indices or indicators assigned (none = all). A new account gets a temporary
 * password, shown once.
 */
export function UserFormModal({
  user,
  units,
  onClose,
}: {
  user: UserRecord | undefined;
  units: readonly UnitRecord[];
  onClose: () => void;
}) {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const frameworks = useFrameworks();
  const [scopeFramework, setScopeFramework] = useState<string | null>(null);
  const framework = useFramework(scopeFramework ?? undefined);
  const [form, setForm] = useState<UserFormState>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: (user?.role as Role | undefined) ?? '',
    unitId: user?.unitId ?? null,
    assignedScopes: user?.assignedScopes ?? [],
    email: user?.email ?? '',
  });
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<{ username: string; password: string }>();
  const errors = validateUserForm(form, user ? 'edit' : 'create');
  const error = (field: keyof typeof errors) => (touched && errors[field] ? t(errors[field]) : undefined);
  const isUnitRole = form.role !== '' && UNIT_ROLES.includes(form.role);

  const unitOptions = useMemo(
    () =>
      [...units]
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` })),
    [units],
  );
  // Codes already assigned stay selectable even before a framework is picked.
  const scopeData = useMemo(() => {
    const groups = framework.data ? scopeOptions(framework.data, t('wholeMainIndex')) : [];
    const known = new Set(groups.flatMap((group) => group.items.map((item) => item.value)));
    const kept = form.assignedScopes.filter((code) => !known.has(code)).map((code) => ({ value: code, label: code }));
    return kept.length > 0 ? [{ group: t('assignedAlready'), items: kept }, ...groups] : groups;
  }, [framework.data, form.assignedScopes, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    if (user) {
      update.mutate({ id: user.id, ...userPayload(form) }, { onSuccess: onClose });
      return;
    }
    const password = generateTemporaryPassword();
    const username = form.username.trim().toLowerCase();
    create.mutate({ username, password, ...userPayload(form) }, { onSuccess: () => setCreated({ username, password }) });
  };

  if (created) {
    return (
      <Modal opened onClose={onClose} title={t('userCreatedTitle')} size="lg">
        <Stack>
          <TemporaryPassword username={created.username} password={created.password} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('done')}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={user ? t('editUserTitle', { username: user.username }) : t('addUserTitle')} size="lg">
      <Stack renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        {!user && (
          <TextInput
            label={t('username')}
            description={t('usernameHelp')}
            value={form.username}
            onChange={(event) => setForm({ ...form, username: event.currentTarget.value })}
            error={error('username')}
            autoComplete="off"
            required
          />
        )}
        <TextInput
          label={t('displayName')}
          value={form.displayName}
          onChange={(event) => setForm({ ...form, displayName: event.currentTarget.value })}
          error={error('displayName')}
          required
        />
        <TextInput
          label={t('email')}
          description={t('emailHelp')}
          type="email"
          value={form.email}
          onChange={(event) => setForm({ ...form, email: event.currentTarget.value })}
          error={error('email')}
          autoComplete="off"
        />
        <Select
          label={t('role')}
          data={ROLES.map((value) => ({ value, label: labels.role(value) }))}
          value={form.role || null}
          onChange={(role) => setForm({ ...form, role: (role as Role | null) ?? '' })}
          error={error('role')}
          required
        />
        {isUnitRole && (
          <Select
            label={t('userUnit')}
            description={t('userUnitHelp')}
            data={unitOptions}
            value={form.unitId}
            onChange={(unitId) => setForm({ ...form, unitId })}
            searchable
            filter={vietnameseOptionsFilter}
            nothingFoundMessage={t('nothingFound')}
            error={error('unitId')}
            required
          />
        )}
        {form.role !== '' && SCOPED_ROLES.includes(form.role) && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('assignedScopes')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('assignedScopesHelp')}
            </Text>
            <Select
              aria-label={t('scopeFramework')}
              placeholder={t('scopeFramework')}
              data={(frameworks.data ?? []).map((item) => ({ value: item.id, label: `${item.name} (${item.year})` }))}
              value={scopeFramework}
              onChange={setScopeFramework}
              searchable
              filter={vietnameseOptionsFilter}
            />
            <MultiSelect
              aria-label={t('assignedScopes')}
              placeholder={form.assignedScopes.length === 0 ? t('allIndicators') : undefined}
              data={scopeData}
              value={form.assignedScopes}
              onChange={(assignedScopes) => setForm({ ...form, assignedScopes })}
              searchable
              filter={vietnameseOptionsFilter}
              clearable
              nothingFoundMessage={scopeFramework ? t('nothingFound') : t('pickFrameworkFirst')}
            />
          </Stack>
        )}
        {!user && (
          <Text size="xs" c="dimmed">
            {t('temporaryPasswordWillShow')}
          </Text>
        )}
        {mutation.error && <ProblemList error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {user ? t('save') : t('createUser')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
