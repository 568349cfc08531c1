import { DomainError, type LocalizedText } from '@opendti/core';
import Papa from 'papaparse';

/**
 * UTF-8 text of a CSV file, without its BOM. `fatal`: Vietnamese Excel's plain "CSV" is
 * Windows-1258, which would otherwise decode into silently garbled names.
 */
export function decodeCsv(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('invalid-input', [
      {
        code: 'input.unreadable',
        params: { detail: 'tệp không phải UTF-8; trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"' },
        location: { file: label },
      },
    ]);
  }
}

/**
 * Comma, semicolon (Vietnamese Excel) or tab. Papa guesses from the field counts of the first rows
 * and counts the empty line after a final newline as a row of one field, which in a short file tips
 * the guess to "," whatever the separator; so guess on the first non-empty lines only.
 */
export function guessCsvDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    preview: 10,
  });
  return guess.meta.delimiter || ',';
}

/** The most rows a table reader takes after the header, and why (see `input.too-many-rows`). */
export interface RowBound {
  maxRows: number;
  basis: LocalizedText;
}

/**
 * Parses CSV text row by row (empty lines kept, so row numbers stay the file's). Throws a located
 * DomainError on an unclosed quote, and, with a `bound`, at the first non-blank row past it: the
 * parser stops there, so a file of a million rows costs no more than one of `maxRows`.
 */
export function parseCsvRows(text: string, label: string, onRow: (cells: string[]) => void, bound?: RowBound): void {
  let quoteErrorRow: number | undefined;
  let overflowRow: number | undefined;
  let row = 0;
  Papa.parse<string[]>(text, {
    delimiter: guessCsvDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      row++;
      if (bound && row - 1 > bound.maxRows && result.data.some((cell) => cell.trim() !== '')) {
        overflowRow = row;
        parser.abort();
        return;
      }
      if (quoteErrorRow === undefined && result.errors.some((error) => error.type === 'Quotes')) quoteErrorRow = row;
      onRow(result.data);
    },
  });
  if (overflowRow !== undefined && bound) {
    throw new DomainError('invalid-input', [
      {
        code: 'input.too-many-rows',
        params: { max: bound.maxRows, row: overflowRow, basis: bound.basis },
        location: { file: label, row: overflowRow },
      },
    ]);
  }
  if (quoteErrorRow !== undefined) {
    throw new DomainError('invalid-input', [
      {
        code: 'input.unreadable',
        params: { detail: 'dấu ngoặc kép (") không được đóng' },
        location: { file: label, row: quoteErrorRow },
      },
    ]);
  }
}
