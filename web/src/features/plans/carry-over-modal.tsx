import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import { parseCodeMapping } from './code-mapping';
import { planMessages } from './messages';
import { useCarryOverOwnership } from './plan-queries';
import type { CarryOverReport } from './plan-records';

/**
 * Last year's owners carried into this framework by indicator code, and by the old → new pairs the
 * manager types where codes changed (issue 11): a preview of what is carried and what is not (a code
 * this framework does not have), then the carry-over itself.
 */
export function CarryOverModal({
  frameworkId,
  options,
  dirty,
  onClose,
}: {
  frameworkId: string;
  options: { value: string; label: string }[];
  dirty: boolean;
  onClose: () => void;
}) {
  const t = useMessages(planMessages);
  const carry = useCarryOverOwnership(frameworkId);
  const [from, setFrom] = useState<string | null>(null);
  const [preview, setPreview] = useState<CarryOverReport>();
  const [mappingText, setMappingText] = useState('');
  const { mapping, badLines } = parseCodeMapping(mappingText);

  const check = (fromFrameworkId: string | null) => {
    setFrom(fromFrameworkId);
    setPreview(undefined);
    carry.reset();
    if (fromFrameworkId && badLines.length === 0) {
      carry.mutate({ fromFrameworkId, mapping, dryRun: true }, { onSuccess: setPreview });
    }
  };
  const apply = () => {
    if (!from || badLines.length > 0) return;
    carry.mutate(
      { fromFrameworkId: from, mapping, dryRun: false },
      {
        onSuccess: (report) => {
          notifications.show({ color: 'green', message: t('carriedOver', { count: report.carried.length }) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('carryOverTitle')} size="xl">
      <Stack>
        <Text size="sm">{t('carryOverIntro')}</Text>
        {dirty && (
          <Alert color="orange" role="status">
            {t('importReplacesUnsaved')}
          </Alert>
        )}
        <Select
          label={t('carryFrom')}
          placeholder={t('chooseFramework')}
          data={options}
          value={from}
          onChange={check}
          searchable
          filter={vietnameseOptionsFilter}
          nothingFoundMessage={t('nothingFound')}
          data-autofocus
        />
        <Textarea
          label={t('codeMapping')}
          description={t('codeMappingHelp')}
          value={mappingText}
          onChange={(event) => {
            setMappingText(event.currentTarget.value);
            setPreview(undefined);
          }}
          error={badLines.length > 0 ? t('codeMappingBadLines', { lines: badLines.join(', ') }) : undefined}
          autosize
          minRows={2}
          maxRows={8}
          ff="monospace"
        />
        {from && !preview && !carry.isPending && (
          <Group>
            <Button variant="default" onClick={() => check(from)} disabled={badLines.length > 0}>
              {t('previewAgain')}
            </Button>
          </Group>
        )}
        {carry.error && <ProblemList error={carry.error} />}
        {preview && (
          <>
            <Group gap="xs">
              <Badge color="green" variant="light" tt="none">
                {t('carriedCount', { count: preview.carried.length })}
              </Badge>
              <Badge color={preview.notCarried.length > 0 ? 'orange' : 'gray'} variant="light" tt="none">
                {t('notCarriedCount', { count: preview.notCarried?.length ?? 0 })}
              </Badge>
            </Group>
            {preview.notCarried.length > 0 && (
              <Alert color="orange" title={t('notCarriedTitle')}>
                <Text size="sm">{t('notCarriedBody', { codes: preview.notCarried.join(', ') })}</Text>
              </Alert>
            )}
            {preview.unowned.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('unownedAfter', {
                  count: preview.unowned.length,
                  codes:
                    preview.unowned.length > 24 ? `${preview.unowned.slice(0, 24).join(', ')}, …` : preview.unowned.join(', '),
                })}
              </Text>
            )}
            {preview.carried.length > 0 && (
              <Table.ScrollContainer minWidth={480} mah={280}>
                <Table striped verticalSpacing={4} stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={90}>{t('code')}</Table.Th>
                      <Table.Th w={110}>{t('carriedFromCode')}</Table.Th>
                      <Table.Th>{t('leadUnit')}</Table.Th>
                      <Table.Th>{t('coordinatingUnits')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.carried.map((row) => (
                      <Table.Tr key={row.indicator}>
                        <Table.Td ff="monospace">{row.indicator}</Table.Td>
                        <Table.Td ff="monospace">{row.from}</Table.Td>
                        <Table.Td ff="monospace">{row.lead}</Table.Td>
                        <Table.Td ff="monospace">{row.coordinating.join('; ') || '–'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('close')}
          </Button>
          <Button
            onClick={apply}
            disabled={!preview || preview.carried.length === 0}
            loading={carry.isPending && Boolean(preview)}
          >
            {t('carryOverApply', { count: preview?.carried.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
