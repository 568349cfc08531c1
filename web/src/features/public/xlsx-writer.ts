import type { Cell, ColumnKind, ExportTable } from './ranking-export';

/**
 * A minimal XLSX writer for one sheet of text and numbers, so the portal offers Excel downloads
 * without a spreadsheet library in the browser bundle. An .xlsx file is a ZIP of a few XML parts
 * (ECMA-376): content types, relationships, the workbook, one worksheet with inline strings, and a
 * style sheet for bold headers and number formats. Entries are stored uncompressed (a ranking is a
 * few kilobytes), which every reader accepts. Numbers stay numbers, so a spreadsheet in any
 * language shows them with its own decimal separator.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A ZIP archive of stored (uncompressed) entries; names are ASCII paths. */
export function zipStored(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const encoder = new TextEncoder();
  // 1980-01-01 00:00, the earliest DOS date: the same input always gives the same bytes.
  const dosTime = 0;
  const dosDate = (1 << 5) | 1;
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true);
    l.setUint16(8, 0, true);
    l.setUint16(10, dosTime, true);
    l.setUint16(12, dosDate, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.data.length, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, dosTime, true);
    c.setUint16(14, dosDate, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);

  const parts = [...locals, ...centrals, end];
  const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    zip.set(part, position);
    position += part.length;
  }
  return zip;
}

/** Characters XML 1.0 forbids (C0 controls other than tab and line breaks) are dropped. */
function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

function escapeXml(text: string): string {
  return Array.from(text)
    .filter((character) => isXmlCharacter(character.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1'
  );
}

// Indices into cellXfs below.
const STYLE = { header: 1, value: 2, decimal: 3, integer: 4, signedValue: 5 } as const;
const STYLE_OF_KIND: Record<ColumnKind, number> = {
  text: 0,
  rank: STYLE.integer,
  value: STYLE.value,
  percent: STYLE.decimal,
  points: STYLE.decimal,
  maxPoints: 0,
  valueChange: STYLE.signedValue,
};

function stylesXml(precision: number): string {
  const decimals = precision > 0 ? `0.${'0'.repeat(precision)}` : '0';
  const xf = (numFmtId: number, fontId = 0) =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="${decimals}"/><numFmt numFmtId="165" formatCode="+${decimals};-${decimals};${decimals}"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="6">${xf(0)}${xf(0, 1)}${xf(164)}${xf(2)}${xf(1)}${xf(165)}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function cellXml(reference: string, cell: Cell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) return '';
  if (typeof cell === 'number') return `<c r="${reference}"${s}><v>${cell}</v></c>`;
  const space = /^\s|\s$/.test(cell) ? ' xml:space="preserve"' : '';
  return `<c r="${reference}" t="inlineStr"${s}><is><t${space}>${escapeXml(cell)}</t></is></c>`;
}

/**
 * Lines above the table that say what it is, as a printed ranking does: a heading, then label and
 * value pairs (the issuing authority, the period, the cohort, the publication date). A blank row
 * separates them from the table's header row, which stays frozen while the rows scroll.
 */
export interface TitleBlock {
  heading: string;
  lines: readonly (readonly [label: string, value: string])[];
}

function sheetXml(table: ExportTable, title?: TitleBlock): string {
  const widths = table.columns.map((column, index) => {
    const longest = Math.max(
      column.header.length,
      ...table.rows.map((row) => (typeof row[index] === 'string' ? (row[index] as string).length : 8)),
    );
    // The title's labels sit in column A: wide enough for them, the long values spill to the right.
    const titleLabel = index === 0 ? Math.max(0, ...(title?.lines ?? []).map(([label]) => label.length)) : 0;
    return Math.min(Math.max(longest + 2, titleLabel + 2, 8), 60);
  });
  const cols = widths
    .map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  const titleRows = title
    ? [
        `<row r="1">${cellXml('A1', title.heading, STYLE.header)}</row>`,
        ...title.lines.map(
          ([label, value], index) =>
            `<row r="${index + 2}">${cellXml(`A${index + 2}`, label, STYLE.header)}${cellXml(`B${index + 2}`, value, 0)}</row>`,
        ),
      ]
    : [];
  // The header row follows the title block and one blank row.
  const headerRow = title ? title.lines.length + 3 : 1;
  const header = `<row r="${headerRow}">${table.columns.map((column, index) => cellXml(`${columnName(index)}${headerRow}`, column.header, STYLE.header)).join('')}</row>`;
  const body = table.rows
    .map((row, rowIndex) => {
      const r = headerRow + rowIndex + 1;
      const cells = row
        .map((cell, index) => cellXml(`${columnName(index)}${r}`, cell, STYLE_OF_KIND[table.columns[index]?.kind ?? 'text']))
        .join('');
      return `<row r="${r}">${cells}</row>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>${titleRows.join('')}${header}${body}</sheetData></worksheet>`
  );
}

export function writeXlsx(table: ExportTable, options: { sheetName: string; precision: number; title?: TitleBlock }): Uint8Array {
  const encoder = new TextEncoder();
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
      `<sheets><sheet name="${escapeXml(safeSheetName(options.sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml(table, options.title),
    'xl/styles.xml': stylesXml(options.precision),
  };
  return zipStored(Object.entries(parts).map(([name, text]) => ({ name, data: encoder.encode(text) })));
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
