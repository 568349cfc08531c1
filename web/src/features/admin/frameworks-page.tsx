import { Anchor, Badge, Button, FileButton, Group, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatNumber, matchesSearch } from '../../shared/format';
import { labelledOptions, UNIT_KINDS, useDomainLabels } from '../../shared/labels';
import { ListFilters, ListPage } from '../../shared/list-page';
import { type ListColumn, ListTable } from '../../shared/list-table';
import { ProblemList } from '../../shared/problem-list';
import type { FrameworkSummary } from './admin-records';
import { CloneFrameworkModal } from './clone-framework-modal';
import { useFrameworks, useImportFramework } from './framework-queries';
import { adminMessages } from './messages';

/** Largest framework file read in the browser; the server refuses bodies over 1 MB anyway. */
const MAX_FILE_BYTES = 900_000;

/** The frameworks: the built-in library and the province's own, imported from a file or cloned. */
export default function FrameworksPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useDomainLabels();
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

  const columns: ListColumn<FrameworkSummary>[] = [
    {
      header: t('frameworkName'),
      alone: true,
      cell: (framework) => (
        <>
          <Anchor component={Link} to={`/quan-tri/bo-chi-so/${framework.id}`} fw={500}>
            {framework.name}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {framework.id}
          </Text>
        </>
      ),
    },
    { header: t('year'), cell: (framework) => framework.year },
    { header: t('unitKind'), cell: (framework) => labels.cohort(framework.unitKind) },
    { header: t('maxPoints'), align: 'right', cell: (framework) => formatNumber(framework.maxPoints, 0, locale) },
    { header: t('mainIndicesCount'), align: 'right', cell: (framework) => framework.mainIndices },
    { header: t('indicatorsCount'), align: 'right', cell: (framework) => framework.indicators },
    {
      header: t('source'),
      width: 120,
      cell: (framework) => (
        <Badge variant="light" color={framework.source === 'builtin' ? 'gray' : 'indigo'} style={{ overflow: 'visible' }}>
          {framework.source === 'builtin' ? t('sourceBuiltin') : t('sourceProvince')}
        </Badge>
      ),
    },
    {
      header: t('actions'),
      hiddenHeader: true,
      cell: (framework) => (
        <Button size="compact-sm" variant="subtle" onClick={() => setCloneSource(framework)}>
          {t('cloneAction')}
        </Button>
      ),
    },
  ];

  return (
    <ListPage
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
      notices={
        <>
          {fileProblem && <ProblemList error={new Error(fileProblem)} onClose={() => setFileProblem(undefined)} />}
          {importFramework.error && (
            <ProblemList
              error={importFramework.error}
              title={t('importRefused', { name: importFileName ?? '' })}
              onClose={() => importFramework.reset()}
            />
          )}
        </>
      }
      filters={
        <ListFilters>
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
            data={labelledOptions(UNIT_KINDS, labels.unitKind)}
            value={kind}
            onChange={setKind}
            clearable
            w={220}
          />
        </ListFilters>
      }
      query={frameworks}
      render={() => (
        <ListTable rows={rows} columns={columns} rowKey={(framework) => framework.id} minWidth={900} empty={t('nothingFound')} />
      )}
    >
      <CloneFrameworkModal
        source={cloneSource}
        existingIds={(frameworks.data ?? []).map((framework) => framework.id)}
        onClose={() => setCloneSource(undefined)}
      />
    </ListPage>
  );
}
