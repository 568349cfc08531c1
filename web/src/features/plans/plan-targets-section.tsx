import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useRef, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { DateField } from '../../shared/date-field';
import { formatDate, formatNumber, formatPercent, formatPoints, type Locale } from '../../shared/format';
import classes from '../../shared/list-table.module.css';
import { LocaleNumberInput } from '../../shared/locale-number-input';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ConfirmModal } from './confirm-modal';
import { planMessages } from './messages';
import { hasErrors } from './plan-form';
import type { IndicatorChoices } from './plan-options';
import { useReplaceTargets } from './plan-queries';
import type { PlanDetail, PlanTarget } from './plan-records';
import { RowEditorForm } from './row-editor-form';
import { WriteError } from './stale-notice';
import {
  emptyTargetForm,
  TARGET_UNITS,
  type TargetForm,
  targetBody,
  targetFormOf,
  targetsWith,
  validateTargetForm,
} from './target-form';
import { useFieldError } from './use-field-error';

/** A target's number as its unit reads: points 7,5; a value 0,2849; a percent 87,5%. */
export function formatTargetValue(value: number | null, unit: PlanTarget['unit'], locale: Locale): string {
  if (value === null) return '–';
  if (unit === 'value') return formatNumber(value, 4, locale);
  if (unit === 'percent') return formatPercent(value, locale);
  return formatPoints(value, locale);
}

/**
 * The plan's targets (chỉ tiêu, seed 004: "100 % … by 31/12/2023"): per indicator or main index, a
 * baseline from the results, a target and a due day. A row is edited in place; the list is saved
 * whole with the plan's version.
 */
export function PlanTargetsSection({
  plan,
  indicators,
  onReload,
}: {
  plan: PlanDetail;
  indicators: IndicatorChoices;
  onReload: () => void;
}) {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const replace = useReplaceTargets(plan.id);
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const editable = plan.status !== 'closed';
  const unitLabel = (unit: PlanTarget['unit']) => t(`targetUnit_${unit}`);

  const save = (index: number, form: TargetForm | null, onDone: () => void) =>
    replace.mutate(
      {
        targets: targetsWith(plan.targets, index, form === null ? null : targetBody(form, indicators.mainIndexCodes)),
        version: plan.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('targetsSaved') });
          onDone();
        },
      },
    );
  const close = () => {
    setEditing(null);
    replace.reset();
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const editor = (index: number, initial: TargetForm) => (
    <TargetEditor
      title={index >= plan.targets.length ? t('newTargetTitle') : t('editTargetTitle', { code: initial.code ?? '' })}
      initial={initial}
      plan={plan}
      options={indicators.targetOptions}
      unitLabel={unitLabel}
      saving={replace.isPending}
      error={replace.error}
      onSave={(form) => save(index, form, close)}
      onCancel={close}
      onReload={() => {
        close();
        onReload();
      }}
    />
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-targets-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={3} size="h4" id="plan-targets-title">
              {t('targetsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('targetsHelp')}
            </Text>
          </Stack>
          {editable && (
            <Button ref={addButton} variant="light" onClick={() => setEditing(plan.targets.length)} disabled={editing !== null}>
              {t('addTarget')}
            </Button>
          )}
        </Group>
        <Table.ScrollContainer minWidth={860} className={classes.container}>
          <Table striped verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('code')}</Table.Th>
                <Table.Th>{t('indicatorName')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('baseline')}
                </Table.Th>
                <Table.Th w={110} ta="right">
                  {t('target')}
                </Table.Th>
                <Table.Th w={110}>{t('targetUnit')}</Table.Th>
                <Table.Th w={120}>{t('dueOn')}</Table.Th>
                <Table.Th w={130}>
                  <VisuallyHidden>{t('actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.targets.map((target, index) =>
                editing === index ? (
                  <Table.Tr key={target.id}>
                    <Table.Td colSpan={7}>{editor(index, targetFormOf(target))}</Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={target.id}>
                    <Table.Td data-label={t('code')} ff="monospace" fw={600}>
                      {target.code}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{indicators.nameOf(target.code) ?? '–'}</Text>
                      {target.level === 'mainIndex' && (
                        <Text size="xs" c="dimmed">
                          {t('levelMainIndex')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td data-label={t('baseline')} ta="right">
                      {formatTargetValue(target.baseline, target.unit, locale)}
                    </Table.Td>
                    <Table.Td data-label={t('target')} ta="right" fw={600}>
                      {formatTargetValue(target.target, target.unit, locale)}
                    </Table.Td>
                    <Table.Td data-label={t('targetUnit')}>{unitLabel(target.unit)}</Table.Td>
                    <Table.Td data-label={t('dueOn')}>{formatDate(target.dueOn, locale)}</Table.Td>
                    <Table.Td>
                      {editable && (
                        <Group gap={4}>
                          <Button
                            size="compact-sm"
                            variant="light"
                            aria-label={t('editTargetCode', { code: target.code })}
                            onClick={() => {
                              replace.reset();
                              setEditing(index);
                            }}
                            disabled={editing !== null}
                          >
                            {t('edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('removeTargetCode', { code: target.code })}
                            onClick={() => setRemoving(index)}
                            disabled={editing !== null}
                          >
                            {t('remove')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
              {plan.targets.length === 0 && editing === null && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('noTargets')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {editing !== null && editing >= plan.targets.length && (
                <Table.Tr>
                  <Table.Td colSpan={7}>{editor(editing, emptyTargetForm(plan))}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {removing !== null && plan.targets[removing] && (
        <ConfirmModal
          title={t('removeTargetTitle', { code: plan.targets[removing].code })}
          confirmLabel={t('removeTargetConfirm')}
          loading={replace.isPending}
          error={replace.error}
          onClose={() => {
            replace.reset();
            setRemoving(null);
          }}
          onConfirm={() => save(removing, null, () => setRemoving(null))}
        >
          {indicators.nameOf(plan.targets[removing].code) ?? plan.targets[removing].code}
        </ConfirmModal>
      )}
    </Paper>
  );
}

function TargetEditor({
  title,
  initial,
  plan,
  options,
  unitLabel,
  saving,
  error,
  onSave,
  onCancel,
  onReload,
}: {
  title: string;
  initial: TargetForm;
  plan: { date: string };
  options: IndicatorChoices['targetOptions'];
  unitLabel: (unit: PlanTarget['unit']) => string;
  saving: boolean;
  error: unknown;
  onSave: (form: TargetForm) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useMessages(planMessages);
  const fieldError = useFieldError();
  const [form, setForm] = useState<TargetForm>(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors = validateTargetForm(form, plan);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!hasErrors(errors)) onSave(form);
  };
  return (
    <RowEditorForm title={title} onSubmit={submit} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
        <Select
          label={t('indicatorOrMainIndex')}
          data={options}
          value={form.code}
          onChange={(code) => setForm({ ...form, code })}
          searchable
          filter={vietnameseOptionsFilter}
          nothingFoundMessage={t('nothingFound')}
          error={fieldError(errors.code, submitted)}
          required
          data-autofocus
          autoFocus
          comboboxProps={{ width: 360, position: 'bottom-start' }}
        />
        <LocaleNumberInput label={t('baseline')} value={form.baseline} onNumber={(baseline) => setForm({ ...form, baseline })} />
        <LocaleNumberInput
          label={t('target')}
          value={form.target}
          onNumber={(target) => setForm({ ...form, target })}
          error={fieldError(errors.target, submitted)}
          required
        />
        <Select
          label={t('targetUnit')}
          data={TARGET_UNITS.map((unit) => ({ value: unit, label: unitLabel(unit) }))}
          value={form.unit}
          onChange={(unit) => unit && setForm({ ...form, unit: unit as PlanTarget['unit'] })}
          allowDeselect={false}
        />
        <DateField
          label={t('dueOn')}
          value={form.dueOn}
          onChange={(dueOn) => setForm({ ...form, dueOn })}
          error={fieldError(errors.dueOn, true)}
          required
        />
      </SimpleGrid>
      <WriteError error={error} onReload={onReload} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {t('saveTarget')}
        </Button>
      </Group>
    </RowEditorForm>
  );
}
