import { describe, expect, it } from 'vitest';
import type { ExportTable } from './ranking-export';
import { columnName, crc32, writeXlsx, zipStored } from './xlsx-writer';

/** Reads a stored-only ZIP through its central directory, as a spreadsheet application does. */
function readZip(zip: Uint8Array): Map<string, { data: Uint8Array; crc: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let position = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries = new Map<string, { data: Uint8Array; crc: number }>();
  for (let index = 0; index < count; index++) {
    expect(view.getUint32(position, true)).toBe(0x02014b50);
    expect(view.getUint16(position + 10, true)).toBe(0); // stored
    const crc = view.getUint32(position + 16, true);
    const size = view.getUint32(position + 24, true);
    const nameLength = view.getUint16(position + 28, true);
    const localOffset = view.getUint32(position + 42, true);
    const name = decoder.decode(zip.subarray(position + 46, position + 46 + nameLength));
    expect(view.getUint32(localOffset, true)).toBe(0x04034b50);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    entries.set(name, { data: zip.subarray(dataStart, dataStart + size), crc });
    position += 46 + nameLength;
  }
  return entries;
}

function parseXml(bytes: Uint8Array): Document {
  const document = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('zipStored', () => {
  it('stores entries that read back byte for byte with their CRC', () => {
    const data = new TextEncoder().encode('Điện Biên');
    const entries = readZip(
      zipStored([
        { name: 'a.txt', data },
        { name: 'dir/b.xml', data: new Uint8Array([1, 2, 3]) },
      ]),
    );
    expect([...entries.keys()]).toEqual(['a.txt', 'dir/b.xml']);
    expect([...(entries.get('a.txt')?.data ?? [])]).toEqual([...data]);
    expect(entries.get('a.txt')?.crc).toBe(crc32(data));
  });
});

describe('columnName', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%d → %s', (index, name) => {
    expect(columnName(index)).toBe(name);
  });
});

describe('writeXlsx', () => {
  const table: ExportTable = {
    columns: [
      { header: 'Hạng', kind: 'rank' },
      { header: 'Đơn vị', kind: 'text' },
      { header: 'Chỉ số', kind: 'value' },
      { header: 'Thay đổi chỉ số', kind: 'valueChange' },
    ],
    rows: [
      [1, 'Sở <Thông tin> & "Truyền thông"', 0.8482, -0.0125],
      [null, 'Đơn vị\u0001 mới', null, null],
    ],
  };
  const parts = readZip(writeXlsx(table, { sheetName: 'Xếp hạng: 2023/2024', precision: 4 }));

  it('has the parts of an Office Open XML workbook, each well-formed with a matching CRC', () => {
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const part of parts.values()) {
      expect(part.crc).toBe(crc32(part.data));
      parseXml(part.data);
    }
  });

  it('writes numbers as numbers and text as inline strings, escaped, without forbidden characters', () => {
    const sheet = parseXml(parts.get('xl/worksheets/sheet1.xml')?.data ?? new Uint8Array());
    const cell = (reference: string) => sheet.querySelector(`c[r="${reference}"]`);
    expect(cell('A1')?.textContent).toBe('Hạng');
    expect(cell('A2')?.querySelector('v')?.textContent).toBe('1');
    expect(cell('B2')?.getAttribute('t')).toBe('inlineStr');
    expect(cell('B2')?.textContent).toBe('Sở <Thông tin> & "Truyền thông"');
    expect(cell('C2')?.querySelector('v')?.textContent).toBe('0.8482');
    expect(cell('D2')?.querySelector('v')?.textContent).toBe('-0.0125');
    expect(cell('A3')).toBeNull();
    expect(cell('B3')?.textContent).toBe('Đơn vị mới');
  });

  it('formats values with the framework precision and signed changes', () => {
    const styles = parseXml(parts.get('xl/styles.xml')?.data ?? new Uint8Array());
    const formats = [...styles.querySelectorAll('numFmt')].map((format) => format.getAttribute('formatCode'));
    expect(formats).toEqual(['0.0000', '+0.0000;-0.0000;0.0000']);
    const sheet = parseXml(parts.get('xl/worksheets/sheet1.xml')?.data ?? new Uint8Array());
    const styleOf = (reference: string) => Number(sheet.querySelector(`c[r="${reference}"]`)?.getAttribute('s') ?? 0);
    const xfs = [...styles.querySelectorAll('cellXfs > xf')];
    expect(xfs[styleOf('C2')]?.getAttribute('numFmtId')).toBe('164');
    expect(xfs[styleOf('D2')]?.getAttribute('numFmtId')).toBe('165');
    expect(xfs[styleOf('A1')]?.getAttribute('fontId')).toBe('1');
  });

  it('gives the sheet a name Excel accepts (no : / and at most 31 characters)', () => {
    const workbook = parseXml(parts.get('xl/workbook.xml')?.data ?? new Uint8Array());
    expect(workbook.querySelector('sheet')?.getAttribute('name')).toBe('Xếp hạng  2023 2024');
  });

  it('puts a title block above the table, a blank row, then the header row frozen', () => {
    const titled = readZip(
      writeXlsx(table, {
        sheetName: 'Xếp hạng',
        precision: 4,
        title: {
          heading: 'Kết quả chỉ số chuyển đổi số năm 2023',
          lines: [
            ['Cơ quan ban hành', 'Ủy ban nhân dân tỉnh Điện Biên'],
            ['Ngày công bố', '15/03/2024'],
          ],
        },
      }),
    );
    const sheet = parseXml(titled.get('xl/worksheets/sheet1.xml')?.data ?? new Uint8Array());
    const cell = (reference: string) => sheet.querySelector(`c[r="${reference}"]`)?.textContent;
    expect([cell('A1'), cell('A2'), cell('B2'), cell('A3'), cell('B3')]).toEqual([
      'Kết quả chỉ số chuyển đổi số năm 2023',
      'Cơ quan ban hành',
      'Ủy ban nhân dân tỉnh Điện Biên',
      'Ngày công bố',
      '15/03/2024',
    ]);
    expect(sheet.querySelector('row[r="4"]')).toBeNull();
    expect([cell('A5'), cell('B6'), cell('C6')]).toEqual(['Hạng', 'Sở <Thông tin> & "Truyền thông"', '0.8482']);
    const pane = sheet.querySelector('pane');
    expect([pane?.getAttribute('ySplit'), pane?.getAttribute('topLeftCell')]).toEqual(['5', 'A6']);
  });
});
