import { Badge, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type Dictionary, useLocale, useMessages } from '../i18n/locale';
import { formatDate, formatNumber, formatPercent, formatPoints, formatSigned, type Locale } from './format';
import { ListTable } from './list-table';

/**
 * A plan's targets (chỉ tiêu) as the manager's dashboard and the public summary show them: baseline
 * → target → current value, with "met" or "missed" once the next period is published. The server
 * measures the current value as the draft measured the baseline (core's targetCurrent); the page
 * only prints it.
 */
export interface TargetRow {
  code: string;
  level: 'indicator' | 'mainIndex';
  name: string;
  baseline: number | null;
  target: number;
  unit: 'points' | 'value' | 'percent';
  dueOn: string;
  current: number | null;
  met: boolean | null;
}

type Key =
  | 'col_code'
  | 'col_name'
  | 'col_baseline'
  | 'col_target'
  | 'col_current'
  | 'col_change'
  | 'col_due'
  | 'col_verdict'
  | 'met'
  | 'missed'
  | 'pending'
  | 'unit_points'
  | 'unit_value'
  | 'unit_percent'
  | 'level_mainIndex'
  | 'noTargets'
  | 'verdictCount'
  | 'showAll'
  | 'showFewer';

export const planTargetMessages: Dictionary<Key> = {
  vi: {
    col_code: 'Mã',
    col_name: 'Chỉ số',
    col_baseline: 'Xuất phát',
    col_target: 'Chỉ tiêu',
    col_current: 'Hiện tại',
    col_change: 'Thay đổi',
    col_due: 'Thời hạn',
    col_verdict: 'Kết quả',
    met: 'Đạt',
    missed: 'Chưa đạt',
    pending: 'Chờ kết quả kỳ sau',
    unit_points: 'điểm',
    unit_value: 'giá trị',
    unit_percent: '%',
    level_mainIndex: 'chỉ số chính',
    noTargets: 'Kế hoạch chưa có chỉ tiêu.',
    verdictCount: '{met} đạt, {missed} chưa đạt trên {total} chỉ tiêu',
    showAll: 'Xem tất cả {total} chỉ tiêu',
    showFewer: 'Thu gọn',
  },
  en: {
    col_code: 'Code',
    col_name: 'Indicator',
    col_baseline: 'Baseline',
    col_target: 'Target',
    col_current: 'Current',
    col_change: 'Change',
    col_due: 'Due',
    col_verdict: 'Result',
    met: 'Met',
    missed: 'Missed',
    pending: 'Awaiting the next results',
    unit_points: 'points',
    unit_value: 'value',
    unit_percent: '%',
    level_mainIndex: 'main index',
    noTargets: 'The plan has no targets yet.',
    verdictCount: '{met} met, {missed} missed of {total} targets',
    showAll: 'Show all {total} targets',
    showFewer: 'Show fewer',
  },
};

/** Current − baseline in the target's unit, signed (+2,5; −0,0125); a dash until both are known. */
export function formatTargetChange(row: Pick<TargetRow, 'baseline' | 'current' | 'unit'>, locale: Locale): string {
  if (row.baseline === null || row.current === null) return '–';
  const change = row.current - row.baseline;
  if (row.unit === 'value') return formatSigned(change, locale, 4);
  if (row.unit === 'percent') return `${formatSigned(change, locale, 1)}%`;
  return formatSigned(change, locale);
}

/** A target's figure in its own unit: points as people write them (7,5), a value to four places (0,8523), a percentage (85,0%). */
export function formatTargetValue(value: number | null, unit: TargetRow['unit'], locale: Locale): string {
  if (unit === 'value') return formatNumber(value, 4, locale);
  if (unit === 'percent') return formatPercent(value, locale);
  return formatPoints(value, locale);
}

export function TargetVerdictBadge({ met }: { met: boolean | null }) {
  const t = useMessages(planTargetMessages);
  if (met === null) {
    return (
      <Badge color="gray" variant="outline" radius="sm" tt="none">
        {t('pending')}
      </Badge>
    );
  }
  return (
    <Badge color={met ? 'green' : 'red'} variant="light" radius="sm" tt="none">
      {met ? t('met') : t('missed')}
    </Badge>
  );
}

/** A draft lists every indicator losing points (70 or more): the first ones, in gain order, until the reader asks for all. */
export const TARGETS_SHOWN_FIRST = 15;

const NUMBER_CELL = { style: { whiteSpace: 'nowrap' as const } };

/** The targets table: a table on a laptop, cards on a phone (ListTable); long lists open on request. */
export function PlanTargetTable({ targets }: { targets: readonly TargetRow[] }) {
  const t = useMessages(planTargetMessages);
  const { locale } = useLocale();
  const [all, setAll] = useState(false);
  const unitName = (unit: TargetRow['unit']) => t(`unit_${unit}`);
  const long = targets.length > TARGETS_SHOWN_FIRST;
  const shown = all || !long ? targets : targets.slice(0, TARGETS_SHOWN_FIRST);
  return (
    <Stack gap="xs">
      <ListTable
        rows={shown}
        rowKey={(row) => `${row.level}:${row.code}`}
        minWidth={840}
        empty={t('noTargets')}
        columns={[
          { header: t('col_code'), cell: (row) => row.code, width: 70, cellProps: { ff: 'monospace' } },
          {
            header: t('col_name'),
            cell: (row) => (
              <Text size="sm">
                {row.name}
                {row.level === 'mainIndex' && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    ({t('level_mainIndex')})
                  </Text>
                )}
              </Text>
            ),
          },
          {
            header: t('col_baseline'),
            cell: (row) => formatTargetValue(row.baseline, row.unit, locale),
            align: 'right',
            cellProps: NUMBER_CELL,
          },
          {
            header: t('col_target'),
            cell: (row) =>
              `${formatTargetValue(row.target, row.unit, locale)}${row.unit === 'percent' ? '' : ` ${unitName(row.unit)}`}`,
            align: 'right',
            cellProps: NUMBER_CELL,
          },
          {
            header: t('col_current'),
            cell: (row) => <strong>{formatTargetValue(row.current, row.unit, locale)}</strong>,
            align: 'right',
            cellProps: NUMBER_CELL,
          },
          {
            header: t('col_change'),
            cell: (row) => formatTargetChange(row, locale),
            align: 'right',
            cellProps: NUMBER_CELL,
          },
          { header: t('col_due'), cell: (row) => formatDate(row.dueOn, locale), width: 110 },
          { header: t('col_verdict'), cell: (row) => <TargetVerdictBadge met={row.met} />, width: 170 },
        ]}
      />
      {long && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setAll((open) => !open)}
          aria-expanded={all}
          style={{ alignSelf: 'flex-start' }}
        >
          {all ? t('showFewer') : t('showAll', { total: targets.length })}
        </Button>
      )}
    </Stack>
  );
}

/** "3 đạt, 2 chưa đạt trên 7 chỉ tiêu". */
export function TargetVerdictSummary({ targets }: { targets: readonly Pick<TargetRow, 'met'>[] }) {
  const t = useMessages(planTargetMessages);
  const met = targets.filter((target) => target.met === true).length;
  const missed = targets.filter((target) => target.met === false).length;
  return (
    <Text size="sm" fw={500}>
      {t('verdictCount', { met, missed, total: targets.length })}
    </Text>
  );
}
