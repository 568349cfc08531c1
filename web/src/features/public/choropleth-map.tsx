import { Center, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo, useRef } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { EChartsChart } from '../../shared/echarts-chart';
import { formatNumber } from '../../shared/format';
import { useNearScreen } from '../../shared/near-screen';
import { choroplethOption, joinUnitsToMap, type MapUnit, mapGeoJson } from './choropleth';
import { publicMessages } from './messages';
import { useCohortMap } from './public-api';

/**
 * The published ranking on the cohort's map, when the administrator has uploaded one. Neither the
 * boundaries nor ECharts' map code are fetched before the map nears the screen. The drawing is an
 * image with a summary for assistive technologies; the ranking table is its full text equivalent,
 * with the same links as a click on a region.
 */
export default function ChoroplethMap({
  periodId,
  unitKind,
  units,
  precision,
  onOpenUnit,
}: {
  periodId: string;
  unitKind: string;
  units: readonly MapUnit[];
  precision: number;
  onOpenUnit: (code: string) => void;
}) {
  const t = useMessages(publicMessages);
  const { locale } = useLocale();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const frame = useRef<HTMLDivElement>(null);
  const near = useNearScreen(frame);
  const map = useCohortMap(periodId, unitKind, near);
  const height = compact ? 420 : 520;
  const mapName = `opendti:${periodId}:${unitKind}`;
  const format = useCallback((value: number) => formatNumber(value, precision, locale), [precision, locale]);

  const boundaries = map.data?.boundaries;
  const option = useMemo(
    () =>
      boundaries &&
      choroplethOption({
        mapName,
        boundaries,
        units,
        format,
        formatScale: (value) => formatNumber(value, 1, locale),
        compact,
        texts: {
          value: t('value'),
          rank: t('rank'),
          notRanked: t('mapNotRanked'),
          noData: t('mapNoData'),
          rankOf: (rank) => t('rankOf', { rank, count: units.length }),
        },
      }),
    [boundaries, mapName, units, format, locale, compact, t],
  );
  const joined = useMemo(() => (boundaries ? joinUnitsToMap(units, boundaries) : undefined), [boundaries, units]);
  const load = useCallback(async () => {
    const echarts = await import('./load-echarts-map');
    if (boundaries) echarts.registerMap(mapName, mapGeoJson(boundaries) as unknown as Parameters<typeof echarts.registerMap>[1]);
    return echarts;
  }, [boundaries, mapName]);
  const openUnit = useCallback(
    (code: string) => {
      if (joined?.byCode.has(code)) onOpenUnit(code);
    },
    [joined, onOpenUnit],
  );

  const ranked = [...(joined?.coloured ?? [])].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];

  return (
    <div ref={frame} style={{ minHeight: height }}>
      {map.isError ? (
        <Text c="dimmed" size="sm">
          {t('mapFailed')}
        </Text>
      ) : !option || !map.data ? (
        <Center h={height} role="status">
          <Loader size="sm" />
          <VisuallyHidden>{t('chartLoading')}</VisuallyHidden>
        </Center>
      ) : (
        <>
          <EChartsChart
            option={option}
            height={height}
            load={load}
            onItemClick={openUnit}
            label={t('mapLabel', {
              name: map.data.name,
              count: ranked.length,
              top: top?.name ?? '',
              topValue: formatNumber(top?.value, precision, locale),
              bottom: bottom?.name ?? '',
              bottomValue: formatNumber(bottom?.value, precision, locale),
            })}
          />
          <Text size="sm" c="dimmed" mt="xs">
            {t('mapCaption')} {t('mapLegendNoData')}
            {joined &&
              joined.missing.length > 0 &&
              ` ${t('mapMissing', { units: joined.missing.map((unit) => unit.name).join(', ') })}`}
          </Text>
          <Text size="xs" c="dimmed">
            {map.data.name}
          </Text>
        </>
      )}
    </div>
  );
}
