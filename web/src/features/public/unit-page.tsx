import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { publicationDecisionLine } from '@opendti/core/publication';
import { type ReactNode, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorNotice, NotFoundPage, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { EChartsChart } from '../../shared/echarts-chart';
import { formatNumber, formatPoints, localName } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import { RankChange, ValueChange } from '../../shared/rank-change';
import { formatPercentValue } from '../../shared/result-format';
import { SubmittedAtCloseBadge } from '../../shared/state-badges';
import { historyOption, radarOption } from './chart-options';
import { overviewMessages, publicMessages } from './messages';
import {
  type PublishedPeriod,
  type PublishedResultSet,
  type UnitDetail,
  useCohortResults,
  useCohortResultsOfPeriods,
  usePublishedPeriods,
  useUnitDetail,
} from './public-api';
import { indicatorOverviewPath, rankingPath, unitPath } from './public-paths';
import { periodsOfCohort } from './published-periods';
import { UnitAnalysis } from './unit-analysis';
import { averageMainIndexValues, buildUnitHistory } from './unit-history';

/**
 * One unit's published results: its figures, its main indices against the cohort average, the
 * analysis of its indicators, and its history across published periods of the same cohort.
 */
export default function UnitPage() {
  const { periodId = '', unitKind = '', unitCode = '' } = useParams();
  const periods = usePublishedPeriods();
  if (periods.isPending) return <PageLoader />;
  if (periods.isError) return <ErrorNotice error={periods.error} />;
  const period = periods.data.items.find((candidate) => candidate.id === periodId);
  if (!period || !period.cohorts.some((cohort) => cohort.unitKind === unitKind)) return <NotFoundPage />;
  return <UnitView periods={periods.data.items} period={period} unitKind={unitKind} unitCode={unitCode} />;
}

function Figure({ label, children, extra }: { label: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={{ base: 'xl', sm: 26 }} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
      {extra && (
        <Text size="sm" component="div">
          {extra}
        </Text>
      )}
    </Paper>
  );
}

function UnitView({
  periods,
  period,
  unitKind,
  unitCode,
}: {
  periods: PublishedPeriod[];
  period: PublishedPeriod;
  unitKind: string;
  unitCode: string;
}) {
  const detail = useUnitDetail(period.id, unitKind, unitCode);
  const cohort = useCohortResults(period.id, unitKind);
  if (detail.isPending || cohort.isPending) return <PageLoader />;
  // A unit code that is not in this cohort's published results is an address that leads nowhere.
  if (detail.isError) {
    return detail.error instanceof ApiError && detail.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <ErrorNotice error={detail.error} />
    );
  }
  if (cohort.isError) return <ErrorNotice error={cohort.error} />;
  return <UnitContent periods={periods} period={period} unitKind={unitKind} detail={detail.data} cohort={cohort.data} />;
}

function UnitContent({
  periods,
  period,
  unitKind,
  detail,
  cohort,
}: {
  periods: PublishedPeriod[];
  period: PublishedPeriod;
  unitKind: string;
  detail: UnitDetail;
  cohort: PublishedResultSet;
}) {
  const t = useMessages(publicMessages);
  const overviewText = useMessages(overviewMessages);
  const { locale } = useLocale();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const { unit, analysis } = detail;
  const cohortLabel = useDomainLabels().cohort(unitKind);
  const precision = cohort.framework.precision;
  const rankedCount = cohort.units.filter((candidate) => candidate.rank !== null).length;

  const historyPeriods = useMemo(() => periodsOfCohort(periods, unitKind), [periods, unitKind]);
  const historyResults = useCohortResultsOfPeriods(
    historyPeriods.map((candidate) => candidate.id),
    unitKind,
  );
  // Cheap (a few periods × a few hundred units); react-query keeps each period's data stable.
  const history = buildUnitHistory(
    historyPeriods.map((candidate, index) => ({
      periodId: candidate.id,
      year: candidate.year,
      periodName: candidate.name,
      results: historyResults[index]?.data,
    })),
    unit.code,
  );
  const historyLoading = historyResults.some((result) => result.isPending);
  const historyFailed = historyResults.some((result) => result.isError);
  const thisYear = history.find((point) => point.periodId === period.id);
  const previousPoint = thisYear ? history[history.indexOf(thisYear) - 1] : undefined;
  const comparable = Boolean(thisYear && previousPoint && thisYear.rankChange !== null);

  const averages = useMemo(() => averageMainIndexValues(cohort.units, precision), [cohort, precision]);
  const radar = useMemo(
    () =>
      radarOption(
        unit.mainIndices.map((main) => ({ code: main.code, name: localName(main, locale) })),
        [
          { name: unit.name, values: unit.mainIndices.map((main) => main.value) },
          { name: t('cohortAverage'), values: unit.mainIndices.map((main) => averages.get(main.code) ?? null) },
        ],
        (value) => formatNumber(value, precision, locale),
        compact,
      ),
    [unit, averages, t, precision, locale, compact],
  );
  const historyKey = history.map((point) => `${point.year}:${point.value}:${point.rank}:${point.rankedCount}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: historyKey stands for the history's content
  const historyChart = useMemo(
    () =>
      historyOption(
        history.map((point) => ({ label: String(point.year), value: point.value, rank: point.rank })),
        { value: t('value'), rank: t('rank') },
        Math.max(...history.map((point) => point.rankedCount), 2),
        (value) => formatNumber(value, precision, locale),
        (value) => formatNumber(value, 1, locale),
      ),
    [historyKey, t, precision, locale],
  );
  return (
    <Stack gap="lg">
      <div>
        <Anchor
          component={Link}
          to={rankingPath(period.id, unitKind)}
          style={{ display: 'inline-flex', alignItems: 'center', minHeight: 40 }}
        >
          <span aria-hidden="true">←&nbsp;</span>
          {t('backToRanking', { cohort: cohortLabel, year: period.year })}
        </Anchor>
        <Title order={2}>{unit.name}</Title>
        {unit.submittedAtClose && <SubmittedAtCloseBadge mt={4} />}
        <Text c="dimmed" size="sm">
          {period.name} · {cohortLabel} · {localName(cohort.framework, locale)}
        </Text>
        {period.publicationDecision && (
          <Text size="sm" data-testid="publication-decision">
            {publicationDecisionLine(period.publicationDecision, locale)}
          </Text>
        )}
      </div>

      <section aria-labelledby="unit-summary-heading">
        <Title order={3} id="unit-summary-heading" mb="xs">
          {t('unitSummary')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure
            label={t('value')}
            extra={
              comparable && previousPoint ? (
                <>
                  {t('changeSince', { year: previousPoint.year })}:{' '}
                  <ValueChange change={thisYear?.valueChange ?? null} precision={precision} />
                </>
              ) : undefined
            }
          >
            {formatNumber(unit.value, precision, locale)}
          </Figure>
          <Figure
            label={t('rank')}
            extra={
              comparable && previousPoint ? (
                <>
                  {t('changeSince', { year: previousPoint.year })}:{' '}
                  <RankChange change={thisYear?.rankChange ?? null} isNew={false} />
                </>
              ) : undefined
            }
          >
            {unit.rank === null ? t('notRanked') : t('rankOf', { rank: unit.rank, count: rankedCount })}
          </Figure>
          <Figure label={t('percent')}>{formatPercentValue(unit.percent, precision, locale)}</Figure>
          <Figure label={t('points')}>
            {t('pointsOf', { points: formatPoints(unit.points, locale), max: formatPoints(unit.max, locale) })}
          </Figure>
        </SimpleGrid>
      </section>

      <section aria-labelledby="unit-main-heading">
        <Title order={3} id="unit-main-heading" mb="xs">
          {t('mainIndicesHeading')}
        </Title>
        <Table.ScrollContainer
          minWidth={480}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('mainIndicesCaption', { unit: unit.name, year: period.year })}
        >
          <Table striped tabularNums captionSide="top" verticalSpacing={6}>
            <Table.Caption style={{ textAlign: 'left' }}>
              {t('mainIndicesCaption', { unit: unit.name, year: period.year })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('col_mainIndex')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('col_value')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('rank')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('col_points')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('cohortAverage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unit.mainIndices.map((main) => (
                <Table.Tr key={main.code}>
                  <Table.Th scope="row" style={{ fontWeight: 400 }}>
                    {main.code}. {localName(main, locale)}
                  </Table.Th>
                  <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>
                    {formatNumber(main.value, precision, locale)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {main.rank === null ? '–' : t('rankOf', { rank: main.rank, count: rankedCount })}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {formatPoints(main.points, locale)} / {formatPoints(main.max, locale)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatNumber(averages.get(main.code), precision, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      {unit.mainIndices.length >= 3 && (
        <section aria-labelledby="unit-radar-heading">
          <Title order={3} id="unit-radar-heading" mb="xs">
            {t('radarHeading')}
          </Title>
          <EChartsChart option={radar} height={420} label={t('radarLabel', { unit: unit.name, cohort: cohortLabel })}>
            <table>
              <caption>{t('radarCaption', { unit: unit.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col_mainIndex')}</th>
                  <th scope="col">{unit.name}</th>
                  <th scope="col">{t('cohortAverage')}</th>
                </tr>
              </thead>
              <tbody>
                {unit.mainIndices.map((main) => (
                  <tr key={main.code}>
                    <th scope="row">
                      {main.code}. {localName(main, locale)}
                    </th>
                    <td>{formatNumber(main.value, precision, locale)}</td>
                    <td>{formatNumber(averages.get(main.code), precision, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </EChartsChart>
        </section>
      )}

      <section aria-labelledby="unit-analysis-heading">
        <Title order={3} id="unit-analysis-heading" mb="xs">
          {t('analysisHeading')}
        </Title>
        <Text size="sm" mb="sm">
          {t('analysisIntro')}{' '}
          <Anchor component={Link} to={indicatorOverviewPath(period.id, unitKind)} data-print="hide">
            {overviewText('unitLink')}
          </Anchor>
        </Text>
        <UnitAnalysis analysis={analysis} headingOrder={4} />
      </section>

      <section aria-labelledby="unit-history-heading">
        <Title order={3} id="unit-history-heading" mb="xs">
          {t('historyHeading')}
        </Title>
        {historyFailed && (
          <Alert color="yellow" variant="light" mb="sm">
            {t('historyFailed')}
          </Alert>
        )}
        {historyLoading ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            {history.length > 1 ? (
              <EChartsChart
                option={historyChart}
                height={300}
                label={t('historyLabel', {
                  unit: unit.name,
                  count: history.length,
                  points: history
                    .map(
                      (point) =>
                        `${point.year}: ${formatNumber(point.value, precision, locale)}, ${t('rank').toLowerCase()} ${point.rank ?? '–'}`,
                    )
                    .join('; '),
                })}
              />
            ) : (
              <Text size="sm">{t('historyOneYear')}</Text>
            )}
            <Table.ScrollContainer
              minWidth={520}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('historyCaption', { unit: unit.name })}
            >
              <Table striped tabularNums captionSide="top" verticalSpacing={6}>
                <Table.Caption style={{ textAlign: 'left' }}>{t('historyCaption', { unit: unit.name })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('col_year')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('col_value')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('rank')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('col_rankChange')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('col_valueChange')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {history.map((point, index) => (
                    <Table.Tr key={point.periodId}>
                      <Table.Th scope="row" style={{ fontWeight: 400 }}>
                        {point.periodId === period.id ? (
                          <Text span fw={700}>
                            {point.year}
                          </Text>
                        ) : (
                          <Anchor
                            component={Link}
                            to={unitPath(point.periodId, unitKind, unit.code)}
                            style={{ display: 'inline-flex', alignItems: 'center', minHeight: 40 }}
                          >
                            {point.year}
                          </Anchor>
                        )}
                      </Table.Th>
                      <Table.Td style={{ textAlign: 'right' }}>{formatNumber(point.value, precision, locale)}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {point.rank === null ? '–' : t('rankOf', { rank: point.rank, count: point.rankedCount })}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {index === 0 ? '–' : <RankChange change={point.rankChange} isNew={false} />}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {index === 0 ? '–' : <ValueChange change={point.valueChange} precision={precision} />}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </section>
    </Stack>
  );
}
