import { Anchor, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { useLocale, useMessages } from '../i18n/locale';
import { formatNumber, formatPoints } from './format';
import { RankChange, ValueChange } from './rank-change';
import { rankingTableMessages } from './ranking-messages';
import {
  type MainIndexView,
  type NodeColumns,
  nodeSortColumn,
  type RankingRow,
  type SortColumn,
  type SortState,
} from './ranking-rows';
import classes from './ranking-table.module.css';
import { formatPercentValue } from './result-format';
import { SubmittedAtCloseBadge } from './state-badges';

function SortableHeader({
  column,
  sort,
  onSort,
  children,
  numeric,
  className,
  rowSpan,
  title,
}: {
  column: SortColumn;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  children: ReactNode;
  numeric?: boolean;
  className?: string;
  rowSpan?: number;
  title?: string;
}) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <Table.Th
      aria-sort={ariaSort}
      rowSpan={rowSpan}
      className={className}
      style={{ textAlign: numeric ? 'right' : 'left', verticalAlign: 'bottom' }}
    >
      <UnstyledButton
        onClick={() => onSort(column)}
        title={title}
        style={{
          minHeight: 40,
          display: 'inline-flex',
          alignItems: 'center',
          gap: 4,
          fontWeight: 700,
          fontSize: 'inherit',
          textAlign: numeric ? 'right' : 'left',
        }}
      >
        {children}
        <span aria-hidden="true" data-print="hide" style={{ opacity: active ? 1 : 0.35 }}>
          {active ? (sort.direction === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function RankingTable({
  rows,
  mainIndices,
  pillars = [],
  nodeColumns = 'mainIndices',
  mainView = 'values',
  sort,
  onSort,
  precision,
  withChange,
  caption,
  unitHref,
}: {
  rows: readonly RankingRow[];
  mainIndices: readonly { code: string; name: string }[];
  pillars?: readonly { code: string; name: string }[];
  /** Whether the columns after the index are the main indices or the pillars. */
  nodeColumns?: NodeColumns;
  /** What those columns show: values (0,2849, as dti.gov.vn publishes them) or ranks. */
  mainView?: MainIndexView;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  precision: number;
  withChange: boolean;
  caption: ReactNode;
  /** Where a unit's name links to; without it (a table not yet published) the names are plain text. */
  unitHref?: (code: string) => string;
}) {
  const t = useMessages(rankingTableMessages);
  const { locale } = useLocale();
  // Per-main-index values or ranks sit under one grouping header, so the other headers span two rows.
  const nodes = nodeColumns === 'pillars' ? pillars : mainIndices;
  const resultsOf = (row: RankingRow) => (nodeColumns === 'pillars' ? row.pillars : row.mainIndices);
  const groupLabel =
    nodeColumns === 'pillars'
      ? t(mainView === 'values' ? 'pillarValuesGroup' : 'pillarRanksGroup')
      : t(mainView === 'values' ? 'mainValuesGroup' : 'mainRanksGroup');
  const headerRows = nodes.length > 0 ? 2 : 1;
  const header = (column: SortColumn, label: ReactNode, numeric = true, className?: string) => (
    <SortableHeader column={column} sort={sort} onSort={onSort} numeric={numeric} className={className} rowSpan={headerRows}>
      {label}
    </SortableHeader>
  );
  // The width below which the table scrolls inside its box (a phone). It must stay under a 1,366 px
  // laptop's main column (≈1,330 px) with the change columns and eight main indices: 560 + 150 + 8 × 64
  // = 1,222 px; each main-index header wraps within 4–6rem (ranking-table.module.css), and a value
  // at four decimals (0,2849) fits the same 4rem as a rank.
  const minWidth = 560 + (withChange ? 150 : 0) + nodes.length * 64;

  return (
    // Positioned, so the visually hidden caption stays inside the scrolling box instead of widening
    // the page on a phone.
    <Table.ScrollContainer minWidth={minWidth} type="native" pos="relative">
      <Table striped highlightOnHover tabularNums captionSide="top" verticalSpacing={4} horizontalSpacing={6}>
        {/* Wider than a phone's screen, a visible caption would scroll away half-read: the page says
            the same above the table, and screen readers get it here. */}
        <Table.Caption style={{ textAlign: 'left' }}>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {header('rank', t('col_rank'), true, `${classes.sticky} ${classes.rank}`)}
            {header('name', t('col_unit'), false, `${classes.sticky} ${classes.unit}`)}
            {header('value', t('col_value'))}
            {header('percent', t('col_percent'))}
            {header('points', t('col_points'))}
            {withChange && header('rankChange', t('col_rankChange'))}
            {withChange && header('valueChange', t('col_valueChange'))}
            {nodes.length > 0 && (
              <Table.Th colSpan={nodes.length} scope="colgroup" style={{ textAlign: 'center' }}>
                {groupLabel}
              </Table.Th>
            )}
          </Table.Tr>
          {headerRows === 2 && (
            <Table.Tr>
              {nodes.map((main) => (
                <SortableHeader
                  key={main.code}
                  column={nodeSortColumn(nodeColumns, mainView, main.code)}
                  sort={sort}
                  onSort={onSort}
                  numeric
                  title={`${main.code}. ${main.name}`}
                  className={classes.mainHeader}
                >
                  {main.code}. {main.name}
                </SortableHeader>
              ))}
            </Table.Tr>
          )}
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td className={`${classes.sticky} ${classes.rank}`} style={{ textAlign: 'right', fontWeight: 700 }}>
                {row.rank ?? '–'}
              </Table.Td>
              <Table.Th scope="row" className={`${classes.sticky} ${classes.unit}`} style={{ fontWeight: 400 }}>
                {unitHref ? (
                  <Anchor
                    component={Link}
                    to={unitHref(row.code)}
                    style={{ display: 'inline-flex', alignItems: 'center', minHeight: 40 }}
                  >
                    {row.name}
                  </Anchor>
                ) : (
                  row.name
                )}
                {row.submittedAtClose && <SubmittedAtCloseBadge ml={6} />}
              </Table.Th>
              <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{formatNumber(row.value, precision, locale)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatPercentValue(row.percent, precision, locale)}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                {formatPoints(row.points, locale, 2)} / {formatPoints(row.max, locale)}
              </Table.Td>
              {withChange && (
                <Table.Td style={{ textAlign: 'right' }}>
                  <RankChange change={row.rankChange} isNew={!row.previous} />
                </Table.Td>
              )}
              {withChange && (
                <Table.Td style={{ textAlign: 'right' }}>
                  <ValueChange change={row.valueChange} precision={precision} />
                </Table.Td>
              )}
              {nodes.map((main) => (
                <Table.Td key={main.code} style={{ textAlign: 'right' }}>
                  {mainView === 'values'
                    ? formatNumber(resultsOf(row)[main.code]?.value, precision, locale)
                    : (resultsOf(row)[main.code]?.rank ?? '–')}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
