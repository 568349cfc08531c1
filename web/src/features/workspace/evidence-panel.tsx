import '@mantine/dropzone/styles.css';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  Dropzone,
  IMAGE_MIME_TYPE,
  MS_EXCEL_MIME_TYPE,
  MS_POWERPOINT_MIME_TYPE,
  MS_WORD_MIME_TYPE,
  PDF_MIME_TYPE,
} from '@mantine/dropzone';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatBytes, formatDate, formatDateTime } from '../../shared/format';
import { uploadWithProgress } from '../../shared/upload-with-progress';
import { workspaceMessages } from './messages';
import { addReference, deleteEvidence, type EvidenceItem, evidenceUploadUrl, useEvidence, workspaceKeys } from './workspace-api';

/** What the server accepts (it checks the content, not these names): PDF, images, Office and OpenDocument, text. */
const ACCEPT = [
  ...PDF_MIME_TYPE,
  ...IMAGE_MIME_TYPE,
  ...MS_WORD_MIME_TYPE,
  ...MS_EXCEL_MIME_TYPE,
  ...MS_POWERPOINT_MIME_TYPE,
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
];

interface Upload {
  id: number;
  file: File;
  progress: number;
  status: 'uploading' | 'failed';
  error: string | null;
}

interface Props {
  assessmentId: string;
  code: string;
  /** Evidence may be added or removed now (self-assessment, or an open supplementation request). */
  canEdit: boolean;
  csrfToken: string | undefined;
  onCount: (code: string, count: number) => void;
}

/**
 * Tài liệu kiểm chứng of one indicator: files (dropped or chosen, several at once, each with its
 * own progress bar) and document references (số hiệu, ngày, cơ quan ban hành, trích yếu).
 */
export function EvidencePanel({ assessmentId, code, canEdit, csrfToken, onCount }: Props) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const evidence = useEvidence(assessmentId, code);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const nextId = useRef(0);
  const [showReference, setShowReference] = useState(false);

  useEffect(() => {
    if (evidence.data) onCount(code, evidence.data.length);
  }, [evidence.data, code, onCount]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.evidence(assessmentId, code) });
    // The view's evidence counts feed the progress of the main index.
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.view(assessmentId), exact: true });
  };

  const update = (id: number, patch: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.id === id ? { ...upload, ...patch } : upload)));

  const start = (upload: Upload) => {
    update(upload.id, { status: 'uploading', progress: 0, error: null });
    uploadWithProgress({
      url: evidenceUploadUrl(assessmentId, code),
      field: 'files',
      file: upload.file,
      csrfToken,
      language: locale,
      onProgress: (progress) => update(upload.id, { progress }),
    }).then(
      async () => {
        await refresh();
        setUploads((current) => current.filter((item) => item.id !== upload.id));
      },
      (error: unknown) => update(upload.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  };

  const drop = (files: File[]) => {
    setRejected([]);
    // One request per file: each gets its own progress bar and its own refusal.
    const added = files.map((file) => ({ id: nextId.current++, file, progress: 0, status: 'uploading' as const, error: null }));
    setUploads((current) => [...current, ...added]);
    for (const upload of added) start(upload);
  };

  const items = evidence.data ?? [];
  return (
    <Stack gap="sm">
      {canEdit && (
        <Dropzone
          onDrop={drop}
          onReject={(rejections) => setRejected(rejections.map((rejection) => rejection.file.name))}
          accept={ACCEPT}
          maxFiles={10}
          multiple
          aria-label={t('evidence.dropLabel')}
          p="md"
        >
          <Stack gap={4} align="center" style={{ pointerEvents: 'none' }} py="xs">
            <Dropzone.Accept>
              <Text fw={500}>{t('evidence.dropAccept')}</Text>
            </Dropzone.Accept>
            <Dropzone.Reject>
              <Text fw={500} c="red">
                {t('evidence.dropReject')}
              </Text>
            </Dropzone.Reject>
            <Dropzone.Idle>
              <Text fw={500}>{t('evidence.dropIdle')}</Text>
            </Dropzone.Idle>
            <Text size="xs" c="dimmed" ta="center">
              {t('evidence.dropHint')}
            </Text>
          </Stack>
        </Dropzone>
      )}
      {rejected.length > 0 && (
        <Alert color="red" variant="light" p="xs">
          {t('evidence.rejectedTypes', { files: rejected.join(', ') })}
        </Alert>
      )}
      {uploads.map((upload) => (
        <Paper key={upload.id} withBorder p="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
              {upload.file.name}{' '}
              <Text span c="dimmed" size="xs">
                {formatBytes(upload.file.size, locale)}
              </Text>
            </Text>
            {upload.status === 'failed' ? (
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="light" onClick={() => start(upload)}>
                  {t('evidence.retry')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => setUploads((current) => current.filter((item) => item.id !== upload.id))}
                >
                  {t('evidence.dismiss')}
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                {Math.round(upload.progress * 100)}%
              </Text>
            )}
          </Group>
          <Progress
            mt={6}
            value={upload.status === 'failed' ? 100 : upload.progress * 100}
            color={upload.status === 'failed' ? 'red' : 'blue'}
            animated={upload.status === 'uploading' && upload.progress >= 1}
            aria-label={t('evidence.progress', { file: upload.file.name })}
          />
          {upload.error && (
            <Text size="xs" c="red" mt={4} role="alert">
              {upload.error}
            </Text>
          )}
        </Paper>
      ))}

      {evidence.isError && (
        <Alert color="red" variant="light">
          {evidence.error.message}
        </Alert>
      )}
      {evidence.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('evidence.none')}
        </Text>
      )}
      {items.map((item) => (
        <EvidenceRow key={item.id} item={item} canDelete={canEdit} assessmentId={assessmentId} code={code} onChanged={refresh} />
      ))}

      {canEdit && (
        <>
          <Button
            variant="default"
            size="xs"
            onClick={() => setShowReference((open) => !open)}
            style={{ alignSelf: 'flex-start' }}
          >
            {showReference ? t('reference.hide') : t('reference.add')}
          </Button>
          <Collapse expanded={showReference}>
            <ReferenceForm
              assessmentId={assessmentId}
              code={code}
              onAdded={async () => {
                await refresh();
                setShowReference(false);
              }}
            />
          </Collapse>
        </>
      )}
    </Stack>
  );
}

function EvidenceRow({
  item,
  canDelete,
  assessmentId,
  code,
  onChanged,
}: {
  item: EvidenceItem;
  canDelete: boolean;
  assessmentId: string;
  code: string;
  onChanged: () => Promise<void>;
}) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteEvidence(assessmentId, code, item.id);
      await onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setBusy(false);
      setConfirming(false);
    }
  };
  const title =
    item.kind === 'file' ? (
      <Anchor href={item.contentUrl ?? undefined} target="_blank" rel="noopener noreferrer" size="sm" fw={500}>
        {item.fileName}
      </Anchor>
    ) : (
      <Text size="sm" fw={500}>
        {item.documentNumber}
        {item.documentDate ? ` ${t('reference.dated', { date: formatDate(item.documentDate, locale) })}` : ''}
        {item.issuer ? ` — ${item.issuer}` : ''}
      </Text>
    );
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Badge size="xs" variant="outline" color={item.kind === 'file' ? 'blue' : 'gray'} style={{ textTransform: 'none' }}>
              {item.kind === 'file' ? t('evidence.file') : t('evidence.reference')}
            </Badge>
            {item.supplementary && (
              <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                {t('evidence.supplementary')}
              </Badge>
            )}
            {title}
          </Group>
          {item.kind === 'reference' && item.summary && (
            <Text size="sm" c="dimmed">
              {item.summary}
            </Text>
          )}
          {item.kind === 'reference' && item.link && (
            <Anchor href={item.link} target="_blank" rel="noopener noreferrer" size="xs" style={{ wordBreak: 'break-all' }}>
              {item.link}
            </Anchor>
          )}
          <Text size="xs" c="dimmed">
            {[
              item.kind === 'file' ? formatBytes(item.sizeBytes, locale) : null,
              formatDateTime(item.createdAt, locale),
              item.createdBy?.displayName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {error && (
            <Text size="xs" c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
        {canDelete &&
          (confirming ? (
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" color="red" loading={busy} onClick={remove}>
                {t('evidence.confirmDelete')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </Button>
            </Group>
          ) : (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('evidence.delete', { name: item.fileName ?? item.documentNumber ?? '' })}
              title={t('evidence.delete', { name: item.fileName ?? item.documentNumber ?? '' })}
              onClick={() => setConfirming(true)}
            >
              ✕
            </ActionIcon>
          ))}
      </Group>
    </Paper>
  );
}

function ReferenceForm({ assessmentId, code, onAdded }: { assessmentId: string; code: string; onAdded: () => Promise<void> }) {
  const t = useMessages(workspaceMessages);
  const empty = { documentNumber: '', documentDate: '', issuer: '', summary: '', link: '' };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const missing = (value: string) => (touched && !value.trim() ? t('required') : undefined);
  const datePattern = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
  const dateError =
    touched && form.documentDate.trim() && !datePattern.test(form.documentDate.trim()) ? t('reference.dateFormat') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const { documentNumber, documentDate, issuer, summary } = form;
    if (![documentNumber, documentDate, issuer, summary].every((value) => value.trim()) || !datePattern.test(documentDate.trim()))
      return;
    setBusy(true);
    setError(null);
    try {
      await addReference(assessmentId, code, { ...form, link: form.link.trim() || null });
      setForm(empty);
      setTouched(false);
      await onAdded();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof empty) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
  });

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('reference.number')}
            placeholder="2001/QĐ-UBND"
            required
            error={missing(form.documentNumber)}
            {...field('documentNumber')}
          />
          <TextInput
            label={t('reference.date')}
            placeholder="31/10/2022"
            required
            error={missing(form.documentDate) ?? dateError}
            {...field('documentDate')}
          />
        </SimpleGrid>
        <TextInput
          label={t('reference.issuer')}
          placeholder={t('reference.issuerPlaceholder')}
          required
          error={missing(form.issuer)}
          {...field('issuer')}
        />
        <Textarea
          label={t('reference.summary')}
          autosize
          minRows={2}
          required
          error={missing(form.summary)}
          {...field('summary')}
        />
        <TextInput label={t('reference.link')} placeholder="https://" type="url" {...field('link')} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy}>
            {t('reference.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
