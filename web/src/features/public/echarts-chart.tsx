import { Box, Center, Loader, Text, VisuallyHidden } from '@mantine/core';
import type { EChartsType } from 'echarts/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import type { ChartOption } from './chart-options';
import { publicMessages } from './messages';

/**
 * One ECharts chart. ECharts (about 150 kB gzip even trimmed) is loaded on first use, not with the
 * page. The drawing is an image to assistive technologies (`role="img"` with `label`); `children`
 * is its text alternative — a table or a summary — kept in the page but visually hidden.
 */
export function EChartsChart({
  option,
  height,
  label,
  children,
}: {
  option: ChartOption;
  height: number;
  label: string;
  children?: ReactNode;
}) {
  const t = useMessages(publicMessages);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const latestOption = useRef(option);
  latestOption.current = option;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  // ECharts is fetched when the chart comes near the screen, not with the page: on the ranking the
  // chart sits under the table, so the first view's JavaScript leaves it out (issue 4: ≤ 300 KB).
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = container.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const watcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          watcher.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    watcher.observe(element);
    return () => watcher.disconnect();
  }, []);

  useEffect(() => {
    if (!visible) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./load-echarts')
      .then(({ init }) => {
        const element = container.current;
        if (disposed || !element) return;
        const instance = init(element, undefined, { renderer: 'svg' });
        instance.setOption(latestOption.current);
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
