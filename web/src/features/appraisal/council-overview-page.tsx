import {
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatPercent, formatPoints, formatSigned, localName } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import { AssessmentStateBadge, SubmittedAtCloseBadge } from '../../shared/state-badges';
import type { OverviewCohort } from './api-types';
import { useCouncilOverview, useProvisionalResults } from './appraisal-queries';
import { ChairActions, type ChairTarget, type Pending, TransitionModal } from './chair-actions';
import { AssignmentsPanel, MinutesPanel } from './council-work-panels';
import { appraisalMessages } from './messages';
import { buildOverviewRows, type MainIndexCell, type OverviewRow, type PointComparison } from './point-differences';

/** Red for a cut, green for a raise: the cells the council looks at first. */
const cellBackground = (comparison: PointComparison) =>
  comparison.cut ? 'var(--mantine-color-red-1)' : comparison.raised ? 'var(--mantine-color-green-1)' : undefined;

/** /tham-dinh/ky/:periodId — units × main indices, self versus appraised points, provisional ranking; the chair finalises and reopens. */
export default function CouncilOverviewPage() {
  const t = useMessages(appraisalMessages);
  const labels = useDomainLabels();
  const { periodId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: user } = useCurrentUser();
  const overview = useCouncilOverview(periodId);
  const cohorts = overview.data?.cohorts ?? [];
  const requestedKind = params.get('nhom');
  const cohort =
    cohorts.find((entry) => entry.unitKind === requestedKind) ??
    cohorts.find((entry) => overview.data?.assessments.some((item) => item.unit.kind === entry.unitKind)) ??
    cohorts[0];
  const results = useProvisionalResults(periodId, cohort?.unitKind);
  const [pending, setPending] = useState<Pending>();
  const narrow = useMediaQuery('(max-width: 36em)');

  if (overview.isPending) return <PageLoader />;
  if (overview.error) return <ErrorNotice error={overview.error} />;
  const { period } = overview.data;
  const assessments = overview.data.assessments.filter((item) => item.unit.kind === cohort?.unitKind);
  const rows = cohort
    ? buildOverviewRows(
        assessments,
        results.data?.units ?? [],
        cohort.mainIndices.map((main) => main.code),
      )
    : [];
  // The finalise column is for whoever may finalise (core's policy); each row's buttons follow what the server allows.
  const closesAppraisals = holds(user, 'appraisal.finalise');
  // The same overview twice: a matrix from the small breakpoint up, one card per unit below it.
  const overviewProps: MatrixProps | undefined =
    cohort && rows.length > 0
      ? {
          cohort,
          rows,
          showActions: closesAppraisals,
          onFinalise: (assessment) => setPending({ kind: 'finalise', assessment }),
          onReopen: (assessment) => setPending({ kind: 'reopen', assessment }),
        }
      : undefined;

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to={`/tham-dinh?ky=${period.id}`} size="sm">
          {t('backToQueue')}
        </Anchor>
        <Text size="sm">{period.name}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm" align="center">
          <Title order={2}>{t('overviewTitle')}</Title>
          <Badge variant="outline" color={period.state === 'appraisal' ? 'indigo' : 'gray'} tt="none">
            {labels.periodState(period.state)}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {period.name}
        </Text>
      </div>
      <Text size="sm">{t('overviewIntro')}</Text>

      {cohorts.length > 1 && (
        <SegmentedControl
          orientation={narrow ? 'vertical' : 'horizontal'}
          aria-label={t('cohort')}
          value={cohort?.unitKind}
          onChange={(value) => setParams({ nhom: value }, { replace: true })}
          data={cohorts.map((entry) => ({ value: entry.unitKind, label: labels.cohort(entry.unitKind) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      )}

      <Legend />
      {results.error && <Alert color="orange">{t('resultsUnavailable', { message: results.error.message })}</Alert>}

      {!overviewProps ? (
        <Text c="dimmed">{t('noAssessments')}</Text>
      ) : (
        <>
          <OverviewMatrix {...overviewProps} />
          <OverviewCards {...overviewProps} />
        </>
      )}
      <Text size="xs" c="dimmed">
        {t(period.state === 'published' || period.state === 'archived' ? 'publishedNote' : 'provisionalNote')}
      </Text>

      <AssignmentsPanel periodId={period.id} assessments={overview.data.assessments} cohorts={cohorts} />
      <MinutesPanel periodId={period.id} />

      <TransitionModal pending={pending} onClose={() => setPending(undefined)} />
    </Stack>
  );
}

function Legend() {
  const t = useMessages(appraisalMessages);
  const swatch = (colour: string) => (
    <Box w={14} h={14} bg={colour} style={{ borderRadius: 3, border: '1px solid var(--mantine-color-gray-4)' }} aria-hidden />
  );
  return (
    <Group gap="md">
      <Group gap={6}>
        {swatch('var(--mantine-color-red-1)')}
        <Text size="xs">{t('legendCut')}</Text>
      </Group>
      <Group gap={6}>
        {swatch('var(--mantine-color-green-1)')}
        <Text size="xs">{t('legendRaised')}</Text>
      </Group>
      <Group gap={6}>
        <Badge size="xs" color="gray" variant="outline">
          n
        </Badge>
        <Text size="xs">{t('legendUndecided')}</Text>
      </Group>
      <Text size="xs">{t('legendValues')}</Text>
    </Group>
  );
}

interface MatrixProps {
  cohort: OverviewCohort;
  rows: OverviewRow[];
  showActions: boolean;
  onFinalise: (assessment: ChairTarget) => void;
  onReopen: (assessment: ChairTarget) => void;
}

const stickyCell = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: '1px 0 0 var(--mantine-color-gray-3)',
} as const;

function OverviewMatrix({ cohort, rows, showActions, onFinalise, onReopen }: MatrixProps) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const nameOf = new Map(cohort.mainIndices.map((main) => [main.code, localName(main, locale)]));
  return (
    <Table.ScrollContainer minWidth={560 + cohort.mainIndices.length * 84} visibleFrom="sm">
      <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ ...stickyCell, zIndex: 2 }} miw={{ base: 130, sm: 190 }}>
              {t('unit')}
            </Table.Th>
            <Table.Th ta="center">{t('colRank')}</Table.Th>
            {cohort.mainIndices.map((main) => (
              <Table.Th key={main.code} ta="center" title={localName(main, locale)} maw={110}>
                <Text size="xs" fw={700} lineClamp={2}>
                  {main.code}. {localName(main, locale)}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  /{formatPoints(main.maxPoints, locale)}
                </Text>
              </Table.Th>
            ))}
            <Table.Th ta="center">
              {t('colTotal')}
              <Text size="xs" c="dimmed" fw={400}>
                /{formatPoints(cohort.maxPoints, locale)}
              </Text>
            </Table.Th>
            <Table.Th ta="center">{t('colIndex')}</Table.Th>
            <Table.Th ta="center">{t('colCuts')}</Table.Th>
            {showActions && <Table.Th miw={150}>{t('colActions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.assessment.id}>
              <Table.Th scope="row" style={stickyCell} fw={400}>
                <Anchor component={Link} to={`/tham-dinh/${row.assessment.id}`} fw={600} size="sm">
                  {row.assessment.unit.name}
                </Anchor>
                <Group gap={4} mt={2}>
                  <AssessmentStateBadge state={row.assessment.state} size="xs" />
                  {row.assessment.submittedAtClose && <SubmittedAtCloseBadge size="xs" />}
                </Group>
              </Table.Th>
              <Table.Td ta="center" fw={700}>
                {row.rank ?? '–'}
              </Table.Td>
              {row.cells.map((cell) => (
                <PointsCell key={cell.code} cell={cell} name={nameOf.get(cell.code) ?? cell.code} />
              ))}
              <Table.Td ta="center" style={{ background: cellBackground(row.total) }}>
                <ComparisonText comparison={row.total} />
              </Table.Td>
              <Table.Td ta="center">{formatPercent(row.percent, locale, 2)}</Table.Td>
              <Table.Td ta="center" c={row.cutPoints < 0 ? 'red.8' : 'dimmed'} fw={row.cutPoints < 0 ? 700 : 400}>
                {formatSigned(row.cutPoints, locale)}
              </Table.Td>
              {showActions && (
                <Table.Td>
                  <ChairActions assessment={row.assessment} onFinalise={onFinalise} onReopen={onReopen} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The overview on a phone: one card per unit, in rank order, with what the council decides on — the
 * state, the total against the self-assessment, the cuts, each main index as a small coloured cell,
 * and the chair's finalise or reopen — instead of a matrix to pan sideways.
 */
function OverviewCards({ cohort, rows, showActions, onFinalise, onReopen }: MatrixProps) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const nameOf = new Map(cohort.mainIndices.map((main) => [main.code, localName(main, locale)]));
  return (
    <Stack gap="xs" hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Paper key={row.assessment.id} withBorder p="sm" radius="md" component="li">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/tham-dinh/${row.assessment.id}`} fw={600}>
                  {row.assessment.unit.name}
                </Anchor>
                <AssessmentStateBadge state={row.assessment.state} size="sm" style={{ alignSelf: 'flex-start' }} />
                {row.assessment.submittedAtClose && <SubmittedAtCloseBadge style={{ alignSelf: 'flex-start' }} />}
              </Stack>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('colRank')} <b>{row.rank ?? '–'}</b>
              </Text>
            </Group>
            <SimpleGrid cols={3} spacing="xs">
              <Box p={4} style={{ borderRadius: 4, background: cellBackground(row.total) }}>
                <Text size="xs" c="dimmed" ta="center">
                  {t('colTotal')} /{formatPoints(cohort.maxPoints, locale)}
                </Text>
                <ComparisonText comparison={row.total} />
              </Box>
              <Box p={4}>
                <Text size="xs" c="dimmed" ta="center">
                  {t('colIndex')}
                </Text>
                <Text size="sm" fw={700} ta="center">
                  {formatPercent(row.percent, locale, 2)}
                </Text>
              </Box>
              <Box p={4}>
                <Text size="xs" c="dimmed" ta="center">
                  {t('colCuts')}
                </Text>
                <Text size="sm" ta="center" c={row.cutPoints < 0 ? 'red.8' : 'dimmed'} fw={row.cutPoints < 0 ? 700 : 400}>
                  {formatSigned(row.cutPoints, locale)}
                </Text>
              </Box>
            </SimpleGrid>
            <SimpleGrid cols={4} spacing={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {row.cells.map((cell) => (
                <Box
                  key={cell.code}
                  component="li"
                  p={4}
                  title={nameOf.get(cell.code)}
                  style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)', background: cellBackground(cell) }}
                >
                  <VisuallyHidden>
                    {t('cellLabel', {
                      main: `${cell.code}. ${nameOf.get(cell.code) ?? ''}`,
                      self: formatPoints(cell.self, locale),
                      appraised: formatPoints(cell.appraised, locale),
                      difference: formatSigned(cell.difference, locale),
                    })}
                    {cell.undecided > 0 ? `, ${t('undecidedShort', { count: cell.undecided })}` : ''}
                  </VisuallyHidden>
                  <Box aria-hidden>
                    <Text size="xs" c="dimmed" ta="center">
                      {cell.code}.
                    </Text>
                    <ComparisonText comparison={cell} />
                    {cell.undecided > 0 && (
                      <Group justify="center">
                        <Badge size="xs" color="gray" variant="outline">
                          {cell.undecided}
                        </Badge>
                      </Group>
                    )}
                  </Box>
                </Box>
              ))}
            </SimpleGrid>
            {showActions && <ChairActions assessment={row.assessment} onFinalise={onFinalise} onReopen={onReopen} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The appraised points in bold; where they differ from the self points, those too and the difference. */
function ComparisonText({ comparison }: { comparison: PointComparison }) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const differs = comparison.difference !== null && comparison.difference !== 0;
  return (
    <Stack gap={0} align="center">
      <Text size="sm" fw={700}>
        {formatPoints(comparison.appraised, locale)}
      </Text>
      {differs && (
        <>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('selfShort')} {formatPoints(comparison.self, locale)}
          </Text>
          <Text size="xs" fw={700} c={comparison.cut ? 'red.9' : 'green.9'}>
            {formatSigned(comparison.difference, locale)}
          </Text>
        </>
      )}
    </Stack>
  );
}

function PointsCell({ cell, name }: { cell: MainIndexCell; name: string }) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  return (
    <Table.Td
      ta="center"
      style={{ background: cellBackground(cell) }}
      aria-label={t('cellLabel', {
        main: name,
        self: formatPoints(cell.self, locale),
        appraised: formatPoints(cell.appraised, locale),
        difference: formatSigned(cell.difference, locale),
      })}
    >
      <ComparisonText comparison={cell} />
      {cell.undecided > 0 && (
        <Badge size="xs" color="gray" variant="outline" mt={2} title={t('undecidedShort', { count: cell.undecided })}>
          {cell.undecided}
        </Badge>
      )}
    </Table.Td>
  );
}
