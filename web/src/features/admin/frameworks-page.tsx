import { Anchor, Badge, Button, FileButton, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import classes from '../../app/stacked-table.module.css';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatNumber, matchesSearch } from '../../shared/format';
import { UNIT_KINDS } from '../../shared/labels';
import { PageHeader } from './admin-layout';
import type { FrameworkSummary } from './admin-records';
import { CloneFrameworkModal } from './clone-framework-modal';
import { useFrameworks, useImportFramework } from './framework-queries';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { ProblemList } from './problem-list';

/** Largest framework file read in the browser; the server refuses bodies over 1 MB anyway. */
const MAX_FILE_BYTES = 900_000;

/** The frameworks: the built-in library and the province's own, imported from a file or cloned. */
export default function FrameworksPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const importFramework = useImportFramework();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [cloneSource, setCloneSource] = useState<FrameworkSummary>();
  const [importFileName, setImportFileName] = useState<string>();
  const [fileProblem, setFileProblem] = useState<string>();

  const rows = useMemo(
    () =>
      (frameworks.data ?? [])
        .filter((framework) => !kind || framework.unitKind === kind)
        .filter((framework) => !search.trim() || matchesSearch(`${framework.id} ${framework.name} ${framework.year}`, search))
        .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)),
    [frameworks.data, kind, search],
  );

  const readFile = async (file: File | null) => {
    if (!file) return;
    importFramework.reset();
    setFileProblem(undefined);
    setImportFileName(file.name);
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(t('fileTooLarge', { name: file.name }));
      return;
    }
    const content = await file.text();
    importFramework.mutate(
      { fileName: file.name, content },
      {
        onSuccess: ({ id }) => {
          notifications.show({ color: 'green', message: t('frameworkImported', { id }) });
          navigate(`/quan-tri/bo-chi-so/${id}`);
        },
      },
    );
  };

  return (
    <Stack>
      <PageHeader
        title={t('frameworksTitle')}
        description={t('frameworksIntro')}
        actions={
          <Group mt="xs">
            <FileButton onChange={readFile} accept=".yaml,.yml,.json,application/json,text/yaml">
              {(props) => (
                <Button {...props} loading={importFramework.isPending}>
                  {t('importFramework')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('importFrameworkHelp')}
            </Text>
          </Group>
        }
      />
      {fileProblem && <ProblemList error={new Error(fileProblem)} onClose={() => setFileProblem(undefined)} />}
      {importFramework.error && (
        <ProblemList
          error={importFramework.error}
          title={t('importRefused', { name: importFileName ?? '' })}
          onClose={() => importFramework.reset()}
        />
      )}
      <Group align="flex-end">
        <TextInput
          label={t('search')}
          placeholder={t('frameworkSearchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
        />
        <Select
          label={t('unitKind')}
          placeholder={t('allKinds')}
          data={UNIT_KINDS.map((value) => ({ value, label: labels.unitKind(value) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={220}
        />
      </Group>
      {frameworks.isPending ? (
        <PageLoader />
      ) : frameworks.error ? (
        <ErrorNotice error={frameworks.error} />
      ) : (
        <Table.ScrollContainer minWidth={900} className={classes.container}>
          <Table striped highlightOnHover verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('frameworkName')}</Table.Th>
                <Table.Th>{t('year')}</Table.Th>
                <Table.Th>{t('unitKind')}</Table.Th>
                <Table.Th ta="right">{t('maxPoints')}</Table.Th>
                <Table.Th ta="right">{t('mainIndicesCount')}</Table.Th>
                <Table.Th ta="right">{t('indicatorsCount')}</Table.Th>
                <Table.Th w={120}>{t('source')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((framework) => (
                <Table.Tr key={framework.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/quan-tri/bo-chi-so/${framework.id}`} fw={500}>
                      {framework.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {framework.id}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={t('year')}>{framework.year}</Table.Td>
                  <Table.Td data-label={t('unitKind')}>{labels.unitKind(framework.unitKind)}</Table.Td>
                  <Table.Td ta="right" data-label={t('maxPoints')}>
                    {formatNumber(framework.maxPoints, 0, locale)}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t('mainIndicesCount')}>
                    {framework.mainIndices}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t('indicatorsCount')}>
                    {framework.indicators}
                  </Table.Td>
                  <Table.Td data-label={t('source')}>
                    <Badge
                      variant="light"
                      color={framework.source === 'builtin' ? 'gray' : 'indigo'}
                      style={{ overflow: 'visible' }}
                    >
                      {framework.source === 'builtin' ? t('sourceBuiltin') : t('sourceProvince')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setCloneSource(framework)}>
                      {t('cloneAction')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('nothingFound')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CloneFrameworkModal
        source={cloneSource}
        existingIds={(frameworks.data ?? []).map((framework) => framework.id)}
        onClose={() => setCloneSource(undefined)}
      />
    </Stack>
  );
}
