import { Anchor, Box, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorNotice, NotFoundPage, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { EChartsChart } from '../../shared/echarts-chart';
import { formatDate, formatNumber, formatPoints, localName } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import { heatmapHeight, heatmapMatrix, heatmapOption, overviewTable } from './indicator-overview';
import classes from './indicator-overview.module.css';
import { overviewMessages } from './messages';
import { type IndicatorOverview, type PublishedPeriod, useIndicatorOverview, usePublishedPeriods } from './public-api';
import { rankingPath, unitPath } from './public-paths';
import { type CsvVariant, exportFileName, saveFile, toCsv } from './ranking-export';

const loadHeatmap = () => import('./load-echarts-heatmap');

/**
 * The province-wide view of a published cohort's indicators: a heatmap of units × main indices
 * (with a drill-in to the indicators of one main index, ?main=1) beside the table of the same
 * numbers, and the indicators that lost the cohort the most points. Published data only.
 */
export default function IndicatorOverviewPage() {
  const { periodId = '', unitKind = '' } = useParams();
  const periods = usePublishedPeriods();
  if (periods.isPending) return <PageLoader />;
  if (periods.isError) return <ErrorNotice error={periods.error} />;
  const period = periods.data.items.find((candidate) => candidate.id === periodId);
  if (!period || !period.cohorts.some((cohort) => cohort.unitKind === unitKind)) return <NotFoundPage />;
  return <OverviewView period={period} unitKind={unitKind} />;
}

function OverviewView({ period, unitKind }: { period: PublishedPeriod; unitKind: string }) {
  const overview = useIndicatorOverview(period.id, unitKind);
  if (overview.isPending) return <PageLoader />;
  if (overview.isError) return <ErrorNotice error={overview.error} />;
  return <OverviewContent period={period} unitKind={unitKind} overview={overview.data} />;
}

function OverviewContent({
  period,
  unitKind,
  overview,
}: {
  period: PublishedPeriod;
  unitKind: string;
  overview: IndicatorOverview;
}) {
  const t = useMessages(overviewMessages);
  const { locale } = useLocale();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const cohortLabel = useDomainLabels().cohort(unitKind);
  const [searchParams, setSearchParams] = useSearchParams();
  const precision = overview.framework.precision;
  const name = useCallback((node: { code: string; name: string; nameEn: string | null }) => localName(node, locale), [locale]);

  const requested = searchParams.get('main');
  const drilled = overview.mainIndices.find((main) => main.code === requested) ?? null;
  const drillTo = useCallback(
    (code: string | null) => {
      const next = new URLSearchParams(window.location.search);
      if (code) next.set('main', code);
      else next.delete('main');
      setSearchParams(next, { replace: false });
    },
    [setSearchParams],
  );

  const matrix = useMemo(() => heatmapMatrix(overview, drilled?.code ?? null, name), [overview, drilled, name]);
  const option = useMemo(
    () =>
      heatmapOption(
        matrix,
        {
          formatValue: (value) => formatNumber(value, drilled ? 2 : precision, locale),
          formatPoints: (value) => formatPoints(value, locale),
          pointsOf: (points, max) => t('pointsOf', { points, max }),
          noValue: t('noValue'),
          legendLow: t('legendLow'),
          legendHigh: t('legendHigh'),
        },
        compact,
      ),
    [matrix, drilled, precision, locale, compact, t],
  );
  const onCellClick = useCallback(
    (code: string) => {
      if (!drilled && overview.mainIndices.some((main) => main.code === code)) drillTo(code);
    },
    [drilled, overview.mainIndices, drillTo],
  );

  const listed = drilled ? overview.indicators.filter((item) => item.mainIndex === drilled.code) : overview.indicators;
  const mainNames = new Map(overview.mainIndices.map((main) => [main.code, name(main)]));
  const headers = {
    code: t('col_code'),
    indicator: t('col_indicator'),
    mainIndex: t('col_mainIndex'),
    max: t('col_max'),
    full: t('col_full'),
    partial: t('col_partial'),
    zero: t('col_zero'),
    notAssessed: t('col_notAssessed'),
    lost: t('col_lost'),
    meanShare: t('col_meanShare'),
  };
  const fileName = exportFileName(t('fileName'), period.year, cohortLabel, ...(drilled ? [drilled.code] : []));
  const downloadCsv = (variant: CsvVariant) =>
    saveFile(
      `${fileName}${variant === 'excel-vi' ? '-excel' : ''}.csv`,
      toCsv(overviewTable(overview, headers, name, drilled?.code ?? null), precision, variant),
      'text/csv;charset=utf-8',
    );

  const drillName = drilled ? `${drilled.code}. ${name(drilled)}` : '';
  // On a phone each column keeps about 56 px and the names 120 px; wider than the screen, it scrolls.
  const minWidth = compact ? 130 + matrix.columns.length * 56 : 0;
  const tableCaption = drilled
    ? t('drillCaption', { name: drillName, cohort: cohortLabel, year: period.year })
    : t('matrixCaption', { cohort: cohortLabel, year: period.year });

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={rankingPath(period.id, unitKind)} size="sm" data-print="hide">
          ← {t('backToRanking')}
        </Anchor>
        <Title order={2}>{t('overviewTitle')}</Title>
        <Text c="dimmed" size="sm">
          {period.name} · {localName(overview.framework, locale)} · {formatDate(overview.publishedAt, locale)}
        </Text>
        <Text size="sm" mt={4}>
          {t('overviewIntro', { cohort: cohortLabel, year: period.year })}
        </Text>
      </div>

      <section aria-labelledby="overview-heatmap-heading" className={classes.heatmapSection}>
        <Group justify="space-between" align="flex-end" gap="sm" mb="xs">
          <Title order={3} id="overview-heatmap-heading">
            {drilled ? t('drillHeading', { name: drillName }) : t('heatmapHeading')}
          </Title>
          <NativeSelect
            label={t('drillLabel')}
            value={drilled?.code ?? ''}
            onChange={(event) => drillTo(event.currentTarget.value || null)}
            data={[
              { value: '', label: t('drillAll') },
              ...overview.mainIndices.map((main) => ({ value: main.code, label: `${main.code}. ${name(main)}` })),
            ]}
            size="md"
            w={{ base: '100%', sm: 360 }}
          />
        </Group>
        <Text size="sm" mb="xs">
          {drilled ? t('drillIntro') : t('heatmapIntro')}
        </Text>
        {drilled && (
          <Button variant="default" size="sm" mb="xs" onClick={() => drillTo(null)}>
            {t('drillBack')}
          </Button>
        )}
        {matrix.columns.length === 0 ? (
          <Text>{t('noIndicators')}</Text>
        ) : (
          <>
            {compact && minWidth > 0 && (
              <Text size="xs" c="dimmed" mb={4} data-print="hide">
                {t('scrollHint')}
              </Text>
            )}
            <Box
              className={classes.heatmapBox}
              // A frame that scrolls on a phone must be reachable by keyboard to scroll it.
              tabIndex={0}
              role="region"
              aria-label={t('heatmapHeading')}
              data-testid="overview-heatmap"
            >
              <div className={classes.heatmapInner} style={{ minWidth }}>
                <EChartsChart
                  option={option}
                  height={heatmapHeight(matrix.rows.length, compact)}
                  label={t('heatmapLabel', { rows: matrix.rows.length, columns: matrix.columns.length })}
                  load={loadHeatmap}
                  onItemClick={onCellClick}
                />
              </div>
            </Box>
          </>
        )}
      </section>

      {matrix.columns.length > 0 && (
        <section aria-label={tableCaption} className={classes.tableSection}>
          <Table.ScrollContainer minWidth={compact ? 0 : 480} type="native" tabIndex={0} role="region" aria-label={tableCaption}>
            <Table tabularNums striped withTableBorder verticalSpacing={6} captionSide="top" data-testid="overview-matrix">
              <Table.Caption style={{ textAlign: 'left' }}>{tableCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className={classes.number}>{t('col_rank')}</Table.Th>
                  <Table.Th>{t('col_unit')}</Table.Th>
                  {matrix.columns.map((column) => (
                    <Table.Th key={column.code} className={classes.number}>
                      <abbr title={column.name}>{column.code}</abbr>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matrix.rows.map((row, r) => (
                  <Table.Tr key={row.code}>
                    <Table.Td className={classes.number}>{row.rank ?? '–'}</Table.Td>
                    <Table.Th scope="row" fw={400} className={classes.unit}>
                      <Anchor component={Link} to={unitPath(period.id, unitKind, row.code)} size="sm">
                        {row.name}
                      </Anchor>
                    </Table.Th>
                    {matrix.columns.map((column, c) => (
                      <Table.Td key={column.code} className={classes.number}>
                        {matrix.points
                          ? formatPoints(matrix.points[r]?.[c], locale)
                          : formatNumber(matrix.shares[r]?.[c], precision, locale)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}

      <section aria-labelledby="overview-list-heading" className={classes.tableSection}>
        <Group justify="space-between" align="flex-end" gap="sm" mb="xs">
          <Title order={3} id="overview-list-heading">
            {t('listHeading')}
          </Title>
          <Group gap="xs" role="group" aria-label={t('downloads')}>
            <Button variant="default" size="md" onClick={() => downloadCsv('standard')} disabled={listed.length === 0}>
              {t('downloadCsv')}
            </Button>
            <Button variant="default" size="md" onClick={() => downloadCsv('excel-vi')} disabled={listed.length === 0}>
              {t('downloadCsvExcelVi')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" mb="xs">
          {t('listIntro')}
        </Text>
        {listed.length === 0 ? (
          <Text>{t('noIndicators')}</Text>
        ) : (
          <Table.ScrollContainer
            minWidth={720}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('listCaption', { cohort: cohortLabel, year: period.year })}
          >
            <Table tabularNums striped verticalSpacing={6} captionSide="top" data-testid="overview-indicators">
              <Table.Caption style={{ textAlign: 'left' }}>
                {t('listCaption', { cohort: cohortLabel, year: period.year })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{headers.code}</Table.Th>
                  <Table.Th>{t('col_indicator')}</Table.Th>
                  {!drilled && <Table.Th>{t('col_mainIndex')}</Table.Th>}
                  <Table.Th className={classes.number}>{t('col_full')}</Table.Th>
                  <Table.Th className={classes.number}>{t('col_partial')}</Table.Th>
                  <Table.Th className={classes.number}>{t('col_zero')}</Table.Th>
                  <Table.Th className={classes.number}>{t('col_notAssessed')}</Table.Th>
                  <Table.Th className={classes.number}>{t('col_lost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {listed.map((item) => (
                  <Table.Tr key={item.code} id={`chi-so-${item.code}`}>
                    <Table.Td>{item.code}</Table.Td>
                    <Table.Th scope="row" fw={400} className={classes.name}>
                      {name(item)}
                    </Table.Th>
                    {!drilled && (
                      <Table.Td>
                        <Anchor component={Link} to={`?main=${encodeURIComponent(item.mainIndex)}`} size="sm">
                          <abbr title={mainNames.get(item.mainIndex)}>{item.mainIndex}</abbr>
                        </Anchor>
                      </Table.Td>
                    )}
                    <Table.Td className={classes.number}>{item.full}</Table.Td>
                    <Table.Td className={classes.number}>{item.partial}</Table.Td>
                    <Table.Td className={classes.number}>{item.zero}</Table.Td>
                    <Table.Td className={classes.number}>{item.notAssessed}</Table.Td>
                    <Table.Td className={classes.number}>{formatPoints(item.lost, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
