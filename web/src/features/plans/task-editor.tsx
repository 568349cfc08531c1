import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { Button, Group, MultiSelect, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { DateField } from '../../shared/date-field';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList, problemsOf } from '../../shared/problem-list';
import { planMessages } from './messages';
import { hasErrors } from './plan-form';
import { isStaleVersion } from './plan-queries';
import { RowEditorForm } from './row-editor-form';
import { StaleNotice } from './stale-notice';
import { type TaskForm, validateTaskForm } from './task-form';
import { useFieldError } from './use-field-error';

const FIELDS = ['text', 'indicators', 'lead', 'coordinating', 'product', 'startOn', 'dueOn'] as const;

/**
 * One task edited in its row: the task, the indicators it serves, the lead unit and the coordinating
 * units, the product, the start and due days (dd/mm/yyyy). Escape cancels; the server's refusals
 * are shown at their field (core names the field) or above the buttons.
 */
export function TaskEditor({
  title,
  initial,
  plan,
  indicatorOptions,
  unitOptions,
  saving,
  error,
  onSave,
  onCancel,
  onReload,
}: {
  title: string;
  initial: TaskForm;
  plan: { date: string };
  /** Empty for a plan without a framework: indicators are then typed as codes. */
  indicatorOptions: ComboboxItemGroup<ComboboxItem>[];
  unitOptions: ComboboxItemGroup<ComboboxItem>[];
  saving: boolean;
  error: unknown;
  onSave: (form: TaskForm) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useMessages(planMessages);
  const fieldError = useFieldError();
  const [form, setForm] = useState<TaskForm>(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors = validateTaskForm(form, plan);
  const server = problemsOf(error);
  const serverAt = (field: (typeof FIELDS)[number]) =>
    server
      .filter((problem) => (problem.location?.path ?? problem.location?.column) === field)
      .map((problem) => problem.message)
      .join(' · ') || undefined;
  const unplaced = server.filter(
    (problem) => !FIELDS.includes((problem.location?.path ?? problem.location?.column ?? '') as (typeof FIELDS)[number]),
  );
  const shown = (field: keyof TaskForm) => fieldError(errors[field], submitted) ?? serverAt(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setSubmitted(true);
    if (!hasErrors(errors)) onSave(form);
  };

  return (
    <RowEditorForm title={title} onSubmit={submit} onCancel={onCancel}>
      <Textarea
        label={t('taskText')}
        autosize
        minRows={2}
        maxRows={8}
        value={form.text}
        onChange={(event) => setForm({ ...form, text: event.currentTarget.value })}
        error={shown('text')}
        required
        data-autofocus
        autoFocus
      />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {indicatorOptions.length > 0 ? (
          <MultiSelect
            label={t('indicators')}
            data={indicatorOptions}
            value={form.indicators}
            onChange={(indicators) => setForm({ ...form, indicators })}
            searchable
            filter={vietnameseOptionsFilter}
            nothingFoundMessage={t('nothingFound')}
            error={shown('indicators')}
            comboboxProps={{ width: 'target', position: 'bottom-start' }}
          />
        ) : (
          <TagsInput
            label={t('indicators')}
            description={t('indicatorsAsCodes')}
            value={form.indicators}
            onChange={(indicators) => setForm({ ...form, indicators })}
            error={shown('indicators')}
          />
        )}
        <Select
          label={t('leadUnit')}
          placeholder={t('notAssigned')}
          data={unitOptions}
          value={form.lead}
          onChange={(lead) => setForm({ ...form, lead, coordinating: form.coordinating.filter((code) => code !== lead) })}
          searchable
          clearable
          filter={vietnameseOptionsFilter}
          nothingFoundMessage={t('nothingFound')}
          error={shown('lead')}
        />
        <MultiSelect
          label={t('coordinatingUnits')}
          data={unitOptions}
          value={form.coordinating}
          onChange={(coordinating) => setForm({ ...form, coordinating })}
          searchable
          filter={vietnameseOptionsFilter}
          nothingFoundMessage={t('nothingFound')}
          error={shown('coordinating')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={t('product')}
          description={t('productHelp')}
          value={form.product}
          onChange={(event) => setForm({ ...form, product: event.currentTarget.value })}
          error={shown('product')}
        />
        <DateField
          label={t('startOn')}
          value={form.startOn}
          onChange={(startOn) => setForm({ ...form, startOn })}
          error={shown('startOn')}
        />
        <DateField
          label={t('dueOn')}
          value={form.dueOn}
          onChange={(dueOn) => setForm({ ...form, dueOn })}
          error={shown('dueOn')}
          required
        />
      </SimpleGrid>
      {isStaleVersion(error) ? <StaleNotice onReload={onReload} /> : unplaced.length > 0 ? <ProblemList error={error} /> : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {t('saveTask')}
        </Button>
      </Group>
    </RowEditorForm>
  );
}
