import { describe, expect, it } from 'vitest';
import { buildRankingTable, type ExportHeaders, type ExportTable, machineNumber, toCsv } from './ranking-export';
import { buildRankingRows, type ResultUnit } from './ranking-rows';

const headers: ExportHeaders = {
  rank: 'Hạng',
  code: 'Mã',
  name: 'Đơn vị',
  value: 'Chỉ số',
  percent: 'Tỷ lệ (%)',
  points: 'Điểm',
  max: 'Điểm tối đa',
  previousRank: 'Hạng kỳ trước',
  rankChange: 'Thay đổi hạng',
  valueChange: 'Thay đổi chỉ số',
  mainValue: (name) => `${name} – chỉ số`,
  mainRank: (name) => `${name} – hạng`,
};

function unit(code: string, name: string, value: number | null, rank: number | null, points: number | null): ResultUnit {
  return {
    code,
    name,
    value,
    rank,
    percent: value === null ? null : Math.round(value * 10000) / 100,
    points,
    max: 500,
    mainIndices: [{ code: '1', name: 'Nhận thức số', points: 43.5, max: 50, value: 0.87, rank: rank }],
  };
}

const current = {
  framework: { precision: 4 },
  units: [
    unit('DBP', 'Thành phố Điện Biên Phủ', 0.8482, 1, 424.089856),
    unit('X', 'Sở "Thử", Ban A', 0.2, 2, 100),
    unit('N', 'Đơn vị mới', null, null, null),
  ],
};
const previous = { framework: { precision: 4 }, units: [unit('DBP', '', 0.6829, 3, 341), unit('X', '', 0.25, 1, 125)] };
const mainIndices = [{ code: '1', name: 'Nhận thức số' }];

describe('buildRankingTable', () => {
  it('has the change columns only when there is a previous period', () => {
    const rows = buildRankingRows(current, previous);
    expect(buildRankingTable(rows, mainIndices, headers, true).columns.map((column) => column.header)).toEqual([
      'Hạng',
      'Mã',
      'Đơn vị',
      'Chỉ số',
      'Tỷ lệ (%)',
      'Điểm',
      'Điểm tối đa',
      'Hạng kỳ trước',
      'Thay đổi hạng',
      'Thay đổi chỉ số',
      '1. Nhận thức số – chỉ số',
      '1. Nhận thức số – hạng',
    ]);
    expect(buildRankingTable(rows, mainIndices, headers, false).columns).toHaveLength(9);
  });

  it('keeps the rows and order it is given (what the visitor sees)', () => {
    const rows = buildRankingRows(current, previous).reverse();
    const table = buildRankingTable(rows, mainIndices, headers, true);
    expect(table.rows.map((row) => row[1])).toEqual(['N', 'X', 'DBP']);
    expect(table.rows[2]).toEqual([1, 'DBP', 'Thành phố Điện Biên Phủ', 0.8482, 84.82, 424.089856, 500, 3, 2, 0.1653, 0.87, 1]);
    expect(table.rows[0]?.slice(7, 10)).toEqual([null, null, null]);
  });
});

describe('machineNumber', () => {
  it.each([
    [0.8482, '0.8482'],
    [424.089856, '424.089856'],
    [500, '500'],
    [-0.2794, '-0.2794'],
    [-3, '-3'],
    [-0, '0'],
    [0.0001, '0.0001'],
    [1234567.5, '1234567.5'],
    [Number.NaN, ''],
  ])('%s → %s (decimal point, no grouping, no exponent)', (value, expected) => {
    expect(machineNumber(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  const csv = toCsv(buildRankingTable(buildRankingRows(current, previous), mainIndices, headers, true));
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('writes numbers in machine format, never with a decimal comma', () => {
    expect(lines[1]).toBe('1,DBP,Thành phố Điện Biên Phủ,0.8482,84.82,424.089856,500,3,2,0.1653,0.87,1');
  });

  it('quotes fields with commas and quotes (RFC 4180) and leaves missing figures empty', () => {
    expect(lines[2]?.startsWith('2,X,"Sở ""Thử"", Ban A",0.2,20,100,500,1,-1,-0.05,')).toBe(true);
    expect(lines[3]).toBe(',N,Đơn vị mới,,,,500,,,,0.87,');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const table: ExportTable = { columns: [{ header: 'Đơn vị', kind: 'text' }], rows: [['=HYPERLINK("x")'], ['+1'], ['Sở A']] };
    expect(toCsv(table).slice(1).split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""x"")"`, "'+1", 'Sở A']);
  });
});
