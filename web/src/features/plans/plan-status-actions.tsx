import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import { DateField } from '../../shared/date-field';
import { ConfirmModal } from './confirm-modal';
import { planMessages } from './messages';
import { usePlanTransition, useUpdatePlan } from './plan-queries';
import type { PlanDetail } from './plan-records';
import { WriteError } from './stale-notice';
import { taskCounts } from './task-counts';
import { useFieldError } from './use-field-error';

/**
 * Issue a draft (the issuing document's number and date are asked, and saved with the plan's
 * version first) or close an issued plan, as the server allows (allowedActions).
 */
export function PlanStatusActions({ plan, onReload }: { plan: PlanDetail; onReload: () => void }) {
  const t = useMessages(planMessages);
  const [dialog, setDialog] = useState<'issue' | 'close' | null>(null);
  const transition = usePlanTransition(plan.id);
  const closeDialog = () => {
    transition.reset();
    setDialog(null);
  };
  return (
    <>
      {plan.allowedActions.includes('issue') && (
        <Button onClick={() => setDialog('issue')} color="green">
          {t('issuePlan')}
        </Button>
      )}
      {plan.allowedActions.includes('close') && (
        <Button variant="default" onClick={() => setDialog('close')}>
          {t('closePlan')}
        </Button>
      )}
      {dialog === 'issue' && <IssueModal plan={plan} onClose={closeDialog} onReload={onReload} />}
      {dialog === 'close' && (
        <ConfirmModal
          title={t('closePlanTitle')}
          confirmLabel={t('closePlan')}
          color="dark"
          loading={transition.isPending}
          error={transition.error}
          onClose={closeDialog}
          onConfirm={() =>
            transition.mutate('close', {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('planClosed') });
                setDialog(null);
              },
            })
          }
        >
          {t('closePlanBody')}
        </ConfirmModal>
      )}
    </>
  );
}

function IssueModal({ plan, onClose, onReload }: { plan: PlanDetail; onClose: () => void; onReload: () => void }) {
  const t = useMessages(planMessages);
  const fieldError = useFieldError();
  const update = useUpdatePlan(plan.id);
  const transition = usePlanTransition(plan.id);
  const [number, setNumber] = useState(plan.documentNumber);
  const [date, setDate] = useState(toVietnameseDate(plan.date));
  const [submitted, setSubmitted] = useState(false);
  const counts = taskCounts(plan.tasks);
  const day = parseVietnameseDate(date);
  const numberError = number.trim() ? undefined : ({ key: 'errorDocumentNumber' } as const);
  const dateError = date.trim() === '' ? ({ key: 'errorRequired' } as const) : day ? undefined : ({ key: 'errorDate' } as const);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (numberError || dateError || !day) return;
    try {
      if (number.trim() !== plan.documentNumber || day !== plan.date) {
        await update.mutateAsync({
          version: plan.version,
          ...(number.trim() !== plan.documentNumber ? { documentNumber: number.trim() } : {}),
          ...(day !== plan.date ? { date: day } : {}),
        });
      }
      await transition.mutateAsync('issue');
      notifications.show({ color: 'green', message: t('planIssued', { number: number.trim() }) });
      onClose();
    } catch {
      // Shown below, from the mutation that failed.
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('issuePlanTitle')} size="lg">
      <Stack renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        <Text size="sm">{t('issuePlanBody')}</Text>
        {counts.unassigned > 0 && (
          <Text size="sm" c="orange" role="status">
            {t('issueUnassignedWarning', { count: counts.unassigned })}
          </Text>
        )}
        <TextInput
          label={t('documentNumber')}
          placeholder="187/KH-UBND"
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          error={fieldError(numberError, submitted)}
          required
          data-autofocus
        />
        <DateField label={t('planDate')} value={date} onChange={setDate} error={fieldError(dateError, submitted)} required />
        <WriteError error={update.error ?? transition.error} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" color="green" loading={update.isPending || transition.isPending}>
            {t('issuePlanConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
