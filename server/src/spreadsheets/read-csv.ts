import { DomainError } from '@opendti/core';
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

/**
 * Parses CSV text row by row (empty lines kept, so row numbers stay the file's). Throws a located
 * DomainError on an unclosed quote.
 */
export function parseCsvRows(text: string, label: string, onRow: (cells: string[]) => void): void {
  let quoteErrorRow: number | undefined;
  let row = 0;
  Papa.parse<string[]>(text, {
    delimiter: guessCsvDelimiter(text),
    skipEmptyLines: false,
    step: (result) => {
      row++;
      if (quoteErrorRow === undefined && result.errors.some((error) => error.type === 'Quotes')) quoteErrorRow = row;
      onRow(result.data);
    },
  });
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
