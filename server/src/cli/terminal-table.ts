/**
 * Plain-text tables for the terminal. Vietnamese text is NFC, one code point per column, so string
 * length is display width; numbers are right-aligned.
 */
export interface TableColumn {
  title: string;
  align?: 'left' | 'right';
}

export function renderTable(columns: TableColumn[], rows: string[][]): string {
  const widths = columns.map((column, index) => Math.max(width(column.title), ...rows.map((row) => width(row[index] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => {
        const padding = ' '.repeat(Math.max((widths[index] ?? 0) - width(cell), 0));
        return columns[index]?.align === 'right' ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((size) => '─'.repeat(size)).join('  ');
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}

function width(text: string): number {
  return [...text.normalize('NFC')].length;
}
