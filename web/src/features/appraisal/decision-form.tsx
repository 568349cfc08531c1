import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatMessage, type Problem } from '@opendti/core/answers';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { addDays, todayInVietnam, toVietnameseDate } from '../../shared/calendar-day';
import { formatPoints } from '../../shared/format';
import type { AppraisalView, Decision } from './api-types';
import { useDecideIndicator } from './appraisal-queries';
import { buildDecisionBody, type DecisionDraft, type DecisionField, type DecisionProblem } from './decision-input';
import { LockIcon } from './lock-icon';
import { appraisalMessages } from './messages';

interface DecisionFormProps {
  assessmentId: string;
  code: string;
  maxPoints: number | null;
  /** The step the indicator's points move by, when the framework declares one (core checks it). */
  pointsStep?: number | undefined;
  selfPoints: number | null;
  current: AppraisalView | undefined;
  /** After a save, optionally move on to the next indicator. */
  onSaved: (moveOn: boolean) => void;
  /** The decision changed meanwhile (409): the page reloads it and says so. */
  onStale: () => void;
}

function initialDraft(current: AppraisalView | undefined, selfPoints: number | null, locale: 'vi' | 'en') {
  const draft: DecisionDraft = {
    // After a request (saved, or answered and sent back) the council re-appraises: the form starts
    // from "accept", never again in request mode.
    decision: current?.decision === 'adjusted' ? 'adjusted' : 'accepted',
    points:
      current?.decision === 'adjusted'
        ? formatPoints(current.appraisedPoints, locale)
        : selfPoints === null
          ? ''
          : formatPoints(selfPoints, locale),
    reason: current?.decision === 'adjusted' ? (current.reason ?? '') : '',
    comment: '',
    // A week to answer by default; the council changes it as needed.
    dueOn: toVietnameseDate(addDays(todayInVietnam(), 7)),
    councilNote: current?.councilNote ?? '',
  };
  return draft;
}

/**
 * Accept, adjust (points 0…max with a reason) or request supplementation (what and by when), with
 * an optional council-internal note. A stale decision (someone else saved meanwhile) comes back
 * as 409: the page reloads the latest version, this form starts again from it, and the user is told.
 * The parent gives the form a key of the indicator and the decision's version, so that it resets then.
 */
export function DecisionForm(props: DecisionFormProps) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const narrow = useMediaQuery('(max-width: 36em)');
  const [draft, setDraft] = useState(() => initialDraft(props.current, props.selfPoints, locale));
  const [problems, setProblems] = useState<Partial<Record<DecisionField, DecisionProblem>>>({});
  // Core's own explanation of a refused number (the limit, or the step and the nearest allowed values).
  const [pointsDetail, setPointsDetail] = useState<Problem | undefined>();
  const decide = useDecideIndicator(props.assessmentId);
  const max = formatPoints(props.maxPoints, locale);

  const set = <Field extends keyof DecisionDraft>(field: Field, value: DecisionDraft[Field]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => ({ ...previous, [field]: undefined }));
  };
  const problemText = (field: DecisionField) => {
    const problem = problems[field];
    if (field === 'points' && pointsDetail && (problem === 'pointsOutOfRange' || problem === 'pointsOffStep')) {
      const text = formatMessage(pointsDetail, locale);
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    }
    return problem ? t(problem, { max }) : undefined;
  };

  const save = (moveOn: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const built = buildDecisionBody(draft, {
      code: props.code,
      maxPoints: props.maxPoints,
      pointsStep: props.pointsStep,
      selfPoints: props.selfPoints,
      baseVersion: props.current?.version ?? 0,
      today: todayInVietnam(),
    });
    if (!built.ok) {
      setProblems(built.problems);
      setPointsDetail(built.pointsDetail);
      return;
    }
    decide.mutate(
      { code: props.code, body: built.body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('saved', { code: props.code }) });
          props.onSaved(moveOn);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'http.stale-version') props.onStale();
        },
      },
    );
  };

  const stale = decide.error instanceof ApiError && decide.error.code === 'http.stale-version';
  const choices: { value: Decision; label: string }[] = [
    { value: 'accepted', label: t('accept') },
    { value: 'adjusted', label: t('adjust') },
    { value: 'supplementationRequested', label: t('requestSupplementation') },
  ];

  return (
    <form onSubmit={save(false)} noValidate>
      <Stack gap="sm">
        {decide.error && !stale && (
          <Alert color="red" title={t('notSaved')} role="alert">
            {decide.error.message}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t('decision')}
          fullWidth
          orientation={narrow ? 'vertical' : 'horizontal'}
          value={draft.decision}
          onChange={(value) => set('decision', value as Decision)}
          data={choices}
        />

        {draft.decision === 'accepted' && (
          <Text size="sm">{t('acceptHint', { points: formatPoints(props.selfPoints, locale) })}</Text>
        )}
        {draft.decision === 'adjusted' && (
          <>
            <TextInput
              label={t('pointsLabel', { max })}
              description={t('pointsHint', { self: formatPoints(props.selfPoints, locale) })}
              inputMode="decimal"
              value={draft.points}
              onChange={(event) => set('points', event.currentTarget.value)}
              error={problemText('points')}
              required
              styles={{ input: { maxWidth: 180 } }}
            />
            <Textarea
              label={t('reasonLabel')}
              value={draft.reason}
              onChange={(event) => set('reason', event.currentTarget.value)}
              error={problemText('reason')}
              autosize
              minRows={2}
              required
            />
          </>
        )}
        {draft.decision === 'supplementationRequested' && (
          <>
            <Textarea
              label={t('commentLabel')}
              value={draft.comment}
              onChange={(event) => set('comment', event.currentTarget.value)}
              error={problemText('comment')}
              autosize
              minRows={2}
              required
            />
            <TextInput
              label={t('dueLabel')}
              placeholder={t('duePlaceholder')}
              value={draft.dueOn}
              onChange={(event) => set('dueOn', event.currentTarget.value)}
              error={problemText('dueOn')}
              inputMode="numeric"
              autoComplete="off"
              required
              styles={{ input: { maxWidth: 180 } }}
            />
          </>
        )}

        <Paper
          p="sm"
          radius="sm"
          bg="var(--mantine-color-yellow-0)"
          style={{ border: '1px dashed var(--mantine-color-yellow-6)' }}
        >
          <Textarea
            label={
              <Group gap={6} component="span">
                <span>{t('councilNoteLabel')}</span>
                <Badge color="yellow" variant="filled" size="sm" tt="none" component="span" leftSection={<LockIcon size={10} />}>
                  {t('councilNoteBadge')}
                </Badge>
              </Group>
            }
            description={t('councilNoteHint')}
            value={draft.councilNote}
            onChange={(event) => set('councilNote', event.currentTarget.value)}
            autosize
            minRows={1}
          />
        </Paper>

        <Group gap="sm">
          <Button type="submit" loading={decide.isPending}>
            {t('save')}
          </Button>
          <Button variant="default" onClick={() => save(true)()} disabled={decide.isPending}>
            {t('saveAndNext')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
