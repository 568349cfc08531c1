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

/** One field: empty for null, numbers as `formatNumber` writes them, text neutralised and quoted when needed. */
export function csvField(value: string | number | null | undefined, formatNumber: (value: number) => string = String): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: byte-order mark, one line per row, CRLF after each. */
export function csvDocument(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  formatNumber?: (value: number) => string,
): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvField(cell, formatNumber)).join(',')).join('\r\n')}\r\n`;
}
