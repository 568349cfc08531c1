/**
 * CSV as every OpenDTI writer produces it: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a
 * byte-order mark so that Excel reads Vietnamese — and text that a spreadsheet would run as a
 * formula neutralised. One function for the command line and the web export: the command line once
 * wrote `=cmd|' /C calc'!A0` raw while the web neutralised it.
 */

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets an
 * apostrophe in front (OWASP "CSV injection"). Unit names never start that way, so nothing real
 * changes. Numbers are never touched: -3 is a number, not a formula.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * How a document writes its fields. The default is RFC 4180 with numbers as `String` writes them
 * (0.2849), which programs and an English Excel read. Excel set to Vietnamese (or German, French …)
 * takes the decimal comma, so it splits a CSV at the list separator of Windows' regional settings,
 * a semicolon there: that variant is `separator: ';'` with a `formatNumber` writing 0,2849. A
 * `sep=;` first line would say so too, but Excel then ignores the byte-order mark and garbles
 * Vietnamese, so the separator is the reader's choice of file instead.
 */
export interface CsvFormat {
  separator?: ',' | ';';
  /** A number as the field's text; `column` is its index in the row, for per-column rounding. */
  formatNumber?: (value: number, column: number) => string;
}

type CsvCell = string | number | null | undefined;

/** One field: empty for null, numbers as `formatNumber` writes them, text neutralised and quoted when needed. */
export function csvField(
  value: CsvCell,
  formatNumber: (value: number, column: number) => string = String,
  separator: ',' | ';' = ',',
  column = 0,
): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value, column) : neutraliseFormula(value);
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: byte-order mark, one line per row, CRLF after each. */
export function csvDocument(rows: readonly (readonly CsvCell[])[], format: CsvFormat = {}): string {
  const separator = format.separator ?? ',';
  const line = (row: readonly CsvCell[]) =>
    row.map((cell, column) => csvField(cell, format.formatNumber, separator, column)).join(separator);
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`;
}
