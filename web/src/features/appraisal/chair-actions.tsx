import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useId, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import type { OverviewAssessment } from './api-types';
import { useAssessmentTransition } from './appraisal-queries';
import { appraisalMessages } from './messages';

/** What the chair's actions need of an assessment: the overview's row or the unit's own view. */
export type ChairTarget = Pick<OverviewAssessment, 'id' | 'state' | 'allowedActions' | 'reasonRequired' | 'deniedActions'> & {
  unit: { name: string };
};

export type Pending = { kind: 'finalise' | 'reopen'; assessment: ChairTarget } | undefined;

/** Finalise or reopen one unit, as the server allows them; a closed finalise shows the server's reason. */
export function ChairActions({
  assessment,
  onFinalise,
  onReopen,
}: {
  assessment: ChairTarget;
  onFinalise: (assessment: ChairTarget) => void;
  onReopen: (assessment: ChairTarget) => void;
}) {
  const t = useMessages(appraisalMessages);
  // The matrix and the phone's cards both hold these actions: the ids must not clash.
  const reasonId = useId();
  if (assessment.state === 'finalised') {
    return (
      <Group gap="xs" wrap="nowrap">
        <Badge color="green" variant="light" tt="none">
          {t('finaliseFinalised')}
        </Badge>
        {assessment.allowedActions.includes('reopen') && (
          <Button size="compact-sm" variant="default" onClick={() => onReopen(assessment)}>
            {t('reopen')}
          </Button>
        )}
      </Group>
    );
  }
  const allowed = assessment.allowedActions.includes('finalise');
  const denied = assessment.deniedActions.find((entry) => entry.action === 'finalise');
  // A unit not yet at the finalising step (its state shows beside its name) gets a short word, with the
  // server's full sentence as the tooltip: the same sentence under every row of a ten-unit matrix
  // drowned the rows that can be acted on. Other reasons (undecided indicators…) say what to do.
  const why = denied?.reason === 'wrong-state' ? t('finaliseNotYet') : denied?.message;
  return (
    <Stack gap={2}>
      <Button
        size="compact-sm"
        disabled={!allowed}
        onClick={() => onFinalise(assessment)}
        aria-describedby={allowed ? undefined : reasonId}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('finalise')}
      </Button>
      {!allowed && why && (
        <Text id={reasonId} size="xs" c="dimmed" maw={190} title={denied?.message}>
          {why}
        </Text>
      )}
    </Stack>
  );
}

export function TransitionModal({ pending, onClose }: { pending: Pending; onClose: () => void }) {
  const t = useMessages(appraisalMessages);
  const transition = useAssessmentTransition();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const unit = pending?.assessment.unit.name ?? '';

  const close = () => {
    setReason('');
    setTouched(false);
    transition.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    setTouched(true);
    if (pending.assessment.reasonRequired.includes(pending.kind) && !reason.trim()) return;
    transition.mutate(
      {
        assessmentId: pending.assessment.id,
        action: pending.kind,
        ...(pending.kind === 'reopen' ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(pending.kind === 'finalise' ? 'finalised' : 'reopened', { unit }) });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={Boolean(pending)}
      onClose={close}
      title={pending ? t(pending.kind === 'finalise' ? 'finaliseTitle' : 'reopenTitle', { unit }) : ''}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {transition.error && (
            <Alert color="red" title={t('notSaved')} role="alert">
              {transition.error.message}
            </Alert>
          )}
          {pending?.kind === 'finalise' ? (
            <Text size="sm">{t('finaliseBody')}</Text>
          ) : (
            <Textarea
              label={t('reopenReason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={touched && !reason.trim() ? t('reopenReasonRequired') : undefined}
              autosize
              minRows={3}
              required
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" color={pending?.kind === 'reopen' ? 'orange' : 'green'} loading={transition.isPending}>
              {pending?.kind === 'reopen' ? t('reopen') : t('finalise')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
