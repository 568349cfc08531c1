import '@mantine/dropzone/styles.css';
import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatBytes, formatDate, formatNumber } from '../../shared/format';
import { UNIT_KINDS } from '../../shared/labels';
import { PageHeader } from '../../shared/page-header';
import { ProblemList } from '../../shared/problem-list';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import {
  type MapCohort,
  type UnitMapReport,
  type UnitMapSummary,
  useDeleteUnitMap,
  useUnitMaps,
  useUploadUnitMap,
} from './unit-map-queries';
import { canSaveMap, codePropertyChoices, nameFromFile } from './unit-map-report';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = { 'application/geo+json': ['.geojson'], 'application/json': ['.json', '.geojson'] };
const COHORTS = UNIT_KINDS as readonly MapCohort[];

/**
 * Boundary maps of the cohorts (/quan-tri/ban-do): the list for the administrator and the period
 * manager; the administrator uploads a GeoJSON, sees the server's check (the code property, matched
 * units, areas without a unit, units without an area) before anything is stored, then saves.
 */
export default function UnitMapsPage() {
  const t = useMessages(adminMessages);
  const { data: user } = useCurrentUser();
  const maps = useUnitMaps();
  const isAdministrator = holds(user, 'unitMap.manage');

  return (
    <Stack gap="lg">
      <PageHeader title={t('mapsTitle')} description={t('mapsIntro')} />
      {!isAdministrator && (
        <Alert color="blue" variant="light">
          {t('mapsReadOnly')}
        </Alert>
      )}
      {maps.isPending ? (
        <PageLoader />
      ) : maps.isError ? (
        <ErrorNotice error={maps.error} />
      ) : (
        <MapList maps={maps.data} canDelete={isAdministrator} />
      )}
      {isAdministrator && maps.data && <MapUpload maps={maps.data} />}
    </Stack>
  );
}

function MapList({ maps, canDelete }: { maps: UnitMapSummary[]; canDelete: boolean }) {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const { locale } = useLocale();
  const [deleting, setDeleting] = useState<UnitMapSummary>();
  const remove = useDeleteUnitMap();

  return (
    <section aria-labelledby="unit-maps-list">
      <Title order={3} id="unit-maps-list" mb="xs">
        {t('mapsListHeading')}
      </Title>
      {maps.length === 0 ? (
        <Text c="dimmed">{t('mapsNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mapCohort')}</Table.Th>
                <Table.Th>{t('mapName')}</Table.Th>
                <Table.Th ta="right">{t('mapFeatures')}</Table.Th>
                <Table.Th ta="right">{t('mapMatched')}</Table.Th>
                <Table.Th ta="right">{t('mapUnmatchedCount')}</Table.Th>
                <Table.Th ta="right">{t('mapWithoutShapeCount')}</Table.Th>
                <Table.Th ta="right">{t('mapSize')}</Table.Th>
                <Table.Th>{t('mapUploaded')}</Table.Th>
                {canDelete && <Table.Th>{t('actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {maps.map((map) => (
                <Table.Tr key={map.id}>
                  <Table.Td>{labels.cohort(map.unitKind)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{map.name}</Text>
                    <Text size="xs" c="dimmed">
                      {map.sourceFileName} · {t('mapCodeProperty')}: <code>{map.codeProperty}</code>
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(map.featureCount, 0, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(map.matchedUnits, 0, locale)}</Table.Td>
                  <Table.Td ta="right">
                    <CountBadge count={map.unmatchedFeatures} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <CountBadge count={map.unitsWithoutShape} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatBytes(map.storedBytes, locale)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('mapUploadedBy', { date: formatDate(map.uploadedAt, locale), name: map.uploadedBy?.displayName ?? '–' })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('mapVersion', { version: map.version })}
                    </Text>
                  </Table.Td>
                  {canDelete && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setDeleting(map)}
                        aria-label={`${t('mapDelete')}: ${labels.cohort(map.unitKind)}`}
                      >
                        {t('mapDelete')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deleting && (
        <Modal
          opened
          onClose={() => setDeleting(undefined)}
          title={t('mapDeleteConfirmTitle', { cohort: labels.cohort(deleting.unitKind) })}
          closeButtonProps={{ 'aria-label': t('close') }}
        >
          <Stack>
            <Text size="sm">{t('mapDeleteConfirm')}</Text>
            {remove.error && <ProblemList error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(undefined)}>
                {t('cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.unitKind, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        message: t('mapDeleted', { cohort: labels.cohort(deleting.unitKind) }),
                      });
                      setDeleting(undefined);
                    },
                  })
                }
              >
                {t('mapDelete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </section>
  );
}

function CountBadge({ count }: { count: number }) {
  const { locale } = useLocale();
  return (
    <Badge variant="light" color={count > 0 ? 'orange' : 'gray'}>
      {formatNumber(count, 0, locale)}
    </Badge>
  );
}

interface ChosenFile {
  name: string;
  content: string;
}

function MapUpload({ maps }: { maps: UnitMapSummary[] }) {
  const t = useMessages(adminMessages);
  const labels = useAdminLabels();
  const { locale } = useLocale();
  const upload = useUploadUnitMap();
  const [cohort, setCohort] = useState<MapCohort>(maps[0]?.unitKind ?? 'district');
  const [name, setName] = useState('');
  const [file, setFile] = useState<ChosenFile>();
  const [report, setReport] = useState<UnitMapReport>();
  const [rejected, setRejected] = useState(false);

  const check = (chosen: ChosenFile, unitKind: MapCohort, codeProperty: string | null) => {
    upload.reset();
    upload.mutate(
      {
        unitKind,
        name: name.trim() || nameFromFile(chosen.name) || chosen.name,
        fileName: chosen.name,
        content: chosen.content,
        codeProperty,
        dryRun: true,
      },
      { onSuccess: setReport, onError: () => setReport(undefined) },
    );
  };
  const drop = async (files: File[]) => {
    const [first] = files;
    if (!first) return;
    setRejected(false);
    setReport(undefined);
    const chosen = { name: first.name, content: await first.text() };
    setFile(chosen);
    if (!name.trim()) setName(maps.find((map) => map.unitKind === cohort)?.name ?? nameFromFile(first.name));
    check(chosen, cohort, null);
  };
  const save = () => {
    if (!file || !report) return;
    upload.mutate(
      {
        unitKind: cohort,
        name: name.trim(),
        fileName: file.name,
        content: file.content,
        codeProperty: report.codeProperty,
        dryRun: false,
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('mapSaved', { cohort: labels.cohort(cohort), matched: saved.matchedUnits.length }),
          });
          setFile(undefined);
          setReport(undefined);
          setName('');
        },
      },
    );
  };

  const choices = report ? codePropertyChoices(report.properties, report.suggestedCodeProperty) : [];
  const choiceLabel = (choice: (typeof choices)[number]) => {
    const option = t('mapPropertyOption', {
      name: choice.name,
      matches: choice.matches,
      count: report?.featureCount ?? 0,
      samples: choice.samples.join(', ') || '–',
    });
    return choice.suggested ? t('mapPropertySuggested', { option }) : option;
  };
  const saving = upload.isPending && upload.variables?.dryRun === false;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-map-upload">
      <Stack gap="md">
        <Title order={3} id="unit-map-upload">
          {t('mapUploadHeading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mapFileHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('mapCohort')}
            value={cohort}
            onChange={(event) => {
              const next = event.currentTarget.value as MapCohort;
              setCohort(next);
              if (file) check(file, next, report?.codeProperty ?? null);
            }}
            data={COHORTS.map((kind) => ({ value: kind, label: labels.cohort(kind) }))}
          />
          <TextInput
            label={t('mapName')}
            description={t('mapNameDescription')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={200}
            required
          />
        </SimpleGrid>
        <Dropzone
          onDrop={drop}
          onReject={() => setRejected(true)}
          accept={ACCEPT}
          maxSize={MAX_FILE_BYTES}
          maxFiles={1}
          multiple={false}
          loading={upload.isPending && upload.variables?.dryRun === true}
          aria-label={t('mapDrop')}
          p="md"
        >
          <Stack gap={4} align="center" style={{ pointerEvents: 'none' }} py="xs">
            <Dropzone.Accept>
              <Text fw={500}>{t('mapDropAccepted')}</Text>
            </Dropzone.Accept>
            <Dropzone.Reject>
              <Text fw={500} c="red">
                {t('mapDropRejected')}
              </Text>
            </Dropzone.Reject>
            <Dropzone.Idle>
              <Text fw={500}>{t('mapDrop')}</Text>
            </Dropzone.Idle>
            {file && (
              <Text size="sm" c="dimmed">
                {file.name} · {formatBytes(new Blob([file.content]).size, locale)}
              </Text>
            )}
          </Stack>
        </Dropzone>
        {rejected && (
          <Alert color="red" variant="light" role="alert">
            {t('mapDropRejected')}
          </Alert>
        )}
        {upload.isPending && upload.variables?.dryRun && (
          <Text size="sm" role="status">
            {t('mapChecking')}
          </Text>
        )}
        {upload.error && <ProblemList error={upload.error} title={t('mapFileRefused', { name: file?.name ?? '' })} />}

        {report && file && (
          <Stack gap="sm" aria-live="polite">
            <Title order={4}>{t('mapReportHeading')}</Title>
            <Text size="sm">
              {t('mapReportSummary', {
                features: formatNumber(report.featureCount, 0, locale),
                matched: formatNumber(report.matchedUnits.length, 0, locale),
                points: formatNumber(report.points.read, 0, locale),
                kept: formatNumber(report.points.kept, 0, locale),
                size: report.storedBytes === null ? '–' : formatBytes(report.storedBytes, locale),
              })}
            </Text>
            <Select
              label={t('mapCodePropertyLabel')}
              description={t('mapCodePropertyDescription')}
              data={choices.map((choice) => ({ value: choice.name, label: choiceLabel(choice) }))}
              value={report.codeProperty}
              onChange={(value) => value && check(file, cohort, value)}
              allowDeselect={false}
              searchable={choices.length > 8}
              maw={720}
            />
            {report.problems.length > 0 ? (
              <Alert color="red" title={t('mapNotReady')} role="alert">
                <List size="sm" spacing={4}>
                  {report.problems.map((problem) => (
                    <List.Item key={`${problem.code}-${problem.location?.path ?? problem.message}`}>{problem.message}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Alert color="green" variant="light">
                {t('mapReady', { matched: report.matchedUnits.length })}
                {report.replaces && (
                  <Text size="sm" mt={4}>
                    {t('mapReplaces', {
                      name: report.replaces.name,
                      version: report.replaces.version,
                      date: formatDate(report.replaces.uploadedAt, locale),
                    })}
                  </Text>
                )}
              </Alert>
            )}
            {report.codeProperty && <MatchDetails report={report} />}
            <Group justify="flex-end">
              <Button onClick={save} disabled={!canSaveMap(report, name) || upload.isPending} loading={saving}>
                {t('mapSave')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Which units the file matched and the two kinds of warning, each list folded under its count. */
function MatchDetails({ report }: { report: UnitMapReport }) {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const warnings = [
    ...(report.unmatchedFeatures.length > 0 ? ['unmatched'] : []),
    ...(report.unitsWithoutShape.length > 0 ? ['withoutShape'] : []),
  ];
  return (
    <Accordion multiple defaultValue={warnings} variant="separated">
      <Accordion.Item value="unmatched">
        <Accordion.Control>
          <Group gap="xs">
            <Text size="sm">{t('mapUnmatchedHeading', { count: report.unmatchedFeatures.length })}</Text>
            {report.unmatchedFeatures.length > 0 && <Badge color="orange">{report.unmatchedFeatures.length}</Badge>}
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          {report.unmatchedFeatures.length === 0 ? (
            <Text size="sm">{t('mapNoneOk')}</Text>
          ) : (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('mapUnmatchedHelp')}
              </Text>
              <List size="sm" spacing={2} mah={240} style={{ overflowY: 'auto' }}>
                {report.unmatchedFeatures.map((feature) => (
                  <List.Item key={feature.feature}>
                    {t('mapFeatureNumber', { feature: feature.feature })}
                    {feature.label ? ` (${feature.label})` : ''}: <code>{feature.code ?? t('mapNoCode')}</code>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="withoutShape">
        <Accordion.Control>
          <Group gap="xs">
            <Text size="sm">{t('mapWithoutShapeHeading', { count: report.unitsWithoutShape.length })}</Text>
            {report.unitsWithoutShape.length > 0 && <Badge color="orange">{report.unitsWithoutShape.length}</Badge>}
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          {report.unitsWithoutShape.length === 0 ? (
            <Text size="sm">{t('mapNoneOk')}</Text>
          ) : (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('mapWithoutShapeHelp')}
              </Text>
              <List size="sm" spacing={2} mah={240} style={{ overflowY: 'auto' }}>
                {report.unitsWithoutShape.map((unit) => (
                  <List.Item key={unit.code}>
                    <code>{unit.code}</code> {unit.name}
                    {unit.activeTo ? ` · ${t('mapActiveTo', { date: formatDate(unit.activeTo, locale) })}` : ''}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="matched">
        <Accordion.Control>
          <Text size="sm">{t('mapMatchedHeading', { count: report.matchedUnits.length })}</Text>
        </Accordion.Control>
        <Accordion.Panel>
          <List size="sm" spacing={2} mah={240} style={{ overflowY: 'auto' }}>
            {report.matchedUnits.map((unit) => (
              <List.Item key={unit.code}>
                <code>{unit.code}</code> {unit.name}
              </List.Item>
            ))}
          </List>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
