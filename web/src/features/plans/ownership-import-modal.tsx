import { Alert, Anchor, Button, FileButton, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { ProblemList } from '../../shared/problem-list';
import { planMessages } from './messages';
import { useImportOwnership } from './plan-queries';
import type { Ownership } from './plan-records';

const OWNERS_SAMPLE = 'indicator,lead,coordinating\n1.1,STTTT,SNV;VPUBND\n1.2,SNV,\n';

/**
 * owners.csv (indicator,lead,coordinating; coordinating separated by ;), in two steps: the server
 * checks it (every bad row reported, nothing written), then the same file replaces the table.
 */
export function OwnershipImportModal({
  frameworkId,
  dirty,
  onClose,
}: {
  frameworkId: string;
  dirty: boolean;
  onClose: () => void;
}) {
  const t = useMessages(planMessages);
  const importOwners = useImportOwnership(frameworkId);
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [preview, setPreview] = useState<Ownership[]>();

  const check = async (chosen: File | null) => {
    if (!chosen) return;
    setPreview(undefined);
    importOwners.reset();
    const content = await chosen.text();
    setFile({ name: chosen.name, content });
    importOwners.mutate({ fileName: chosen.name, content, dryRun: true }, { onSuccess: setPreview });
  };
  const apply = () => {
    if (!file) return;
    importOwners.mutate(
      { fileName: file.name, content: file.content, dryRun: false },
      {
        onSuccess: (owners) => {
          notifications.show({ color: 'green', message: t('ownershipSaved', { count: owners.length }) });
          onClose();
        },
      },
    );
  };
  const sampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${OWNERS_SAMPLE}`)}`;

  return (
    <Modal opened onClose={onClose} title={t('importOwnersTitle')} size="xl">
      <Stack>
        <Text size="sm">{t('importOwnersIntro')}</Text>
        <List size="sm" spacing={2}>
          <List.Item>{t('ownersColumnIndicator')}</List.Item>
          <List.Item>{t('ownersColumnLead')}</List.Item>
          <List.Item>{t('ownersColumnCoordinating')}</List.Item>
        </List>
        {dirty && (
          <Alert color="orange" role="status">
            {t('importReplacesUnsaved')}
          </Alert>
        )}
        <Group>
          <FileButton onChange={check} accept=".csv,.txt,text/csv">
            {(props) => (
              <Button {...props} loading={importOwners.isPending && !preview}>
                {file ? t('chooseAnotherFile') : t('chooseCsv')}
              </Button>
            )}
          </FileButton>
          <Anchor href={sampleHref} download="owners-mau.csv" size="sm">
            {t('downloadSample')}
          </Anchor>
          {file && (
            <Text size="sm" c="dimmed">
              {file.name}
            </Text>
          )}
        </Group>
        {importOwners.error && <ProblemList error={importOwners.error} title={t('importRefused', { name: file?.name ?? '' })} />}
        {preview && (
          <>
            <Alert color="green">{t('importOwnersReady', { count: preview.length })}</Alert>
            <Table.ScrollContainer minWidth={480} mah={320}>
              <Table striped verticalSpacing={4} stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={90}>{t('code')}</Table.Th>
                    <Table.Th>{t('leadUnit')}</Table.Th>
                    <Table.Th>{t('coordinatingUnits')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.map((owner) => (
                    <Table.Tr key={owner.indicator}>
                      <Table.Td ff="monospace">{owner.indicator}</Table.Td>
                      <Table.Td ff="monospace">{owner.lead}</Table.Td>
                      <Table.Td ff="monospace">{owner.coordinating.join('; ') || '–'}</Table.Td>
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
          <Button onClick={apply} disabled={!preview} loading={importOwners.isPending && Boolean(preview)}>
            {t('importOwnersApply', { count: preview?.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
