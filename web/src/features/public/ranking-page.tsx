import { Alert, Anchor, Button, Group, NativeSelect, SegmentedControl, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { publicationDecisionLine, publicationDecisionReference } from '@opendti/core/publication';
import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorNotice, NotFoundPage, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { EChartsChart } from '../../shared/echarts-chart';
import { formatDate, formatNumber, localName } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import {
  buildRankingRows,
  DEFAULT_SORT,
  filterRankingRows,
  formatSort,
  type MainIndexView,
  type NodeColumns,
  nextSort,
  parseMainIndexView,
  parseNodeColumns,
  parseSort,
  type SortColumn,
  type SortState,
  sortForView,
  sortRankingRows,
} from '../../shared/ranking-rows';
import { RankingTable } from '../../shared/ranking-table';
import { rankingBarsHeight, rankingBarsOption } from './chart-options';
import { overviewMessages, publicMessages } from './messages';
import { type PublishedPeriod, useCohortResults, useCohortsWithMaps, usePublishedPeriods } from './public-api';
import { indicatorOverviewPath, rankingPath, unitPath } from './public-paths';
import { cohortKindsOf, findPreviousPeriod, sortNewestFirst } from './published-periods';
import { buildRankingTable, type CsvVariant, exportFileName, saveFile, toCsv } from './ranking-export';
import { type TitleBlock, writeXlsx, XLSX_MIME } from './xlsx-writer';

/** The map's code (and ECharts' map build after it) is fetched only for a cohort that has a map. */
const ChoroplethMap = lazy(() => import('./choropleth-map'));

/**
 * The published ranking of one cohort in one period. At `/` it shows the latest published period
 * and its first cohort; `/ket-qua/:periodId/:unitKind` is the shareable address of any other.
 * Search and sort live in the query string (?q=…&sort=value.desc) so a shared link shows the same.
 */
export default function RankingPage() {
  const t = useMessages(publicMessages);
  const { periodId, unitKind } = useParams();
  const periods = usePublishedPeriods();

  if (periods.isPending) return <PageLoader />;
  if (periods.isError) return <ErrorNotice error={periods.error} />;
  const sorted = sortNewestFirst(periods.data.items);
  const period = periodId ? sorted.find((candidate) => candidate.id === periodId) : sorted[0];
  if (!period) {
    if (periodId) return <NotFoundPage />;
    return (
      <Stack>
        <Title order={2}>{t('pageTitle')}</Title>
        <Text>{t('noPublished')}</Text>
      </Stack>
    );
  }
  const kinds = cohortKindsOf(period);
  const kind = unitKind ?? kinds[0];
  if (!kind || !kinds.includes(kind)) return <NotFoundPage />;
  return <RankingView periods={sorted} period={period} unitKind={kind} kinds={kinds} />;
}

function RankingView({
  periods,
  period,
  unitKind,
  kinds,
}: {
  periods: PublishedPeriod[];
  period: PublishedPeriod;
  unitKind: string;
  kinds: string[];
}) {
  const t = useMessages(publicMessages);
  const overviewText = useMessages(overviewMessages);
  const { locale } = useLocale();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  // The box keeps its own state so typing never waits for the router; the address follows it.
  const [query, setQuery] = useState(() => searchParams.get('q') ?? '');
  const deferredQuery = useDeferredValue(query);
  const mainView = parseMainIndexView(searchParams.get('show'));
  const domainLabels = useDomainLabels();
  const cohortLabel = domainLabels.cohort;

  const previousPeriod = findPreviousPeriod(periods, period, unitKind);
  const current = useCohortResults(period.id, unitKind);
  const previous = useCohortResults(previousPeriod?.id, unitKind);
  const cohortsWithMaps = useCohortsWithMaps();

  const mainIndices = useMemo(
    () => (current.data?.units[0]?.mainIndices ?? []).map((main) => ({ code: main.code, name: localName(main, locale) })),
    [current.data, locale],
  );
  const pillars = useMemo(
    () => (current.data?.units[0]?.pillars ?? []).map((pillar) => ({ code: pillar.code, name: localName(pillar, locale) })),
    [current.data, locale],
  );
  // Pillars only where the framework has them (DTI's three); otherwise ?cols=pillars means nothing.
  const nodeColumns = pillars.length > 0 ? parseNodeColumns(searchParams.get('cols')) : 'mainIndices';
  // A shared link may name a main-index sort of the other view: it reads as the same order here.
  const sort = sortForView(parseSort(searchParams.get('sort')), mainView, nodeColumns);

  const allRows = useMemo(
    () => (current.data ? buildRankingRows(current.data, previous.data) : []),
    [current.data, previous.data],
  );
  const shownRows = useMemo(
    () => sortRankingRows(filterRankingRows(allRows, deferredQuery), sort),
    [allRows, deferredQuery, sort],
  );
  const precision = current.data?.framework.precision ?? 4;
  const withChange = Boolean(previousPeriod && previous.data);

  const bars = useMemo(
    () =>
      shownRows
        .flatMap((row) => (row.value === null ? [] : [{ name: row.name, value: row.value }]))
        .sort((a, b) => b.value - a.value),
    [shownRows],
  );
  const barsOption = useMemo(
    () =>
      rankingBarsOption(
        bars,
        (value) => formatNumber(value, precision, locale),
        (value) => formatNumber(value, 1, locale),
        compact,
      ),
    [bars, precision, locale, compact],
  );

  const updateSearch = (changes: Record<string, string | undefined>) => {
    // From the address as it is now, not as it was at the last render: the router commits its
    // state in a transition, so a click and a keystroke in quick succession would undo each other.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };
  const onSort = (column: SortColumn) => {
    const next = nextSort(sort, column);
    updateSearch({ sort: searchForSort(next) });
  };
  const searchForSort = (next: SortState) =>
    next.column === DEFAULT_SORT.column && next.direction === DEFAULT_SORT.direction ? undefined : formatSort(next);
  const onMainView = (view: MainIndexView) =>
    updateSearch({ show: view === 'values' ? undefined : view, sort: searchForSort(sortForView(sort, view, nodeColumns)) });
  const onNodeColumns = (columns: NodeColumns) =>
    updateSearch({
      cols: columns === 'mainIndices' ? undefined : columns,
      sort: searchForSort(sortForView(sort, mainView, columns)),
    });
  const goTo = (periodId: string, kind: string) =>
    navigate({ pathname: rankingPath(periodId, kind), search: window.location.search });

  const openUnit = useCallback((code: string) => navigate(unitPath(period.id, unitKind, code)), [navigate, period.id, unitKind]);

  const exportTable = () =>
    buildRankingTable(
      shownRows,
      mainIndices,
      {
        rank: t('col_rank'),
        code: t('col_code'),
        name: t('col_unit'),
        value: t('col_value'),
        percent: `${t('col_percent')} (%)`,
        points: t('points'),
        max: t('col_max'),
        previousRank: t('col_previousRank'),
        rankChange: t('col_rankChange'),
        valueChange: t('col_valueChange'),
        mainValue: (name) => t('col_mainValue', { name }),
        mainRank: (name) => t('col_mainRank', { name }),
        submittedAtClose: domainLabels.unitProgress('submittedAtClose').toLocaleLowerCase('vi'),
      },
      withChange,
      pillars,
    );
  const fileName = exportFileName(t('fileName'), period.year, cohortLabel(unitKind));
  const downloadCsv = (variant: CsvVariant) =>
    saveFile(
      `${fileName}${variant === 'excel-vi' ? '-excel' : ''}.csv`,
      toCsv(exportTable(), precision, variant),
      'text/csv;charset=utf-8',
    );
  const publishedAt = current.data?.publishedAt ?? period.publishedAt;
  const legalBasis = current.data?.legalBasis;
  const decision = current.data?.publicationDecision ?? period.publicationDecision;
  // What a printed ranking says above its table: who set the index, which period, which units, when.
  const titleBlock = (): TitleBlock => ({
    heading: t('titleHeading', { year: period.year, cohort: cohortLabel(unitKind) }),
    lines: [
      ...(legalBasis ? ([[t('titleAuthority'), legalBasis.issuer]] as const) : []),
      [t('titlePeriod'), period.name],
      [t('titleCohort'), cohortLabel(unitKind)],
      [t('titlePublished'), formatDate(publishedAt, locale)],
      ...(decision ? ([[t('titleDecision'), publicationDecisionReference(decision, locale)]] as const) : []),
      ...(current.data
        ? ([
            [
              t('titleFramework'),
              `${localName(current.data.framework, locale)}${legalBasis ? ` (${legalBasis.document}, ${formatDate(legalBasis.date, locale)})` : ''}`,
            ],
          ] as const)
        : []),
    ],
  });
  const downloadXlsx = () =>
    saveFile(
      `${fileName}.xlsx`,
      writeXlsx(exportTable(), { sheetName: t('sheetName'), precision, title: titleBlock() }) as BlobPart,
      XLSX_MIME,
    );
  const searchId = 'public-ranking-search';

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('pageTitle')}</Title>
        <Text c="dimmed" size="sm">
          {period.name}
          {publishedAt ? ` · ${t('publishedOn', { date: formatDate(publishedAt, locale) })}` : ''}
        </Text>
        {decision && (
          <Text size="sm" data-testid="publication-decision">
            {publicationDecisionLine(decision, locale)}
          </Text>
        )}
      </div>

      <NativeSelect
        label={t('period')}
        value={period.id}
        onChange={(event) => {
          const next = periods.find((candidate) => candidate.id === event.currentTarget.value);
          if (!next) return;
          const nextKinds = cohortKindsOf(next);
          goTo(next.id, nextKinds.includes(unitKind) ? unitKind : (nextKinds[0] ?? unitKind));
        }}
        data={periods.map((candidate) => ({ value: candidate.id, label: `${candidate.year} — ${candidate.name}` }))}
        size="md"
        maw={560}
      />

      <Tabs value={unitKind} onChange={(kind) => kind && goTo(period.id, kind)} keepMounted={false}>
        <Tabs.List aria-label={t('cohort')}>
          {kinds.map((kind) => (
            <Tabs.Tab key={kind} value={kind} style={{ minHeight: 44 }}>
              {cohortLabel(kind)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {kinds.map((kind) => (
          <Tabs.Panel key={kind} value={kind} pt="md">
            {kind === unitKind &&
              (current.isPending || (previousPeriod && previous.isPending) ? (
                <PageLoader />
              ) : current.isError ? (
                <ErrorNotice error={current.error} />
              ) : (
                <Stack gap="md">
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">
                      {t('framework', { name: localName(current.data.framework, locale) })}
                      {' · '}
                      {previousPeriod ? t('comparedWith', { year: previousPeriod.year }) : t('noPrevious')}
                    </Text>
                    <Anchor component={Link} to={indicatorOverviewPath(period.id, unitKind)} fw={600} data-print="hide">
                      {overviewText('overviewLink')} →
                    </Anchor>
                  </Group>
                  {previous.isError && (
                    <Alert color="yellow" variant="light">
                      {t('previousFailed')}
                    </Alert>
                  )}
                  <Group align="flex-end" justify="space-between" gap="sm">
                    <TextInput
                      id={searchId}
                      label={t('search')}
                      description={t('searchDescription')}
                      type="search"
                      value={query}
                      onChange={(event) => {
                        setQuery(event.currentTarget.value);
                        updateSearch({ q: event.currentTarget.value });
                      }}
                      size="md"
                      w={{ base: '100%', sm: 360 }}
                      autoComplete="off"
                    />
                    <Group gap="xs" role="group" aria-label={t('downloads')}>
                      <Button
                        variant="default"
                        size="md"
                        onClick={() => downloadCsv('standard')}
                        disabled={shownRows.length === 0}
                      >
                        {t('downloadCsv')}
                      </Button>
                      <Button
                        variant="default"
                        size="md"
                        onClick={() => downloadCsv('excel-vi')}
                        disabled={shownRows.length === 0}
                      >
                        {t('downloadCsvExcelVi')}
                      </Button>
                      <Button variant="default" size="md" onClick={downloadXlsx} disabled={shownRows.length === 0}>
                        {t('downloadXlsx')}
                      </Button>
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed" data-print="hide">
                    <span aria-live="polite">{t('shownCount', { shown: shownRows.length, total: allRows.length })}</span>
                    {' · '}
                    {t('downloadNote')}
                  </Text>

                  <section aria-labelledby="public-ranking-heading">
                    <Group justify="space-between" align="flex-end" gap="sm" mb="xs">
                      <Title order={3} id="public-ranking-heading">
                        {t('rankingHeading')}
                      </Title>
                      {mainIndices.length > 0 && (
                        <Group gap="md" align="center" data-print="hide">
                          {pillars.length > 0 && (
                            <Group gap="xs" align="center">
                              <Text size="sm" id="public-node-columns-label">
                                {t('nodeColumns')}
                              </Text>
                              <SegmentedControl
                                aria-labelledby="public-node-columns-label"
                                value={nodeColumns}
                                onChange={(value) => onNodeColumns(value === 'pillars' ? 'pillars' : 'mainIndices')}
                                data={[
                                  { value: 'mainIndices', label: t('nodeColumns_mainIndices') },
                                  { value: 'pillars', label: t('nodeColumns_pillars') },
                                ]}
                              />
                            </Group>
                          )}
                          <Group gap="xs" align="center">
                            <Text size="sm" id="public-main-view-label">
                              {t('mainView')}
                            </Text>
                            <SegmentedControl
                              aria-labelledby="public-main-view-label"
                              value={mainView}
                              onChange={(value) => onMainView(value === 'ranks' ? 'ranks' : 'values')}
                              data={[
                                { value: 'values', label: t('mainView_values') },
                                { value: 'ranks', label: t('mainView_ranks') },
                              ]}
                            />
                          </Group>
                        </Group>
                      )}
                    </Group>
                    <Text size="sm" mb="xs">
                      {t('rankingCaption', { cohort: cohortLabel(unitKind), year: period.year, count: shownRows.length })}{' '}
                      <span data-print="hide">{t('sortHint')}</span>
                    </Text>
                    {shownRows.length === 0 ? (
                      <Text>{t('noMatch', { query })}</Text>
                    ) : (
                      <RankingTable
                        rows={shownRows}
                        mainIndices={mainIndices}
                        pillars={pillars}
                        nodeColumns={nodeColumns}
                        mainView={mainView}
                        sort={sort}
                        onSort={onSort}
                        precision={precision}
                        withChange={withChange}
                        caption={t('rankingCaption', {
                          cohort: cohortLabel(unitKind),
                          year: period.year,
                          count: shownRows.length,
                        })}
                        unitHref={(code) => unitPath(period.id, unitKind, code)}
                      />
                    )}
                  </section>

                  {cohortsWithMaps.data?.has(unitKind) && allRows.length > 0 && (
                    <section aria-labelledby="public-map-heading">
                      <Title order={3} id="public-map-heading" mb="xs">
                        {t('mapHeading')}
                      </Title>
                      <Suspense fallback={<PageLoader />}>
                        <ChoroplethMap
                          periodId={period.id}
                          unitKind={unitKind}
                          units={allRows}
                          precision={precision}
                          onOpenUnit={openUnit}
                        />
                      </Suspense>
                    </section>
                  )}

                  {bars.length > 0 && (
                    <section aria-labelledby="public-chart-heading">
                      <Title order={3} id="public-chart-heading" mb="xs">
                        {t('chartHeading')}
                      </Title>
                      <EChartsChart
                        option={barsOption}
                        height={rankingBarsHeight(bars.length)}
                        label={t('barChartLabel', {
                          count: bars.length,
                          top: bars[0]?.name ?? '',
                          topValue: formatNumber(bars[0]?.value, precision, locale),
                          bottom: bars[bars.length - 1]?.name ?? '',
                          bottomValue: formatNumber(bars[bars.length - 1]?.value, precision, locale),
                        })}
                      />
                    </section>
                  )}
                </Stack>
              ))}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
