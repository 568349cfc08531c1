import { Table, type TableTdProps, type TableTrProps, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import classes from './list-table.module.css';

export interface ListColumn<Row> {
  /** The column's name: its header, and on a phone the name each card shows before the cell's value. */
  header: string;
  cell: (row: Row) => ReactNode;
  /**
   * The cell stands alone on a phone's card, without the column's name: the row's name, its
   * actions. A function decides per row (a reason shown only where there is one).
   */
  alone?: boolean | ((row: Row) => boolean);
  /** The header is for screen readers only: a column of action buttons has no visible title. */
  hiddenHeader?: boolean;
  align?: 'right';
  width?: number;
  /** Mantine props of every cell of the column (a monospace code, a bold year). */
  cellProps?: TableTdProps;
}

interface ListTableProps<Row> {
  rows: readonly Row[];
  columns: readonly ListColumn<Row>[];
  rowKey: (row: Row) => string | number;
  /** Below this width the laptop table scrolls sideways; under Mantine's "sm" it becomes cards. */
  minWidth: number;
  /** Said in the table's single row when there are no rows (no match for the filters, nothing yet). */
  empty: string;
  rowProps?: (row: Row) => TableTrProps;
  highlightOnHover?: boolean;
  style?: CSSProperties;
}

/**
 * Every administration list as one table: a striped table on a laptop, a stack of cards on a phone
 * (list-table.module.css), where each cell repeats its column's name (data-label) unless it stands
 * alone; an empty list says so in one full-width row.
 */
export function ListTable<Row>({
  rows,
  columns,
  rowKey,
  minWidth,
  empty,
  rowProps,
  highlightOnHover = true,
  style,
}: ListTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={minWidth} className={classes.container}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing="xs" className={classes.table} style={style}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} ta={column.align} w={column.width}>
                {column.hiddenHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) => {
                const alone = typeof column.alone === 'function' ? column.alone(row) : (column.alone ?? column.hiddenHeader);
                return (
                  <Table.Td
                    key={column.header}
                    ta={column.align}
                    data-label={alone ? undefined : column.header}
                    {...column.cellProps}
                  >
                    {column.cell(row)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <EmptyList>{empty}</EmptyList>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What an empty list says, centred and dimmed, in a table's row or under a tree. */
export function EmptyList({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" ta="center" py="md">
      {children}
    </Text>
  );
}
