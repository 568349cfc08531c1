import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { DateField } from '../../shared/date-field';
import { UNIT_KINDS } from '../../shared/labels';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import type { UnitRecord } from './admin-records';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { unitFormFrom, unitPayload, validateUnitForm } from './unit-form';
import { useCreateUnit, useUpdateUnit } from './unit-queries';
import { buildUnitTree, flattenUnitTree, selfAndDescendants } from './unit-tree';

/** Adding a unit (optionally under a given parent) or editing one. */
export function UnitFormModal({
  unit,
  parentId,
  units,
  onClose,
}: {
  /** The unit to edit; undefined to add one. */
  unit: UnitRecord | undefined;
  parentId?: string | null;
  units: readonly UnitRecord[];
  onClose: () => void;
}) {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const [form, setForm] = useState(() => unitFormFrom(unit, parentId ?? null));
  const [touched, setTouched] = useState(false);
  const otherCodes = useMemo(() => units.filter((other) => other.id !== unit?.id).map((other) => other.code), [units, unit]);
  const errors = validateUnitForm(form, otherCodes);
  const shown = (field: keyof typeof errors) => {
    const key = errors[field];
    return key && (touched || (field === 'code' && key !== 'errorRequired')) ? t(key) : undefined;
  };

  // A unit cannot sit under itself or under one of its own descendants.
  const parentOptions = useMemo(() => {
    const excluded = unit ? selfAndDescendants(units, unit.id) : new Set<string>();
    return flattenUnitTree(buildUnitTree(units))
      .filter((node) => !excluded.has(node.unit.id))
      .map((node) => ({
        value: node.unit.id,
        label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.unit.name} (${node.unit.code})`,
      }));
  }, [units, unit]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    const payload = unitPayload(form);
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        message: unit ? t('unitSaved', { name: payload.name }) : t('unitCreated', { name: payload.name }),
      });
      onClose();
    };
    if (unit) update.mutate({ id: unit.id, ...payload }, { onSuccess });
    else create.mutate(payload, { onSuccess });
  };

  return (
    <Modal opened onClose={onClose} title={unit ? t('editUnitTitle', { name: unit.name }) : t('addUnitTitle')} size="lg">
      <Stack renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('unitCode')}
            description={t('unitCodeHelp')}
            value={form.code}
            onChange={(event) => setForm({ ...form, code: event.currentTarget.value })}
            error={shown('code')}
            required
          />
          <Select
            label={t('unitKind')}
            data={UNIT_KINDS.map((value) => ({ value, label: labels.unitKind(value) }))}
            value={form.kind || null}
            onChange={(kind) => setForm({ ...form, kind: kind ?? '' })}
            error={shown('kind')}
            required
          />
        </SimpleGrid>
        <TextInput
          label={t('unitName')}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
          error={shown('name')}
          required
        />
        <Select
          label={t('parentUnit')}
          description={t('parentUnitHelp')}
          placeholder={t('noParent')}
          data={parentOptions}
          value={form.parentId}
          onChange={(parent) => setForm({ ...form, parentId: parent })}
          searchable
          filter={vietnameseOptionsFilter}
          clearable
          nothingFoundMessage={t('nothingFound')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('activeFrom')}
            description={t('activeFromHelp')}
            value={form.activeFrom}
            onChange={(activeFrom) => setForm({ ...form, activeFrom })}
            error={shown('activeFrom')}
          />
          <DateField
            label={t('activeTo')}
            description={t('activeToHelp')}
            value={form.activeTo}
            onChange={(activeTo) => setForm({ ...form, activeTo })}
            error={shown('activeTo')}
          />
        </SimpleGrid>
        {mutation.error && <ProblemList error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {unit ? t('save') : t('addUnit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
