import { Text, VisuallyHidden } from '@mantine/core';
import { useLocale, useMessages } from '../i18n/locale';
import { formatSigned } from './format';
import { rankingTableMessages } from './ranking-messages';

// Mantine teal.9 and red.9: both above WCAG AA's 4.5:1 on white; the arrow and the words carry the
// meaning too, not the colour alone.
const UP = 'teal.9';
const DOWN = 'red.9';

/** ▲3 / ▼2 / = for a rank change (positive = climbed); "Mới" for a unit absent from the previous period. */
export function RankChange({ change, isNew }: { change: number | null; isNew: boolean }) {
  const t = useMessages(rankingTableMessages);
  if (isNew) {
    return (
      <Text span size="sm" c="dimmed" title={t('newUnitLong')}>
        {t('newUnit')}
        <VisuallyHidden> ({t('newUnitLong')})</VisuallyHidden>
      </Text>
    );
  }
  if (change === null) return <Text span>–</Text>;
  if (change === 0) {
    return (
      <Text span c="dimmed">
        <span aria-hidden="true">=</span>
        <VisuallyHidden>{t('rankSame')}</VisuallyHidden>
      </Text>
    );
  }
  const up = change > 0;
  return (
    <Text span c={up ? UP : DOWN} fw={600} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">
        {up ? '▲' : '▼'}
        {Math.abs(change)}
      </span>
      <VisuallyHidden>{t(up ? 'rankUp' : 'rankDown', { count: Math.abs(change) })}</VisuallyHidden>
    </Text>
  );
}

/** +0,0125 in teal, −0,0500 in red. */
export function ValueChange({ change, precision }: { change: number | null; precision: number }) {
  const { locale } = useLocale();
  const color = change === null || change === 0 ? undefined : change > 0 ? UP : DOWN;
  return (
    <Text span c={color} style={{ whiteSpace: 'nowrap' }}>
      {formatSigned(change, locale, precision)}
    </Text>
  );
}
