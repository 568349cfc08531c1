import { Anchor, Group, List, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatBytes, formatDateTime } from '../../shared/format';
import { TaskStateBadge } from './progress-badges';
import { progressMessages } from './progress-messages';
import type { ProgressReport } from './progress-queries';

/** A progress report, read: what was done, how far, the state reported, its links and files, who sent it when. */
export function ReportView({ report }: { report: ProgressReport }) {
  const t = useMessages(progressMessages);
  const { locale } = useLocale();
  const edited = report.updatedAt !== report.submittedAt;
  return (
    <Stack gap="xs">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {report.text}
      </Text>
      <Group gap="sm" wrap="wrap" align="center">
        <Progress
          value={report.percent}
          w={160}
          color={report.percent >= 100 ? 'green' : 'blue'}
          aria-label={t('view.percent', { percent: report.percent })}
        />
        <Text size="sm">{t('view.percent', { percent: report.percent })}</Text>
        <Group gap={4}>
          <Text size="sm" c="dimmed">
            {t('view.stateReported')}:
          </Text>
          <TaskStateBadge state={report.state} size="sm" />
        </Group>
      </Group>
      {report.links.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('view.links')}
          </Text>
          <List size="sm" spacing={2}>
            {report.links.map((link) => (
              <List.Item key={link} style={{ wordBreak: 'break-all' }}>
                <Anchor href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                  <VisuallyHidden> ({t('view.open')})</VisuallyHidden>
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('view.files')}
        </Text>
        {report.evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('view.noFiles')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {report.evidence.map((file) => (
              <List.Item key={file.id}>
                <Anchor href={file.contentUrl} target="_blank" rel="noopener">
                  {file.fileName}
                  <VisuallyHidden> ({t('view.open')})</VisuallyHidden>
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {formatBytes(file.size, locale)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('view.submitted', {
          time: formatDateTime(report.submittedAt, locale),
          name: report.submittedBy?.displayName ?? report.unit.name,
        })}
        {edited ? ` · ${t('view.updated', { time: formatDateTime(report.updatedAt, locale) })}` : ''}
      </Text>
    </Stack>
  );
}
