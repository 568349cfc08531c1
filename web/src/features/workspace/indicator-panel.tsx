import { Alert, Badge, Button, Checkbox, Divider, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDateTime, formatPoints } from '../../shared/format';
import { type AnswerContent, contentOf, EMPTY_CONTENT, type EntryState } from './autosave-machine';
import type { AutosaveStore } from './autosave-store';
import { EvidencePanel } from './evidence-panel';
import { type AnswerItem, localName } from './framework-items';
import { type Translate, workspaceMessages } from './messages';
import { MethodFields } from './method-fields';
import {
  contentProblem,
  inputFromValue,
  inputProblem,
  type LivePoints,
  livePoints,
  type MethodInput,
  problemMessage,
  valueFromInput,
} from './method-input';
import { SaveStatusBadge } from './status-badges';
import { SupplementationCard } from './supplementation-card';
import type { Appraisal, SupplementationRequest } from './workspace-api';

function methodLabel(item: AnswerItem, t: Translate): string {
  return t(`method.${item.method.type}`);
}

interface Props {
  assessmentId: string;
  item: AnswerItem;
  groupLabel: string;
  entry: EntryState | undefined;
  store: AutosaveStore;
  /** Answers may change (self-assessment). */
  editable: boolean;
  /** Evidence may change (self-assessment, or an open supplementation request on this indicator). */
  canAddEvidence: boolean;
  requests: SupplementationRequest[];
  canRespond: boolean;
  appraisal: Appraisal | undefined;
  csrfToken: string | undefined;
  onEvidenceCount: (code: string, count: number) => void;
  previous: AnswerItem | undefined;
  next: AnswerItem | undefined;
  onSelect: (code: string) => void;
}

/** One indicator: its method's fields, the live self points, not assessed, explanation, evidence. */
export function IndicatorPanel(props: Props) {
  const { item, entry, store, editable } = props;
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const content = entry ? contentOf(entry) : EMPTY_CONTENT;
  const [input, setInput] = useState<MethodInput>(() => inputFromValue(item.method, content.value, content.points));

  useEffect(() => {
    // Replaced from outside (the server's version taken, an import): show what is stored.
    setInput((current) =>
      valueFromInput(current) === content.value ? current : inputFromValue(item.method, content.value, content.points),
    );
  }, [content.value, content.points, item.method]);

  const commit = (next: AnswerContent, methodInput: MethodInput) => {
    // A "not assessed" answer is saved without its value being read, as the server does.
    const problem = next.notAssessed ? contentProblem(item, next) : inputProblem(item, methodInput, next.points);
    store.edit(item.code, next, problem ? problemMessage(problem, locale) : null);
  };
  const changeMethod = (next: MethodInput) => {
    setInput(next);
    // A new value replaces points typed over the old one.
    commit({ ...content, value: valueFromInput(next), points: null }, next);
  };
  const change = (patch: Partial<AnswerContent>) => commit({ ...content, ...patch }, input);

  const inputIssue = content.notAssessed ? null : inputProblem(item, input, content.points);
  const reasonIssue = contentProblem(item, content);
  const live = livePoints(item, content);
  const overrides = content.points !== null && item.method.type !== 'direct' && item.method.type !== 'mainIndexValue';

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Stack gap="md" onBlur={() => store.flush(item.code)}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text size="sm" c="dimmed">
            {props.groupLabel}
          </Text>
          {entry && editable && (
            <SaveStatusBadge status={entry.status} error={entry.error} onRetry={() => store.flush(item.code)} />
          )}
        </Group>
        <Stack gap={6}>
          <Title order={2} size="h3" style={{ lineHeight: 1.3 }}>
            {item.code}. {localName(item, locale)}
          </Title>
          <Group gap="xs">
            {Number.isFinite(item.maxPoints) && (
              <Badge variant="light" color="indigo" style={{ textTransform: 'none' }}>
                {t('maxPoints', { max: formatPoints(item.maxPoints, locale) })}
              </Badge>
            )}
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {methodLabel(item, t)}
            </Badge>
          </Group>
          {(item.numeratorLabel || item.denominatorLabel) && (
            <Text size="sm" component="div">
              <Text span fw={600}>
                {t('ratioParts')}:
              </Text>
              <Text span display="block">
                a: {item.numeratorLabel ?? '–'}
              </Text>
              <Text span display="block">
                b: {item.denominatorLabel ?? '–'}
              </Text>
            </Text>
          )}
          {item.guidance && (
            <Text size="sm">
              <Text span fw={600}>
                {t('guidance')}:
              </Text>{' '}
              {item.guidance}
            </Text>
          )}
          {item.evidence && (
            <Text size="sm">
              <Text span fw={600}>
                {t('evidenceRequired')}:
              </Text>{' '}
              {item.evidence}
            </Text>
          )}
          {item.dataSource && (
            <Text size="sm" c="dimmed">
              {t('dataSource', { source: item.dataSource })}
            </Text>
          )}
        </Stack>

        {props.requests.map((request) => (
          <SupplementationCard
            key={request.id}
            assessmentId={props.assessmentId}
            request={request}
            canRespond={props.canRespond}
          />
        ))}
        {props.appraisal && props.appraisal.decision !== 'supplementationRequested' && (
          <Alert
            color={props.appraisal.decision === 'adjusted' ? 'yellow' : 'green'}
            variant="light"
            title={t('appraisal.title')}
          >
            {props.appraisal.decision === 'accepted'
              ? t('appraisal.accepted')
              : t('appraisal.adjusted', { points: formatPoints(props.appraisal.appraisedPoints, locale) })}
            {props.appraisal.reason ? ` ${t('appraisal.reason', { reason: props.appraisal.reason })}` : ''}
          </Alert>
        )}

        {entry?.status === 'conflict' && <ConflictPanel item={item} entry={entry} store={store} />}

        <MethodFields
          item={item}
          input={input}
          onChange={changeMethod}
          disabled={content.notAssessed}
          readOnly={!editable}
          error={inputIssue ? problemMessage(inputIssue, locale) : undefined}
        />
        {overrides && (
          <Alert color="blue" variant="light" p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('override', { points: formatPoints(content.points, locale) })}</Text>
              {editable && (
                <Button size="compact-xs" variant="light" onClick={() => change({ points: null })}>
                  {t('overrideClear')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        <LivePointsLine live={live} item={item} />

        <Stack gap="xs">
          <Checkbox
            label={t('notAssessed')}
            description={t('notAssessedHint')}
            checked={content.notAssessed}
            disabled={!editable}
            onChange={(event) => change({ notAssessed: event.currentTarget.checked })}
          />
          {content.notAssessed && (
            <Textarea
              label={t('notAssessedReason')}
              required
              autosize
              minRows={2}
              value={content.notAssessedReason ?? ''}
              readOnly={!editable}
              error={reasonIssue ? problemMessage(reasonIssue, locale) : undefined}
              onChange={(event) => change({ notAssessedReason: event.currentTarget.value })}
            />
          )}
        </Stack>
        <Textarea
          label={t('explanation')}
          description={t('explanationHint')}
          autosize
          minRows={3}
          maxRows={12}
          value={content.explanation ?? ''}
          readOnly={!editable}
          onChange={(event) => change({ explanation: event.currentTarget.value })}
        />

        <Divider label={t('evidence.title')} labelPosition="left" />
        <EvidencePanel
          assessmentId={props.assessmentId}
          code={item.code}
          canEdit={props.canAddEvidence}
          csrfToken={props.csrfToken}
          onCount={props.onEvidenceCount}
        />

        <Group justify="space-between" mt="xs">
          {props.previous ? (
            <Button variant="default" onClick={() => props.previous && props.onSelect(props.previous.code)}>
              ← {props.previous.code}
            </Button>
          ) : (
            <span />
          )}
          {props.next && (
            <Button variant="light" onClick={() => props.next && props.onSelect(props.next.code)}>
              {t('nextIndicator', { code: props.next.code })} →
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function LivePointsLine({ live, item }: { live: LivePoints; item: AnswerItem }) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const max = formatPoints(item.maxPoints, locale);
  let text: string;
  let color = 'dimmed';
  switch (live.kind) {
    case 'points':
      text = t('live.points', { points: formatPoints(live.points, locale), max });
      color = 'indigo.8';
      break;
    case 'cohort':
      text = t('live.cohort');
      break;
    case 'notAssessed':
      text = t('live.notAssessed');
      break;
    case 'invalid':
      text = t('live.invalid');
      color = 'red';
      break;
    default:
      text = t('live.none');
  }
  return (
    <Text fw={live.kind === 'points' ? 700 : 400} c={color} size={live.kind === 'points' ? 'lg' : 'sm'} aria-live="polite">
      {text}
    </Text>
  );
}

/** Someone else saved this indicator first: both versions side by side, nothing lost, the user chooses. */
function ConflictPanel({ item, entry, store }: { item: AnswerItem; entry: EntryState; store: AutosaveStore }) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const mine = contentOf(entry);
  const theirs = entry.theirsContent ?? EMPTY_CONTENT;
  return (
    <Alert color="orange" variant="light" title={t('conflict.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('conflict.body')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <VersionCard title={t('conflict.mine')} item={item} content={mine} />
          <VersionCard
            title={t('conflict.theirs', {
              version: entry.theirs?.version ?? 0,
              at: formatDateTime(entry.theirs?.updatedAt, locale),
            })}
            item={item}
            content={theirs}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button size="xs" color="orange" onClick={() => store.keepMine(item.code)}>
            {t('conflict.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={() => store.takeTheirs(item.code)}>
            {t('conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function VersionCard({ title, item, content }: { title: string; item: AnswerItem; content: AnswerContent }) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const live = livePoints(item, content);
  return (
    <Paper withBorder p="xs" bg="var(--mantine-color-body)">
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {title}
        </Text>
        <Text size="sm">
          {t('conflict.value')}: {describeValue(item, content, t)}
        </Text>
        <Text size="sm">
          {t('conflict.points')}:{' '}
          {live.kind === 'points' ? formatPoints(live.points, locale) : live.kind === 'notAssessed' ? t('notAssessed') : '–'}
        </Text>
        {content.notAssessed && (
          <Text size="sm">
            {t('notAssessedReason')}: {content.notAssessedReason || '–'}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('explanation')}: {content.explanation?.trim() || '–'}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The raw value in words: "Có", "12/15", the option's label. */
function describeValue(item: AnswerItem, content: AnswerContent, t: Translate): string {
  const value = content.value?.trim();
  if (!value) return '–';
  const input = inputFromValue(item.method, value);
  if (input.kind === 'yesNo' && input.answer !== null) return input.answer ? t('field.yes') : t('field.no');
  if (input.kind === 'option' && item.method.type === 'options') {
    return item.method.options.find((option) => option.code === input.code)?.label ?? value;
  }
  return value;
}
