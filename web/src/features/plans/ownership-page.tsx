import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { Link, useBlocker, useSearchParams } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { localName } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import classes from '../../shared/list-table.module.css';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import { CarryOverModal } from './carry-over-modal';
import { ManagerGate } from './manager-gate';
import { planMessages } from './messages';
import { OwnershipImportModal } from './ownership-import-modal';
import {
  assignedCount,
  assignGroup,
  commonOwner,
  isOwnershipDirty,
  type OwnerCells,
  type OwnershipGroup,
  type OwnershipState,
  ownershipGaps,
  ownershipGroups,
  ownershipStateOf,
  ownersToSave,
  setOwner,
} from './ownership-table';
import { useUnitChoices } from './plan-options';
import { useFramework, useFrameworks, useOwnership, useReplaceOwnership } from './plan-queries';
import type { FrameworkDetail, Ownership } from './plan-records';

/**
 * Who follows each indicator (phân công theo dõi chỉ số): per framework, a lead unit and
 * coordinating units per indicator, set for a whole main index at once or one by one, imported
 * from owners.csv or carried over from another year's framework. Drafts pre-fill owners from here.
 */
export default function OwnershipPage() {
  return (
    <ManagerGate>
      <OwnershipEditorPage />
    </ManagerGate>
  );
}

function OwnershipEditorPage() {
  const t = useMessages(planMessages);
  const labels = useDomainLabels();
  const [params, setParams] = useSearchParams();
  const frameworks = useFrameworks();
  const frameworkId = params.get('bo-chi-so');
  const framework = useFramework(frameworkId);
  const ownership = useOwnership(frameworkId);
  const options = useMemo(
    () =>
      [...(frameworks.data ?? [])]
        .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'))
        .map((candidate) => ({
          value: candidate.id,
          label: `${candidate.name} (${candidate.year}) — ${labels.unitKind(candidate.unitKind)}`,
        })),
    [frameworks.data, labels],
  );

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/ke-hoach">
          {t('plansTitle')}
        </Anchor>
        <Text>{t('ownershipTitle')}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>{t('ownershipTitle')}</Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('ownershipIntro')}
        </Text>
      </Stack>
      <Select
        label={t('framework')}
        placeholder={frameworks.isPending ? t('loading') : t('chooseFramework')}
        data={options}
        value={frameworkId}
        onChange={(value) => setParams(value ? { 'bo-chi-so': value } : {})}
        searchable
        filter={vietnameseOptionsFilter}
        nothingFoundMessage={t('nothingFound')}
        maw={640}
        allowDeselect={false}
      />
      {frameworks.error ? <ErrorNotice error={frameworks.error} /> : null}
      {frameworkId &&
        (framework.error || ownership.error ? (
          <ErrorNotice error={framework.error ?? ownership.error} />
        ) : framework.data && ownership.data ? (
          <OwnershipEditor
            key={`${frameworkId}:${JSON.stringify(ownership.data)}`}
            framework={framework.data}
            saved={ownership.data}
            frameworkOptions={options.filter((option) => option.value !== frameworkId)}
          />
        ) : (
          <PageLoader />
        ))}
    </Stack>
  );
}

function OwnershipEditor({
  framework,
  saved,
  frameworkOptions,
}: {
  framework: FrameworkDetail;
  saved: Ownership[];
  frameworkOptions: { value: string; label: string }[];
}) {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const groups = useMemo(() => ownershipGroups(framework), [framework]);
  const units = useUnitChoices(framework.year);
  const replace = useReplaceOwnership(framework.id);
  const [state, setState] = useState<OwnershipState>(() => ownershipStateOf(groups, saved));
  const [dialog, setDialog] = useState<'import' | 'carry' | null>(null);
  const [showGaps, setShowGaps] = useState(false);
  const dirty = isOwnershipDirty(groups, state, saved);
  const gaps = ownershipGaps(state);
  const total = groups.reduce((sum, group) => sum + group.indicators.length, 0);
  const assigned = groups.reduce((sum, group) => sum + assignedCount(group, state), 0);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  const save = () => {
    setShowGaps(true);
    if (gaps.length > 0) return;
    replace.mutate(ownersToSave(groups, state), {
      onSuccess: (owners) => notifications.show({ color: 'green', message: t('ownershipSaved', { count: owners.length }) }),
    });
  };
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(
    `\uFEFFindicator,lead,coordinating\n${ownersToSave(groups, state)
      .map((owner) => `${owner.indicator},${owner.lead},${owner.coordinating.join(';')}`)
      .join('\n')}\n`,
  )}`;

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Button variant="default" size="sm" onClick={() => setDialog('import')}>
          {t('importOwners')}
        </Button>
        <Button variant="default" size="sm" onClick={() => setDialog('carry')} disabled={frameworkOptions.length === 0}>
          {t('carryOver')}
        </Button>
        <Button component="a" href={csvHref} download={`owners-${framework.id}.csv`} variant="subtle" size="sm">
          {t('downloadOwners')}
        </Button>
      </Group>
      {/* The count and the save button stay in sight while the table scrolls. */}
      <Paper withBorder p="xs" pos="sticky" top={60} style={{ zIndex: 3 }} shadow="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('ownershipAssigned', { assigned, total })}
            </Text>
            {dirty && (
              <Badge color="orange" variant="light" tt="none">
                {t('unsavedChanges')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {dirty && (
              <Button variant="default" size="xs" onClick={() => setState(ownershipStateOf(groups, saved))}>
                {t('undoChanges')}
              </Button>
            )}
            <Button size="xs" onClick={save} disabled={!dirty} loading={replace.isPending}>
              {t('saveOwnership')}
            </Button>
          </Group>
        </Group>
      </Paper>
      {showGaps && gaps.length > 0 && (
        <Alert color="red" role="alert" title={t('ownershipGapsTitle')}>
          {t('ownershipGaps', { codes: gaps.join(', ') })}
        </Alert>
      )}
      {replace.error && <ProblemList error={replace.error} />}
      {groups.map((group) => (
        <GroupCard key={group.code} group={group} state={state} unitOptions={units.options} locale={locale} onChange={setState} />
      ))}
      {dialog === 'import' && <OwnershipImportModal frameworkId={framework.id} dirty={dirty} onClose={() => setDialog(null)} />}
      {dialog === 'carry' && (
        <CarryOverModal frameworkId={framework.id} options={frameworkOptions} dirty={dirty} onClose={() => setDialog(null)} />
      )}
      {blocker.state === 'blocked' && (
        <Modal opened onClose={() => blocker.reset()} title={t('leaveUnsavedTitle')}>
          <Stack>
            <Text size="sm">{t('leaveUnsavedBody')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => blocker.reset()} data-autofocus>
                {t('stayHere')}
              </Button>
              <Button color="red" onClick={() => blocker.proceed()}>
                {t('leaveWithoutSaving')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

function GroupCard({
  group,
  state,
  unitOptions,
  locale,
  onChange,
}: {
  group: OwnershipGroup;
  state: OwnershipState;
  unitOptions: ReturnType<typeof useUnitChoices>['options'];
  locale: 'vi' | 'en';
  onChange: (state: OwnershipState) => void;
}) {
  const t = useMessages(planMessages);
  const common = commonOwner(group, state);
  const [bulk, setBulk] = useState<OwnerCells>(() => common ?? { lead: null, coordinating: [] });
  const [onlyUnassigned, setOnlyUnassigned] = useState(false);
  const name = localName(group, locale);
  const count = assignedCount(group, state);
  const headingId = `owners-${group.code}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {group.code} · {name}
          </Title>
          <Badge color={count === group.indicators.length ? 'green' : count === 0 ? 'gray' : 'orange'} variant="light" tt="none">
            {t('groupAssigned', { assigned: count, total: group.indicators.length })}
          </Badge>
        </Group>
        <Paper p="sm" bg="var(--mantine-color-gray-0)" radius="sm">
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('bulkAssign', { name })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('leadUnit')}
                placeholder={t('notAssigned')}
                data={unitOptions}
                value={bulk.lead}
                onChange={(lead) => setBulk({ lead, coordinating: bulk.coordinating.filter((code) => code !== lead) })}
                searchable
                clearable
                filter={vietnameseOptionsFilter}
                nothingFoundMessage={t('nothingFound')}
              />
              <MultiSelect
                label={t('coordinatingUnits')}
                data={unitOptions}
                value={bulk.coordinating}
                onChange={(coordinating) => setBulk({ ...bulk, coordinating })}
                searchable
                filter={vietnameseOptionsFilter}
                nothingFoundMessage={t('nothingFound')}
              />
            </SimpleGrid>
            <Group justify="space-between" gap="xs">
              <Checkbox
                label={t('onlyUnassigned')}
                checked={onlyUnassigned}
                onChange={(event) => setOnlyUnassigned(event.currentTarget.checked)}
              />
              <Button
                size="xs"
                variant="light"
                disabled={!bulk.lead}
                onClick={() => onChange(assignGroup(state, group, bulk, onlyUnassigned))}
                aria-label={t('applyToGroupNamed', { name })}
              >
                {t('applyToGroup')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Table.ScrollContainer minWidth={760} className={classes.container}>
          <Table striped verticalSpacing={4} className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('code')}</Table.Th>
                <Table.Th>{t('indicatorName')}</Table.Th>
                <Table.Th w={260}>{t('leadUnit')}</Table.Th>
                <Table.Th w={300}>{t('coordinatingUnits')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.indicators.map((indicator) => {
                const cells = state[indicator.code] ?? { lead: null, coordinating: [] };
                const indicatorName = localName(indicator, locale);
                return (
                  <Table.Tr key={indicator.code}>
                    <Table.Td data-label={t('code')} ff="monospace" fw={600}>
                      {indicator.code}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{indicatorName}</Text>
                    </Table.Td>
                    <Table.Td data-label={t('leadUnit')}>
                      <Select
                        aria-label={t('leadUnitOf', { code: indicator.code })}
                        placeholder={t('notAssigned')}
                        data={unitOptions}
                        value={cells.lead}
                        onChange={(lead) => onChange(setOwner(state, indicator.code, { ...cells, lead }))}
                        searchable
                        clearable
                        filter={vietnameseOptionsFilter}
                        nothingFoundMessage={t('nothingFound')}
                        size="xs"
                        style={{ flex: '1 1 14rem' }}
                        error={cells.lead === null && cells.coordinating.length > 0}
                      />
                    </Table.Td>
                    <Table.Td data-label={t('coordinatingUnits')}>
                      <MultiSelect
                        aria-label={t('coordinatingUnitsOf', { code: indicator.code })}
                        data={unitOptions}
                        value={cells.coordinating}
                        onChange={(coordinating) => onChange(setOwner(state, indicator.code, { ...cells, coordinating }))}
                        searchable
                        filter={vietnameseOptionsFilter}
                        nothingFoundMessage={t('nothingFound')}
                        size="xs"
                        style={{ flex: '1 1 14rem' }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
