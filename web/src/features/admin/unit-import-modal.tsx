import { Alert, Anchor, Badge, Button, FileButton, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { toVietnameseDate } from '../../shared/calendar-day';
import { ProblemList } from '../../shared/problem-list';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { UNIT_CSV_SAMPLE } from './unit-form';
import { useImportUnits } from './unit-queries';

type Report = NonNullable<Awaited<ReturnType<ReturnType<typeof useImportUnits>['mutateAsync']>>>;

const ACTION_COLORS = { create: 'green', update: 'blue', unchanged: 'gray', rejected: 'red' } as const;

/**
 * CSV import of units in two steps: the server checks the file and reports row by row (nothing
 * written), then, when no row is rejected, the same file is imported in one go — all or nothing.
 */
export function UnitImportModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const importUnits = useImportUnits();
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [report, setReport] = useState<Report>();

  const check = async (chosen: File | null) => {
    if (!chosen) return;
    setReport(undefined);
    importUnits.reset();
    const content = await chosen.text();
    setFile({ name: chosen.name, content });
    importUnits.mutate({ fileName: chosen.name, content, dryRun: true }, { onSuccess: setReport });
  };
  const apply = () => {
    if (!file) return;
    importUnits.mutate(
      { fileName: file.name, content: file.content, dryRun: false },
      {
        onSuccess: (applied) => {
          notifications.show({
            color: 'green',
            message: t('unitsImported', { created: applied.counts.create, updated: applied.counts.update }),
          });
          onClose();
        },
      },
    );
  };
  const sampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${UNIT_CSV_SAMPLE}`)}`;
  const changes = report ? report.counts.create + report.counts.update : 0;
  const actionLabel = {
    create: t('importCreate'),
    update: t('importUpdate'),
    unchanged: t('importUnchanged'),
    rejected: t('importRejected'),
  };
  const fieldLabel: Record<string, string> = {
    name: t('unitName'),
    kind: t('unitKind'),
    parentCode: t('parentUnit'),
    activeFrom: t('activeFrom'),
    activeTo: t('activeTo'),
  };

  return (
    <Modal opened onClose={onClose} title={t('importUnitsTitle')} size="90rem">
      <Stack>
        <Text size="sm">{t('importUnitsIntro')}</Text>
        <List size="sm" spacing={2}>
          <List.Item>{t('importColumnCode')}</List.Item>
          <List.Item>{t('importColumnName')}</List.Item>
          <List.Item>{t('importColumnKind')}</List.Item>
          <List.Item>{t('importColumnParent')}</List.Item>
          <List.Item>{t('importColumnDates')}</List.Item>
        </List>
        <Group>
          <FileButton onChange={check} accept=".csv,.txt,text/csv">
            {(props) => (
              <Button {...props} loading={importUnits.isPending && !report}>
                {file ? t('chooseAnotherFile') : t('chooseCsv')}
              </Button>
            )}
          </FileButton>
          <Anchor href={sampleHref} download="mau-don-vi.csv" size="sm">
            {t('downloadSample')}
          </Anchor>
          {file && (
            <Text size="sm" c="dimmed">
              {file.name}
            </Text>
          )}
        </Group>
        {importUnits.error && <ProblemList error={importUnits.error} title={t('importRefused', { name: file?.name ?? '' })} />}
        {report && (
          <>
            <Group gap="xs">
              {(['create', 'update', 'unchanged', 'rejected'] as const).map((action) => (
                <Badge
                  key={action}
                  color={ACTION_COLORS[action]}
                  variant={action === 'rejected' && report.counts.rejected > 0 ? 'filled' : 'light'}
                >
                  {actionLabel[action]}: {report.counts[action]}
                </Badge>
              ))}
            </Group>
            {report.counts.rejected > 0 ? (
              <Alert color="red" title={t('importHasRejected', { count: report.counts.rejected })}>
                {t('importAllOrNothing')}
              </Alert>
            ) : changes === 0 ? (
              <Alert color="gray">{t('importNothingToDo')}</Alert>
            ) : (
              <Alert color="green">{t('importReady', { count: changes })}</Alert>
            )}
            <Table.ScrollContainer minWidth={1000} mah={420}>
              <Table striped verticalSpacing={4} stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('row')}</Table.Th>
                    <Table.Th>{t('unitCode')}</Table.Th>
                    <Table.Th>{t('unitName')}</Table.Th>
                    <Table.Th>{t('unitKind')}</Table.Th>
                    <Table.Th>{t('parentUnit')}</Table.Th>
                    <Table.Th>{t('activeDates')}</Table.Th>
                    <Table.Th>{t('result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rows.map((row) => (
                    <Table.Tr key={row.row} bg={row.action === 'rejected' ? 'var(--mantine-color-red-light)' : undefined}>
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {row.code || '–'}
                      </Table.Td>
                      <Table.Td>{row.name || '–'}</Table.Td>
                      <Table.Td>{row.kind ? labels.unitKind(row.kind) : '–'}</Table.Td>
                      <Table.Td ff="monospace">{row.parentCode ?? '–'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {row.activeFrom || row.activeTo
                          ? `${toVietnameseDate(row.activeFrom) || '…'} – ${toVietnameseDate(row.activeTo) || '…'}`
                          : '–'}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={ACTION_COLORS[row.action]} variant="light">
                          {actionLabel[row.action]}
                        </Badge>
                        {row.action === 'update' && (
                          <Text size="xs" c="dimmed">
                            {row.changes.map((field) => fieldLabel[field] ?? field).join(', ')}
                          </Text>
                        )}
                        {row.problems.map((problem) => (
                          <Text key={problem.message} size="xs" c="red">
                            {problem.message}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('close')}
          </Button>
          <Button
            onClick={apply}
            disabled={!report || report.counts.rejected > 0 || changes === 0}
            loading={importUnits.isPending && Boolean(report)}
          >
            {t('importApply', { count: changes })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
