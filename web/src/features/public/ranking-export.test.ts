import { describe, expect, it } from 'vitest';
import { buildRankingRows, type ResultUnit } from '../../shared/ranking-rows';
import {
  buildRankingTable,
  displayedNumber,
  type ExportHeaders,
  type ExportTable,
  exportFileName,
  toCsv,
} from './ranking-export';

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
  it('names a unit the system submitted at the close as such', () => {
    const flagged = {
      ...current,
      units: current.units.map((item, index) => (index === 1 ? { ...item, submittedAtClose: true } : item)),
    };
    const table = buildRankingTable(
      buildRankingRows(flagged),
      mainIndices,
      { ...headers, submittedAtClose: 'nộp tự động khi đóng kỳ' },
      false,
    );
    expect(table.rows.map((row) => row[2])).toEqual([
      'Thành phố Điện Biên Phủ',
      'Sở "Thử", Ban A (nộp tự động khi đóng kỳ)',
      'Đơn vị mới',
    ]);
  });

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

  it('adds the value and rank of each pillar after the main indices where the framework has pillars', () => {
    const withPillar = {
      framework: { precision: 4 },
      units: [
        {
          ...unit('HN', 'Hà Nội', 0.7, 1, 350),
          pillars: [{ code: 'CQS', name: 'Chính quyền số', points: null, max: null, value: 0.61, rank: 2 }],
        },
      ],
    };
    const table = buildRankingTable(buildRankingRows(withPillar), mainIndices, headers, false, [
      { code: 'CQS', name: 'Chính quyền số' },
    ]);
    expect(table.columns.slice(-2).map((column) => column.header)).toEqual([
      'CQS. Chính quyền số – chỉ số',
      'CQS. Chính quyền số – hạng',
    ]);
    expect(table.rows[0]?.slice(-2)).toEqual([0.61, 2]);
  });

  it('keeps the rows and order it is given (what the visitor sees)', () => {
    const rows = buildRankingRows(current, previous).reverse();
    const table = buildRankingTable(rows, mainIndices, headers, true);
    expect(table.rows.map((row) => row[1])).toEqual(['N', 'X', 'DBP']);
    expect(table.rows[2]).toEqual([1, 'DBP', 'Thành phố Điện Biên Phủ', 0.8482, 84.82, 424.089856, 500, 3, 2, 0.1653, 0.87, 1]);
    expect(table.rows[0]?.slice(7, 10)).toEqual([null, null, null]);
  });
});

describe('displayedNumber', () => {
  it.each([
    [0.8482, 4, '0.8482'],
    [0.2, 4, '0.2000'],
    [424.089856, 2, '424.09'],
    [84.825, 2, '84.83'],
    [-0.2794, 4, '-0.2794'],
    [-0.00001, 4, '0.0000'],
    [-3, 0, '-3'],
    [1234567.5, 2, '1234567.50'],
    [500, 'trimmed', '500'],
    [16.666667, 'trimmed', '16.67'],
    [7.5, 'trimmed', '7.5'],
    [Number.NaN, 4, ''],
  ] as const)('%s at %s places → %s (rounded as displayed, decimal point, no grouping)', (value, decimals, expected) => {
    expect(displayedNumber(value, decimals)).toBe(expected);
  });
});

describe('toCsv', () => {
  const csv = toCsv(buildRankingTable(buildRankingRows(current, previous), mainIndices, headers, true), 4);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('writes numbers rounded as the screen shows them, never with a decimal comma', () => {
    expect(lines[1]).toBe('1,DBP,Thành phố Điện Biên Phủ,0.8482,84.82,424.09,500,3,2,0.1653,0.8700,1');
  });

  it('quotes fields with commas and quotes (RFC 4180) and leaves missing figures empty', () => {
    expect(lines[2]?.startsWith('2,X,"Sở ""Thử"", Ban A",0.2000,20.00,100.00,500,1,-1,-0.0500,')).toBe(true);
    expect(lines[3]).toBe(',N,Đơn vị mới,,,,500,,,,0.8700,');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const table: ExportTable = { columns: [{ header: 'Đơn vị', kind: 'text' }], rows: [['=HYPERLINK("x")'], ['+1'], ['Sở A']] };
    expect(toCsv(table, 4).slice(1).split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""x"")"`, "'+1", 'Sở A']);
  });
});

describe('toCsv for Excel set to Vietnamese and toCsv standard, byte for byte', () => {
  const small: ExportTable = {
    columns: [
      { header: 'Hạng', kind: 'rank' },
      { header: 'Đơn vị', kind: 'text' },
      { header: 'Chỉ số', kind: 'value' },
      { header: 'Tỷ lệ (%)', kind: 'percent' },
      { header: 'Điểm', kind: 'points' },
      { header: 'Thay đổi chỉ số', kind: 'valueChange' },
    ],
    rows: [
      [1, 'Sở Y tế, Điện Biên', 0.84815, 84.815, 424.089856, -0.0125],
      [2, 'Sở "A"; B', 0.2, 20, 1234.5, null],
    ],
  };
  const bytes = (text: string) => [...new TextEncoder().encode(text)];

  it('standard: commas, decimal point, quotes around a comma', () => {
    const expected =
      '\uFEFFHạng,Đơn vị,Chỉ số,Tỷ lệ (%),Điểm,Thay đổi chỉ số\r\n' +
      '1,"Sở Y tế, Điện Biên",0.8482,84.82,424.09,-0.0125\r\n' +
      '2,"Sở ""A""; B",0.2000,20.00,1234.50,\r\n';
    expect(bytes(toCsv(small, 4))).toEqual(bytes(expected));
    expect(bytes(toCsv(small, 4)).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('excel-vi: semicolons, decimal comma, no grouping, quotes around a semicolon only', () => {
    const expected =
      '\uFEFFHạng;Đơn vị;Chỉ số;Tỷ lệ (%);Điểm;Thay đổi chỉ số\r\n' +
      '1;Sở Y tế, Điện Biên;0,8482;84,82;424,09;-0,0125\r\n' +
      '2;"Sở ""A""; B";0,2000;20,00;1234,50;\r\n';
    expect(bytes(toCsv(small, 4, 'excel-vi'))).toEqual(bytes(expected));
  });
});

describe('exportFileName', () => {
  it('joins Vietnamese words without diacritics, kebab-case', () => {
    expect(exportFileName('ket-qua-dti', 2023, 'Huyện, thị xã, thành phố')).toBe('ket-qua-dti-2023-huyen-thi-xa-thanh-pho');
    expect(exportFileName('Kết quả DTI', 2022, 'Sở, ban, ngành')).toBe('ket-qua-dti-2022-so-ban-nganh');
    expect(exportFileName('Điện Biên')).toBe('dien-bien');
  });
});
