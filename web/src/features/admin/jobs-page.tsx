import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDateTime, formatPlain } from '../../shared/format';
import { type ListColumn, ListTable } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { AdministratorOnly } from './admin-layout';
import { jobMessages } from './job-messages';
import { type FailedJob, useJobStatus, useRetryJob } from './job-queries';

export default function JobsPage() {
  return (
    <AdministratorOnly capability="job.manage">
      <Jobs />
    </AdministratorOnly>
  );
}

/**
 * The administrator's view of the background work (issue 12): whether e-mail is on, how many e-mails
 * wait or failed, and each failed job with its error and a retry.
 */
function Jobs() {
  const t = useMessages(jobMessages);
  const { locale } = useLocale();
  const status = useJobStatus();
  const retry = useRetryJob();
  if (status.isPending) return <PageLoader />;
  if (status.error) return <ErrorNotice error={status.error} />;
  const data = status.data;
  const queueName = (queue: string) =>
    queue === 'notification-email' ? t('queueEmail') : queue === 'deadline-reminders' ? t('queueReminders') : queue;
  const columns: ListColumn<FailedJob>[] = [
    { header: t('queue'), cell: (job) => queueName(job.queue) },
    { header: t('error'), alone: true, cell: (job) => <Code block>{job.error || '—'}</Code> },
    { header: t('attempts'), align: 'right', cell: (job) => formatPlain(job.attempts, locale) },
    { header: t('failedAt'), cell: (job) => formatDateTime(job.failedAt, locale) },
    {
      header: t('actions'),
      cell: (job) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => retry.mutate(job)}
          loading={retry.isPending && retry.variables?.id === job.id}
        >
          {t('retry')}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description')} />
      {data.email.enabled ? (
        <Alert color="green" title={t('emailOnTitle')}>
          {t('emailOn', { from: data.email.from ?? '' })}
        </Alert>
      ) : (
        <Alert color="yellow" title={t('emailOffTitle')}>
          {t('emailOff')}
        </Alert>
      )}
      {!data.running && <Alert color="red">{t('notRunning')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t('pendingEmails')} value={formatPlain(data.counts.pendingEmails, locale)} />
        <Stat label={t('failedEmails')} value={formatPlain(data.counts.failedEmails, locale)} />
        <Stat label={t('failedJobs')} value={formatPlain(data.counts.failedJobs, locale)} />
      </SimpleGrid>
      {retry.isError && <ErrorNotice error={retry.error} />}
      <ListTable rows={data.failed} columns={columns} rowKey={(job) => job.id} empty={t('noFailed')} minWidth={800} />
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" align="baseline">
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
