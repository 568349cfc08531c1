import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import { DateField } from '../../shared/date-field';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import type { UnitRecord } from './admin-records';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { validateMerge } from './unit-form';
import { useReplaceUnits } from './unit-queries';

/**
 * A reorganisation: several old units replaced by one (2025: districts abolished, communes merged).
 * The old units end on the given day and point to the new one, so their results can be followed
 * into it year after year. The new unit is created first (Thêm đơn vị or the CSV import).
 */
export function MergeUnitsModal({ units, onClose }: { units: readonly UnitRecord[]; onClose: () => void }) {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const replace = useReplaceUnits();
  const [replacedIds, setReplacedIds] = useState<string[]>([]);
  const [replacementId, setReplacementId] = useState<string | null>(null);
  const [on, setOn] = useState('');
  const [touched, setTouched] = useState(false);
  const errors = validateMerge({ replacedIds, replacementId, on });
  const options = useMemo(
    () =>
      [...units]
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((unit) => ({
          value: unit.id,
          label: `${unit.name} (${unit.code}) — ${labels.unitKind(unit.kind)}${unit.replacedById ? ` · ${t('alreadyReplaced')}` : ''}`,
        })),
    [units, labels, t],
  );
  const byId = new Map(units.map((unit) => [unit.id, unit]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0 || !replacementId) return;
    replace.mutate(
      { replacedIds, replacementId, on: parseVietnameseDate(on) as string },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('mergedUnits', { count: replacedIds.length, name: byId.get(replacementId)?.name ?? '' }),
          });
          onClose();
        },
      },
    );
  };
  const error = (field: keyof typeof errors) => (touched && errors[field] ? t(errors[field] as 'errorRequired') : undefined);
  const day = parseVietnameseDate(on);

  return (
    <Modal opened onClose={onClose} title={t('mergeTitle')} size="lg">
      <Stack renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        <Text size="sm">{t('mergeIntro')}</Text>
        <MultiSelect
          label={t('mergeOldUnits')}
          data={options}
          value={replacedIds}
          onChange={setReplacedIds}
          searchable
          filter={vietnameseOptionsFilter}
          nothingFoundMessage={t('nothingFound')}
          error={error('replacedIds')}
          required
        />
        <Select
          label={t('mergeNewUnit')}
          description={t('mergeNewUnitHelp')}
          data={options.filter((option) => !replacedIds.includes(option.value))}
          value={replacementId}
          onChange={setReplacementId}
          searchable
          filter={vietnameseOptionsFilter}
          nothingFoundMessage={t('nothingFound')}
          error={error('replacementId')}
          required
        />
        <DateField
          label={t('mergeLastDay')}
          description={t('mergeLastDayHelp')}
          value={on}
          onChange={setOn}
          error={error('on')}
          required
        />
        {replacedIds.length > 0 && replacementId && day && (
          <Alert color="blue" title={t('mergeSummaryTitle')}>
            {t('mergeSummary', {
              old: replacedIds.map((id) => byId.get(id)?.name ?? id).join(', '),
              name: byId.get(replacementId)?.name ?? '',
              day: toVietnameseDate(day),
            })}
          </Alert>
        )}
        {replace.error && <ProblemList error={replace.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={replace.isPending}>
            {t('mergeSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
