import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useMessages } from '../../i18n/locale';
import { DateField } from '../../shared/date-field';
import { formatDate } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import { type DraftForm, draftBody, emptyDraftForm, validateDraftForm } from './draft-form';
import { ManagerGate } from './manager-gate';
import { planMessages } from './messages';
import { hasErrors } from './plan-form';
import { useCreatePlanDraft, usePeriod, usePeriods } from './plan-queries';
import { useFieldError } from './use-field-error';

/**
 * A draft plan written by the system from a published period's results: every indicator with points
 * lost becomes a task, the largest gain first, owners pre-filled from the ownership table.
 */
export default function PlanDraftPage() {
  return (
    <ManagerGate>
      <DraftFormPage />
    </ManagerGate>
  );
}

function DraftFormPage() {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const labels = useDomainLabels();
  const fieldError = useFieldError();
  const navigate = useNavigate();
  const periods = usePeriods();
  const [form, setForm] = useState<DraftForm>(emptyDraftForm);
  const [submitted, setSubmitted] = useState(false);
  const period = usePeriod(form.periodId);
  const create = useCreatePlanDraft();
  const errors = validateDraftForm(form);

  const published = useMemo(
    () => (periods.data ?? []).filter((candidate) => candidate.publishedAt !== null).sort((a, b) => b.year - a.year),
    [periods.data],
  );
  const cohorts = period.data?.cohorts ?? [];
  const units = useMemo(
    () =>
      (period.data?.units ?? [])
        .filter((unit) => unit.kind === form.unitKind)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` })),
    [period.data, form.unitKind],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) return;
    create.mutate(draftBody(form), {
      onSuccess: (plan) => {
        notifications.show({ color: 'green', message: t('draftCreated', { count: plan.tasks.length }) });
        navigate(`/ke-hoach/${plan.id}`);
      },
    });
  };

  return (
    <Stack maw={900} renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
      <Breadcrumbs>
        <Anchor component={Link} to="/ke-hoach">
          {t('plansTitle')}
        </Anchor>
        <Text>{t('generateDraft')}</Text>
      </Breadcrumbs>
      <Title order={2}>{t('generateDraft')}</Title>
      <Text size="sm" c="dimmed" maw={800}>
        {t('draftIntro')}
      </Text>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          1. {t('draftSourceSection')}
        </Title>
        <Stack gap="sm">
          <Select
            label={t('publishedPeriod')}
            placeholder={periods.isPending ? t('loading') : t('choosePeriod')}
            data={published.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.name} — ${t('publishedOn', { date: formatDate(candidate.publishedAt, locale) })}`,
            }))}
            value={form.periodId}
            onChange={(periodId) => setForm({ ...form, periodId, unitKind: null, unitCode: null })}
            nothingFoundMessage={t('noPublishedPeriod')}
            error={fieldError(errors.periodId, submitted)}
            required
            allowDeselect={false}
          />
          {periods.data && published.length === 0 && (
            <Text size="sm" c="orange" role="status">
              {t('noPublishedPeriod')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('cohort')}
              description={t('cohortHelp')}
              placeholder={form.periodId ? t('chooseCohort') : t('choosePeriodFirst')}
              disabled={!form.periodId}
              data={cohorts.map((cohort) => ({ value: cohort.unitKind, label: labels.cohort(cohort.unitKind) }))}
              value={form.unitKind}
              onChange={(unitKind) => setForm({ ...form, unitKind, unitCode: null })}
              error={fieldError(errors.unitKind, submitted)}
              required
              allowDeselect={false}
            />
            <Select
              label={t('oneUnit')}
              description={t('oneUnitHelp')}
              placeholder={t('wholeCohort')}
              disabled={!form.unitKind}
              data={units}
              value={form.unitCode}
              onChange={(unitCode) => setForm({ ...form, unitCode })}
              searchable
              filter={vietnameseOptionsFilter}
              clearable
              nothingFoundMessage={t('nothingFound')}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb={4}>
          2. {t('draftOptionsSection')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('draftOptionsHelp')}
        </Text>
        <Stack gap="sm">
          <TextInput
            label={t('planTitle')}
            placeholder={t('draftTitleDefault')}
            value={form.title}
            onChange={(event) => setForm({ ...form, title: event.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('planDate')}
              description={t('draftDateHelp')}
              value={form.date}
              onChange={(date) => setForm({ ...form, date })}
              error={fieldError(errors.date, submitted)}
            />
            <DateField
              label={t('defaultDueOn')}
              description={t('defaultDueOnHelp')}
              value={form.dueOn}
              onChange={(dueOn) => setForm({ ...form, dueOn })}
              error={fieldError(errors.dueOn, true)}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
        <Text size="sm" fw={500} mb={4}>
          {t('draftWhatHappens')}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>{t('draftStepTasks')}</List.Item>
          <List.Item>{t('draftStepOwners')}</List.Item>
          <List.Item>{t('draftStepTargets')}</List.Item>
          <List.Item>{t('draftStepEdit')}</List.Item>
        </List>
      </Paper>

      {create.error && <ProblemList error={create.error} title={t('draftRefused')} />}
      <Group justify="flex-end">
        <Button variant="default" component={Link} to="/ke-hoach">
          {t('cancel')}
        </Button>
        <Button type="submit" loading={create.isPending}>
          {t('generateDraftSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}
