import {
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
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
import { matchesSearch } from '../../shared/format';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import { COHORT_KINDS, type UnitKind } from './admin-records';
import { useFrameworks } from './framework-queries';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import {
  changePeriodYear,
  chosenCohorts,
  frameworksForKind,
  initialPeriodForm,
  type PeriodFormState,
  periodRequest,
  validatePeriodForm,
} from './period-form';
import { useCreatePeriod } from './period-queries';
import { useAllUnits } from './unit-queries';
import { defaultParticipants } from './unit-tree';

/** A new period: year, one framework per cohort, participating units, and the schedule of seed 001. */
export default function PeriodCreatePage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const units = useAllUnits();
  const create = useCreatePeriod();
  const [form, setForm] = useState<PeriodFormState>(() => initialPeriodForm(new Date().getFullYear()));
  const [touched, setTouched] = useState(false);
  const [unitSearch, setUnitSearch] = useState('');

  const year = Number(form.year);
  const cohortFrameworks = form.frameworks;
  const kinds = useMemo(
    () => chosenCohorts({ frameworks: cohortFrameworks }).map((cohort) => cohort.unitKind),
    [cohortFrameworks],
  );
  const defaults = useMemo(
    () => (Number.isInteger(year) ? defaultParticipants(units.data ?? [], kinds, year) : []),
    [units.data, kinds, year],
  );
  const selected = form.unitIds ?? defaults.map((unit) => unit.id);
  const errors = validatePeriodForm(form, frameworks.data ?? [], selected.length);
  const error = (field: keyof typeof errors) => {
    // Dates out of order are said as soon as both are typed (core's sentence names both); the rest on submit.
    const found = touched || typeof errors[field] === 'object' ? errors[field] : undefined;
    return found === undefined ? undefined : typeof found === 'string' ? t(found) : found[locale];
  };

  // Units of the chosen kinds, active in the year or not (a manager may add a unit that ended mid-year).
  const candidates = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => kinds.includes(unit.kind as UnitKind))
        .filter((unit) => !unitSearch.trim() || matchesSearch(`${unit.code} ${unit.name}`, unitSearch))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'vi')),
    [units.data, kinds, unitSearch],
  );
  const toggleUnit = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setForm({ ...form, unitIds: [...next] });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    create.mutate(periodRequest(form), {
      onSuccess: (period) => {
        notifications.show({ color: 'green', message: t('periodCreated', { name: period.name }) });
        navigate(`/quan-tri/ky-danh-gia/${period.id}`);
      },
    });
  };

  return (
    <Stack maw={980} renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
      <Breadcrumbs>
        <Anchor component={Link} to="/quan-tri/ky-danh-gia">
          {t('navPeriods')}
        </Anchor>
        <Text>{t('createPeriod')}</Text>
      </Breadcrumbs>
      <Title order={2}>{t('createPeriod')}</Title>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          1. {t('periodYearSection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('year')}
            value={form.year}
            inputMode="numeric"
            onChange={(event) => setForm(changePeriodYear(form, event.currentTarget.value))}
            error={error('year')}
            required
          />
          <TextInput
            label={t('periodName')}
            placeholder={t('periodNameDefault', { year: form.year })}
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5">
          2. {t('cohortsSection')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('cohortsHelp')}
        </Text>
        <Stack gap="xs">
          {COHORT_KINDS.map((kind) => (
            <Select
              key={kind}
              label={labels.cohort(kind)}
              placeholder={t('cohortNotTaking')}
              data={frameworksForKind(frameworks.data ?? [], kind).map((framework) => ({
                value: framework.id,
                label: `${framework.name} (${framework.year})`,
              }))}
              value={form.frameworks[kind] ?? null}
              onChange={(frameworkId) =>
                setForm({ ...form, frameworks: { ...form.frameworks, [kind]: frameworkId ?? '' }, unitIds: null })
              }
              searchable
              filter={vietnameseOptionsFilter}
              clearable
              nothingFoundMessage={t('noFrameworkOfKind')}
            />
          ))}
        </Stack>
        {error('frameworks') && (
          <Text c="red" size="sm" mt="xs" role="alert">
            {error('frameworks')}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5">
          3. {t('participantsSection')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {form.unitIds === null
            ? t('participantsDefault', { count: defaults.length, year: form.year })
            : t('participantsChosen', { count: selected.length })}
        </Text>
        {kinds.length > 0 && (
          <Stack gap="xs">
            <Group>
              <TextInput
                placeholder={t('unitSearchPlaceholder')}
                aria-label={t('search')}
                value={unitSearch}
                onChange={(event) => setUnitSearch(event.currentTarget.value)}
                w={320}
              />
              {form.unitIds !== null && (
                <Button variant="subtle" size="xs" onClick={() => setForm({ ...form, unitIds: null })}>
                  {t('participantsReset')}
                </Button>
              )}
            </Group>
            <ScrollArea.Autosize mah={280} type="auto">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4}>
                {candidates.map((unit) => (
                  <Checkbox
                    key={unit.id}
                    size="xs"
                    checked={selected.includes(unit.id)}
                    onChange={(event) => toggleUnit(unit.id, event.currentTarget.checked)}
                    label={`${unit.name} (${unit.code}) — ${labels.unitKind(unit.kind)}`}
                  />
                ))}
              </SimpleGrid>
            </ScrollArea.Autosize>
          </Stack>
        )}
        {error('unitIds') && (
          <Text c="red" size="sm" mt="xs" role="alert">
            {error('unitIds')}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          4. {t('scheduleSection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField
            label={t('selfAssessmentDeadline')}
            description={t('selfAssessmentDeadlineHelp')}
            value={form.selfAssessmentDeadline}
            onChange={(selfAssessmentDeadline) => setForm({ ...form, selfAssessmentDeadline })}
            error={error('selfAssessmentDeadline')}
            required
          />
          <DateField
            label={t('appraisalDeadline')}
            description={t('appraisalDeadlineHelp')}
            value={form.appraisalDeadline}
            onChange={(appraisalDeadline) => setForm({ ...form, appraisalDeadline })}
            error={error('appraisalDeadline')}
          />
          <DateField
            label={t('publicationDue')}
            description={t('publicationDueHelp')}
            value={form.publicationDue}
            onChange={(publicationDue) => setForm({ ...form, publicationDue })}
            error={error('publicationDue')}
          />
        </SimpleGrid>
      </Paper>

      {create.error && <ProblemList error={create.error} />}
      <Group justify="flex-end">
        <Button variant="default" component={Link} to="/quan-tri/ky-danh-gia">
          {t('cancel')}
        </Button>
        <Button type="submit" loading={create.isPending}>
          {t('createPeriodSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}
