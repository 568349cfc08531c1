import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatPoints } from '../../shared/format';
import { uploadWithProgress } from '../../shared/upload-with-progress';
import { workspaceMessages } from './messages';
import { type ImportReport, importUrl, templateUrl, workspaceKeys } from './workspace-api';

type RowFilter = 'changed' | 'rejected' | 'all';

interface Props {
  opened: boolean;
  onClose: () => void;
  assessmentId: string;
  /** Imports are possible only while the unit edits its self-assessment. */
  canImport: boolean;
  hasUnsavedWork: boolean;
  csrfToken: string | undefined;
  isKnown: (code: string) => boolean;
  onSelect: (code: string) => void;
}

const STATUS_COLORS = { imported: 'green', rejected: 'red', unchanged: 'dimmed' } as const;

/**
 * Offline filling: download the unit's spreadsheet (pre-filled with what is entered so far), fill it
 * in Excel, upload it back, and read what was imported and what was rejected and why, row by row.
 */
export function OfflineModal(props: Props) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<RowFilter>('changed');
  const narrow = useMediaQuery('(max-width: 36em)');

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setProgress(0);
    try {
      const result = await uploadWithProgress<ImportReport>({
        url: importUrl(props.assessmentId),
        field: 'file',
        file,
        csrfToken: props.csrfToken,
        language: locale,
        onProgress: setProgress,
      });
      setReport(result);
      setFilter(result.rejected > 0 ? 'rejected' : 'changed');
      // New versions of the imported answers: the page takes them in.
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.view(props.assessmentId), exact: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setProgress(null);
    }
  };

  const rows = (report?.rows ?? []).filter((row) =>
    filter === 'all' ? true : filter === 'rejected' ? row.status === 'rejected' : row.status !== 'unchanged',
  );

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('offline.title')} size="xl" fullScreen={narrow}>
      <Stack>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('offline.step1')}</List.Item>
          <List.Item>{t('offline.step2')}</List.Item>
          <List.Item>{t('offline.step3')}</List.Item>
        </List>
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={templateUrl(props.assessmentId)} download variant="light">
            {t('offline.download')}
          </Button>
          {props.canImport && (
            <FileButton
              onChange={upload}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            >
              {(fileProps) => (
                <Button {...fileProps} loading={progress !== null}>
                  {t('offline.upload')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {!props.canImport && (
          <Text size="sm" c="dimmed">
            {t('offline.readOnly')}
          </Text>
        )}
        {props.canImport && props.hasUnsavedWork && (
          <Alert color="yellow" variant="light">
            {t('offline.unsaved')}
          </Alert>
        )}
        {progress !== null && <Progress value={progress * 100} animated={progress >= 1} aria-label={t('offline.uploading')} />}
        {error && (
          <Alert color="red" variant="light" role="alert" title={t('offline.failed')}>
            {error}
          </Alert>
        )}
        {report && (
          <Stack gap="sm">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {report.file}:
              </Text>
              <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
                {t('offline.imported', { count: report.imported })}
              </Badge>
              <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
                {t('offline.rejected', { count: report.rejected })}
              </Badge>
              <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                {t('offline.unchanged', { count: report.unchanged })}
              </Badge>
            </Group>
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={(value) => setFilter(value as RowFilter)}
              data={[
                { value: 'changed', label: t('offline.filterChanged') },
                { value: 'rejected', label: t('offline.filterRejected') },
                { value: 'all', label: t('offline.filterAll') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('offline.noRows')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560} maxHeight={420}>
                <Table striped stickyHeader fz="sm" verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('offline.row')}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('offline.indicator')}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('offline.status')}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('offline.points')}</Table.Th>
                      <Table.Th>{t('offline.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={`${row.row}:${row.indicator}`}>
                        <Table.Td>{row.row}</Table.Td>
                        <Table.Td>
                          {!props.isKnown(row.indicator) ? (
                            row.indicator || '–'
                          ) : (
                            <Anchor
                              component="button"
                              type="button"
                              size="sm"
                              onClick={() => {
                                props.onClose();
                                props.onSelect(row.indicator);
                              }}
                            >
                              {row.indicator}
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm" fw={600} c={STATUS_COLORS[row.status]}>
                            {t(`offline.status.${row.status}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {row.status === 'rejected' ? '' : formatPoints(row.selfPoints, locale)}
                        </Table.Td>
                        <Table.Td>{row.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
