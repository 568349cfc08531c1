import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  List,
  NumberInput,
  Paper,
  Progress,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REPORTED_TASK_STATES, TASK_STATE_LABELS } from '@opendti/core/labels';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../api/session';
import { useLocale, useMessages } from '../../i18n/locale';
import { todayInVietnam } from '../../shared/calendar-day';
import { formatBytes, formatDate, formatDateTime } from '../../shared/format';
import { progressMessages } from './progress-messages';
import { type MyPlanTask, type TaskEvidence, uploadTaskEvidence, useSaveReport } from './progress-queries';
import {
  initialReportForm,
  type ReportField,
  type ReportFormValues,
  reportableRounds,
  reportBody,
  reportFormErrors,
  splitProblems,
} from './report-form';

/** What the server accepts (it checks the content, not these names). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv';

interface Upload {
  id: number;
  name: string;
  progress: number;
  error: string | null;
}

/**
 * The lead unit's report on one task in a round: text, percent, state, links and files. The round
 * chooser offers the open rounds (the one being reported now first; a passed one takes a late
 * report). Files are uploaded as soon as they are chosen and attached to the report on sending.
 */
export function ReportFormCard({
  task,
  dueOn,
  onRoundChange,
}: {
  task: MyPlanTask;
  dueOn: string;
  onRoundChange: (dueOn: string) => void;
}) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const rounds = reportableRounds(task);
  const round = task.reporting.rounds.find((candidate) => candidate.dueOn === dueOn);
  const report = round?.report ?? null;
  const title = (candidate: { title: { vi: string; en: string } }) => candidate.title[locale];
  const today = todayInVietnam();

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('report.title')}
        </Title>
        {rounds.length > 1 ? (
          <Select
            label={t('report.round')}
            data={rounds.map((candidate) => ({
              value: candidate.dueOn,
              label: t('report.roundOption', { title: title(candidate), date: formatDate(candidate.dueOn, locale) }),
            }))}
            value={dueOn}
            onChange={(value) => value && onRoundChange(value)}
            allowDeselect={false}
            maw={420}
          />
        ) : (
          round && (
            <Text size="sm">
              {t('report.round')}: <strong>{title(round)}</strong> · {t('report.due', { date: formatDate(round.dueOn, locale) })}
            </Text>
          )
        )}
        {round && !report && round.dueOn < today && (
          <Alert color="orange" variant="light" p="xs">
            {t('report.late', { date: formatDate(round.dueOn, locale) })}
          </Alert>
        )}
        {report && (
          <Text size="sm" c="dimmed">
            {t('report.editing', { time: formatDateTime(report.submittedAt, locale) })}
          </Text>
        )}
        {/* Remounted per round and per saved version: the form starts from what the server holds. */}
        <ReportFields
          key={`${dueOn}:${report?.version ?? 0}`}
          task={task}
          dueOn={dueOn}
          roundTitle={round ? title(round) : dueOn}
        />
      </Stack>
    </Paper>
  );
}

function ReportFields({ task, dueOn, roundTitle }: { task: MyPlanTask; dueOn: string; roundTitle: string }) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const { data: user } = useCurrentUser();
  const save = useSaveReport(task.planId, task.id);
  const report = task.reporting.rounds.find((candidate) => candidate.dueOn === dueOn)?.report ?? null;
  const [values, setValues] = useState<ReportFormValues>(() => initialReportForm(task, dueOn));
  const [errors, setErrors] = useState<Partial<Record<ReportField, string>>>({});
  const [others, setOthers] = useState<string[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [nextUpload, setNextUpload] = useState(0);

  const set = <K extends keyof ReportFormValues>(field: K, value: ReportFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field === 'evidence' ? 'evidence' : field]: undefined }));
  };

  const upload = async (files: File[]) => {
    let id = nextUpload;
    for (const file of files) {
      const current = id++;
      setUploads((list) => [...list, { id: current, name: file.name, progress: 0, error: null }]);
      try {
        const items = await uploadTaskEvidence({
          planId: task.planId,
          taskId: task.id,
          file,
          csrfToken: user?.csrfToken,
          language: locale,
          onProgress: (progress) =>
            setUploads((list) => list.map((item) => (item.id === current ? { ...item, progress } : item))),
        });
        setValues((form) => ({
          ...form,
          evidence: [...form.evidence, ...items.filter((item) => !form.evidence.some((known) => known.id === item.id))],
        }));
        setUploads((list) => list.filter((item) => item.id !== current));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setUploads((list) => list.map((item) => (item.id === current ? { ...item, error: message } : item)));
      }
    }
    setNextUpload(id);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = reportFormErrors(values);
    const messages = Object.fromEntries(Object.entries(local).map(([field, key]) => [field, t(`error.${key}`)]));
    setErrors(messages);
    setOthers([]);
    if (Object.keys(local).length > 0) return;
    save.mutate(
      { dueOn, body: reportBody(values, report?.version) },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('report.saved', { round: roundTitle }) }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'http.stale-version') {
            // The form is remounted on the newer version the refetch brings; the notice outlives it.
            notifications.show({ color: 'orange', message: t('report.conflict'), autoClose: false });
            return;
          }
          const problems =
            error instanceof ApiError && error.problems.length > 0
              ? (error.problems as { message: string; location?: { path?: string } }[])
              : [{ message: error.message }];
          const split = splitProblems(problems);
          setErrors(split.fields);
          setOthers(split.others);
        },
      },
    );
  };

  const stateOptions = REPORTED_TASK_STATES.map((state) => ({ value: state, label: TASK_STATE_LABELS[state][locale] }));
  const fieldId = `report-${task.id}`;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {others.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('report.fix')}>
            {others.length === 1 ? (
              others[0]
            ) : (
              <List size="sm">
                {others.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Textarea
          id={`${fieldId}-text`}
          label={t('report.text')}
          description={t('report.textHint')}
          value={values.text}
          onChange={(event) => set('text', event.currentTarget.value)}
          error={errors.text}
          required
          autosize
          minRows={3}
          maxRows={12}
          maxLength={5000}
        />
        <Group align="flex-start" gap="lg" wrap="wrap">
          <NumberInput
            label={t('report.percent')}
            value={values.percent}
            onChange={(value) => set('percent', value)}
            min={0}
            max={100}
            step={5}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            error={errors.percent}
            required
            w={180}
          />
          <Radio.Group
            label={t('report.state')}
            description={t('report.stateHint')}
            value={values.state}
            onChange={(value) => set('state', value as ReportFormValues['state'])}
            error={errors.state}
            style={{ flex: 1, minWidth: 240 }}
          >
            <Group gap="md" mt={6}>
              {stateOptions.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Radio.Group>
        </Group>
        <Textarea
          label={t('report.links')}
          description={t('report.linksHint')}
          value={values.links}
          onChange={(event) => set('links', event.currentTarget.value)}
          error={errors.links}
          autosize
          minRows={2}
          maxRows={6}
          placeholder="https://"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id={`${fieldId}-files`}>
            {t('report.files')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('report.filesHint')}
          </Text>
          {values.evidence.length === 0 && uploads.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('report.noFiles')}
            </Text>
          ) : (
            <List size="sm" spacing={4} aria-labelledby={`${fieldId}-files`}>
              {values.evidence.map((file: TaskEvidence) => (
                <List.Item key={file.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
                      {file.fileName}{' '}
                      <Text span size="xs" c="dimmed">
                        {formatBytes(file.size, locale)}
                      </Text>
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={t('report.removeFile', { file: file.fileName })}
                      onClick={() =>
                        set(
                          'evidence',
                          values.evidence.filter((item) => item.id !== file.id),
                        )
                      }
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          {uploads.map((item) => (
            <Stack key={item.id} gap={2}>
              <Progress
                value={item.error ? 100 : item.progress * 100}
                color={item.error ? 'red' : 'blue'}
                aria-label={t('report.uploading', { file: item.name })}
              />
              <Text size="xs" c={item.error ? 'red' : 'dimmed'} role={item.error ? 'alert' : undefined}>
                {item.error ?? t('report.uploading', { file: item.name })}
              </Text>
            </Stack>
          ))}
          {errors.evidence && (
            <Text size="xs" c="red" role="alert">
              {errors.evidence}
            </Text>
          )}
          <FileButton onChange={(files) => void upload(files)} accept={ACCEPT} multiple>
            {(props) => (
              <Button {...props} variant="default" size="xs" style={{ alignSelf: 'flex-start' }}>
                {t('report.choose')}
              </Button>
            )}
          </FileButton>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={uploads.some((item) => item.error === null)}>
            {report ? t('report.update') : t('report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
