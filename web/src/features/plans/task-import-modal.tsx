import { Alert, Badge, Button, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { ProblemList } from '../../shared/problem-list';
import { planMessages } from './messages';
import { useImportTasks } from './plan-queries';
import type { TaskImportReport } from './plan-records';

/** Bytes → base64 in slices (a workbook of a few hundred kB would overflow one String.fromCharCode call). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/**
 * The task table from an XLSX file (STT, nhiệm vụ, chỉ số, đơn vị chủ trì, đơn vị phối hợp, thời
 * hạn, sản phẩm, trạng thái) in two steps: the server checks every row and reports the bad ones
 * (nothing written), then the same file replaces the draft's tasks in one go — all or nothing.
 */
export function TaskImportModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const importTasks = useImportTasks(planId);
  const [file, setFile] = useState<{ name: string; contentBase64: string }>();
  const [report, setReport] = useState<TaskImportReport>();

  const check = async (chosen: File | null) => {
    if (!chosen) return;
    setReport(undefined);
    importTasks.reset();
    const contentBase64 = toBase64(new Uint8Array(await chosen.arrayBuffer()));
    setFile({ name: chosen.name, contentBase64 });
    importTasks.mutate({ fileName: chosen.name, contentBase64, dryRun: true }, { onSuccess: setReport });
  };
  const apply = () => {
    if (!file) return;
    importTasks.mutate(
      { fileName: file.name, contentBase64: file.contentBase64, dryRun: false },
      {
        onSuccess: (applied) => {
          notifications.show({ color: 'green', message: t('tasksImported', { count: applied.rows }) });
          onClose();
        },
      },
    );
  };
  const problems = report?.problems ?? [];

  return (
    <Modal opened onClose={onClose} title={t('importTasksTitle')} size="xl">
      <Stack>
        <Text size="sm">{t('importTasksIntro')}</Text>
        <Group>
          <FileButton onChange={check} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} loading={importTasks.isPending && !report}>
                {file ? t('chooseAnotherFile') : t('chooseXlsx')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" c="dimmed">
              {file.name}
            </Text>
          )}
        </Group>
        {importTasks.error && <ProblemList error={importTasks.error} title={t('importRefused', { name: file?.name ?? '' })} />}
        {report &&
          (problems.length > 0 ? (
            <>
              <Alert color="red" title={t('importHasProblems', { count: problems.length })}>
                {t('importAllOrNothing')}
              </Alert>
              <Table.ScrollContainer minWidth={560} mah={360}>
                <Table striped verticalSpacing={4} stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t('row')}</Table.Th>
                      <Table.Th w={140}>{t('column')}</Table.Th>
                      <Table.Th>{t('problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.map((problem, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity; the list is replaced whole
                      <Table.Tr key={index}>
                        <Table.Td>{problem.row ?? '–'}</Table.Td>
                        <Table.Td>
                          {problem.column ? (
                            <Badge variant="light" color="red" tt="none">
                              {problem.column}
                            </Badge>
                          ) : (
                            '–'
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{problem.message[locale]}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ) : (
            <Alert color="green" title={t('importTasksReady', { count: report.rows })}>
              {t('importTasksChanges', { added: report.added, updated: report.updated, removed: report.removed })}
            </Alert>
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('close')}
          </Button>
          <Button onClick={apply} disabled={!report || problems.length > 0} loading={importTasks.isPending && Boolean(report)}>
            {t('importTasksApply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
