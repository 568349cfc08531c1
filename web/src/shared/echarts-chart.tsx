import { Box, Center, Loader, Text, VisuallyHidden } from '@mantine/core';
import type { EChartsCoreOption, EChartsType, init } from 'echarts/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n/locale';
import { chartMessages } from './chart-messages';
import { useNearScreen } from './near-screen';

/**
 * One ECharts chart (the public portal's and the plan dashboard's). ECharts (about 150 kB gzip even trimmed) is loaded on first use, not with the
 * page. The drawing is an image to assistive technologies (`role="img"` with `label`); `children`
 * is its text alternative — a table or a summary — kept in the page but visually hidden.
 */
export function EChartsChart({
  option,
  height,
  label,
  children,
  load,
  onItemClick,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
  children?: ReactNode;
  /** The ECharts build to use (default: bars, radar and lines); it may prepare more, e.g. register a map. */
  load?: () => Promise<{ init: typeof init }>;
  /** A click on a bar or a region, by its name. */
  onItemClick?: (name: string) => void;
}) {
  const t = useMessages(chartMessages);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const latestOption = useRef(option);
  latestOption.current = option;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  // ECharts is fetched when the chart comes near the screen, not with the page.
  const visible = useNearScreen(container);
  const latestClick = useRef(onItemClick);
  latestClick.current = onItemClick;
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    if (!visible) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    (latestLoad.current ?? (() => import('./load-echarts')))()
      .then(({ init }) => {
        const element = container.current;
        if (disposed || !element) return;
        const instance = init(element, undefined, { renderer: 'svg' });
        instance.setOption(latestOption.current);
        instance.on('click', (params) => latestClick.current?.(String(params.name ?? '')));
        chart.current = instance;
        // Follows the container: a rotated phone, a taller bar chart after a search.
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        setState('ready');
      })
      .catch(() => {
        if (!disposed) setState('failed');
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, [visible]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <Box pos="relative">
      <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />
      {state !== 'ready' && (
        <Center pos="absolute" inset={0} role="status">
          {state === 'loading' ? (
            <>
              <Loader size="sm" />
              <VisuallyHidden>{t('chartLoading')}</VisuallyHidden>
            </>
          ) : (
            <Text c="dimmed" size="sm">
              {t('chartFailed')}
            </Text>
          )}
        </Center>
      )}
      {children && <VisuallyHidden>{children}</VisuallyHidden>}
    </Box>
  );
}
