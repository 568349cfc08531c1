import { Button, Checkbox, Collapse, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { toVietnameseDate } from '../../shared/calendar-day';
import { DateField } from '../../shared/date-field';
import { planMessages } from './messages';
import {
  hasErrors,
  isPlanFormDirty,
  type PlanForm,
  planFormOf,
  planUpdateBody,
  SCHEDULE_KEYWORDS,
  type ScheduleKeyword,
  validatePlanForm,
} from './plan-form';
import { useUpdatePlan } from './plan-queries';
import type { PlanDetail } from './plan-records';
import { WriteError } from './stale-notice';
import { useFieldError } from './use-field-error';

/**
 * The plan's header: title, the issuing document's number and date, the year, the purpose and when
 * lead units report (every quarter, every half-year, and/or given days). Saved with the version read.
 */
export function PlanHeaderCard({ plan, onReload }: { plan: PlanDetail; onReload: () => void }) {
  const t = useMessages(planMessages);
  const fieldError = useFieldError();
  const update = useUpdatePlan(plan.id);
  const [form, setForm] = useState<PlanForm>(() => planFormOf(plan));
  const [submitted, setSubmitted] = useState(false);
  const errors = validatePlanForm(form);
  const readOnly = plan.status === 'closed';
  const dirty = isPlanFormDirty(plan, form);
  // A draft is being written: its header shows. An issued plan's header rarely changes: folded, the tasks come first.
  const [opened, setOpened] = useState(plan.status === 'draft');

  const scheduleSummary =
    plan.reportingSchedule.length === 0
      ? t('noSchedule')
      : t('scheduleSummary', {
          rounds: plan.reportingSchedule
            .map((entry) =>
              entry === 'quarterly'
                ? t('scheduleQuarterly')
                : entry === 'half-yearly'
                  ? t('scheduleHalfYearly')
                  : toVietnameseDate(entry),
            )
            .join(', '),
        });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || !dirty) return;
    update.mutate(planUpdateBody(plan, form), {
      onSuccess: () => notifications.show({ color: 'green', message: t('planSaved') }),
    });
  };
  const toggleKeyword = (keyword: ScheduleKeyword, on: boolean) =>
    setForm({
      ...form,
      schedule: {
        ...form.schedule,
        keywords: SCHEDULE_KEYWORDS.filter((candidate) =>
          candidate === keyword ? on : form.schedule.keywords.includes(candidate),
        ),
      },
    });
  const setDate = (index: number, value: string) =>
    setForm({
      ...form,
      schedule: { ...form.schedule, dates: form.schedule.dates.map((date, i) => (i === index ? value : date)) },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-header-title">
      <Stack gap="sm" renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id="plan-header-title">
            {t('planInformation')}
          </Title>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setOpened(!opened)}
            aria-expanded={opened}
            aria-controls="plan-header-fields"
          >
            {opened ? t('hideDetails') : t('showDetails')}
          </Button>
        </Group>
        {!opened && (
          <Text size="sm" c="dimmed">
            {[plan.purpose.trim() ? t('purposeWritten') : t('noPurpose'), scheduleSummary].join(' · ')}
          </Text>
        )}
        <Collapse expanded={opened} id="plan-header-fields">
          <Stack gap="sm">
            <TextInput
              label={t('planTitle')}
              value={form.title}
              onChange={(event) => setForm({ ...form, title: event.currentTarget.value })}
              error={fieldError(errors.title, submitted)}
              required
              readOnly={readOnly}
            />
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput
                label={t('documentNumber')}
                description={t('documentNumberHelp')}
                placeholder="187/KH-UBND"
                value={form.documentNumber}
                onChange={(event) => setForm({ ...form, documentNumber: event.currentTarget.value })}
                readOnly={readOnly}
              />
              <DateField
                label={t('planDate')}
                description={t('planDateHelp')}
                value={form.date}
                onChange={(date) => setForm({ ...form, date })}
                error={fieldError(errors.date, submitted)}
                required
                disabled={readOnly}
              />
              <TextInput
                label={t('year')}
                description={t('planYearHelp')}
                inputMode="numeric"
                maxLength={4}
                value={form.year}
                onChange={(event) => setForm({ ...form, year: event.currentTarget.value })}
                error={fieldError(errors.year, submitted)}
                required
                readOnly={readOnly}
              />
            </SimpleGrid>
            <Textarea
              label={t('purpose')}
              description={t('purposeHelp')}
              autosize
              minRows={2}
              maxRows={8}
              value={form.purpose}
              onChange={(event) => setForm({ ...form, purpose: event.currentTarget.value })}
              readOnly={readOnly}
            />
            <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" size="sm" fw={500}>
                {t('reportingSchedule')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('reportingScheduleHelp')}
              </Text>
              <Group gap="lg">
                {SCHEDULE_KEYWORDS.map((keyword) => (
                  <Checkbox
                    key={keyword}
                    label={t(keyword === 'quarterly' ? 'scheduleQuarterly' : 'scheduleHalfYearly')}
                    checked={form.schedule.keywords.includes(keyword)}
                    onChange={(event) => toggleKeyword(keyword, event.currentTarget.checked)}
                    disabled={readOnly}
                  />
                ))}
              </Group>
              <Group gap="xs" align="flex-start">
                {form.schedule.dates.map((date, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the typed days have no identity until valid
                  <Group key={index} gap={4} align="flex-end" wrap="nowrap">
                    <DateField
                      label={t('scheduleDay', { number: index + 1 })}
                      value={date}
                      onChange={(value) => setDate(index, value)}
                      error={fieldError(errors.scheduleDates?.[index], true)}
                      disabled={readOnly}
                    />
                    {!readOnly && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        mb={4}
                        aria-label={t('removeScheduleDay', { number: index + 1 })}
                        onClick={() =>
                          setForm({
                            ...form,
                            schedule: { ...form.schedule, dates: form.schedule.dates.filter((_, i) => i !== index) },
                          })
                        }
                      >
                        {t('remove')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Group>
              {!readOnly && (
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() => setForm({ ...form, schedule: { ...form.schedule, dates: [...form.schedule.dates, ''] } })}
                  >
                    {t('addScheduleDay')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Stack>
        </Collapse>
        <WriteError error={update.error} onReload={onReload} />
        {!readOnly && (opened || dirty) && (
          <Group justify="flex-end" gap="xs">
            {dirty && (
              <Button variant="default" onClick={() => setForm(planFormOf(plan))}>
                {t('undoChanges')}
              </Button>
            )}
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              {t('savePlan')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
