import { Anchor, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useMessages } from '../../i18n/locale';
import { todayInVietnam, toVietnameseDate } from '../../shared/calendar-day';
import { DateField } from '../../shared/date-field';
import { formatDate } from '../../shared/format';
import { ListPage } from '../../shared/list-page';
import { ListTable } from '../../shared/list-table';
import { ProblemList } from '../../shared/problem-list';
import { ManagerGate } from './manager-gate';
import { planMessages } from './messages';
import { PlanStatusBadge } from './plan-badges';
import { hasErrors, type NewPlanForm, newPlanBody, validateNewPlanForm } from './plan-form';
import { useCreatePlan, usePlans } from './plan-queries';
import type { PlanListItem } from './plan-records';
import { useFieldError } from './use-field-error';

/** The improvement plans (Kế hoạch nâng cao chỉ số), newest year first, with their tasks counted by state. */
export default function PlansPage() {
  return (
    <ManagerGate>
      <PlansList />
    </ManagerGate>
  );
}

function PlansList() {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const plans = usePlans();
  const [creating, setCreating] = useState(false);

  const counts = (plan: PlanListItem) => {
    const count = plan.taskCounts;
    return (
      <Text size="sm" span>
        {t('taskCountLine', { total: count.total, done: count.done })}
        {count.overdue > 0 && (
          <Text span c="red" fw={600} size="sm">
            {' · '}
            {t('overdueCount', { count: count.overdue })}
          </Text>
        )}
        {count.withoutLead > 0 && (
          <Text span c="orange" size="sm">
            {' · '}
            {t('unassignedCount', { count: count.withoutLead })}
          </Text>
        )}
      </Text>
    );
  };

  return (
    <ListPage
      title={t('plansTitle')}
      description={t('plansIntro')}
      actions={
        <Group mt="xs" gap="xs">
          <Button component={Link} to="/ke-hoach/tao-moi">
            {t('generateDraft')}
          </Button>
          <Button variant="default" onClick={() => setCreating(true)}>
            {t('newEmptyPlan')}
          </Button>
          <Button variant="default" component={Link} to="/ke-hoach/phan-cong">
            {t('ownershipTitle')}
          </Button>
        </Group>
      }
      query={plans}
      render={(rows) => (
        <ListTable<PlanListItem>
          rows={rows}
          rowKey={(plan) => plan.id}
          minWidth={900}
          empty={t('noPlans')}
          columns={[
            { header: t('year'), cell: (plan) => plan.year, cellProps: { fw: 600 }, width: 70 },
            {
              header: t('planTitle'),
              alone: true,
              cell: (plan) => (
                <Anchor component={Link} to={`/ke-hoach/${plan.id}`} fw={500}>
                  {plan.title}
                </Anchor>
              ),
            },
            {
              header: t('documentNumber'),
              cell: (plan) =>
                plan.documentNumber ? (
                  <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
                    {plan.documentNumber}
                    <Text span c="dimmed" size="sm">
                      {' · '}
                      {formatDate(plan.date, locale)}
                    </Text>
                  </Text>
                ) : (
                  <Text c="dimmed" size="sm" span>
                    {t('noDocumentNumber')}
                  </Text>
                ),
            },
            { header: t('status'), cell: (plan) => <PlanStatusBadge status={plan.status} /> },
            { header: t('tasks'), cell: counts },
          ]}
        />
      )}
    >
      {creating && <NewPlanModal onClose={() => setCreating(false)} />}
    </ListPage>
  );
}

function NewPlanModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(planMessages);
  const fieldError = useFieldError();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const today = todayInVietnam();
  const [form, setForm] = useState<NewPlanForm>({ year: today.slice(0, 4), date: toVietnameseDate(today), title: '' });
  const [submitted, setSubmitted] = useState(false);
  const errors = validateNewPlanForm(form);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) return;
    create.mutate(newPlanBody(form), {
      onSuccess: (plan) => {
        notifications.show({ color: 'green', message: t('planCreated') });
        navigate(`/ke-hoach/${plan.id}`);
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('newEmptyPlan')} size="lg">
      <Stack renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        <Text size="sm" c="dimmed">
          {t('newEmptyPlanIntro')}
        </Text>
        <TextInput
          label={t('planTitle')}
          placeholder={t('planTitlePlaceholder', { year: form.year })}
          value={form.title}
          onChange={(event) => setForm({ ...form, title: event.currentTarget.value })}
          error={fieldError(errors.title, submitted)}
          required
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('year')}
            inputMode="numeric"
            maxLength={4}
            value={form.year}
            onChange={(event) => setForm({ ...form, year: event.currentTarget.value })}
            error={fieldError(errors.year, submitted)}
            required
          />
          <DateField
            label={t('planDate')}
            value={form.date}
            onChange={(date) => setForm({ ...form, date })}
            error={fieldError(errors.date, submitted)}
            required
          />
        </SimpleGrid>
        {create.error && <ProblemList error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('createPlan')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
