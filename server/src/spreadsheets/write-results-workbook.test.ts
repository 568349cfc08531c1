import type { NodeResult, ResultSet, UnitResult } from '@opendti/core';
import ExcelJS, { type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeResultsWorkbook } from './write-results-workbook.js';

function node(code: string, name: string, points: number | null, max: number, rank: number | null): NodeResult {
  return { code, name, points, selfPoints: points, max, value: points === null ? null : points / max, rank };
}

function unit(
  code: string,
  name: string,
  points: number | null,
  rank: number | null,
  extra: Partial<UnitResult> = {},
): UnitResult {
  return {
    code,
    name,
    points,
    selfPoints: points === null ? null : points + 1,
    max: 100,
    value: points === null ? null : points / 100,
    percent: points,
    rank,
    groups: [],
    mainIndices: [node('1', 'Nhận thức số', points === null ? null : points / 2, 50, rank), node('2', 'Thể chế số', 10, 50, 1)],
    pillars: [node('CQS', 'Chính quyền số', 20, 100, rank)],
    ...extra,
  };
}

const results: ResultSet = {
  framework: { id: 'demo', name: 'Bộ chỉ số thử', year: 2022, max: 100, precision: 4 },
  units: [
    unit('H02', 'Huyện Mường Nhé', 40.5, 2, { previous: { value: 0.5, rank: 1 }, change: { value: -0.095, rank: -1 } }),
    unit('H03', 'Huyện chưa chấm', null, null),
    unit('H01', 'Thành phố Điện Biên Phủ', 62.25, 1, { previous: { value: 0.6, rank: 2 }, change: { value: 0.0225, rank: 1 } }),
  ],
};

async function open(bytes: Uint8Array): Promise<{ ranking: Worksheet; long: Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const ranking = workbook.getWorksheet('Xếp hạng');
  const long = workbook.getWorksheet('Chỉ số chính');
  if (!ranking || !long) throw new Error(`sheets: ${workbook.worksheets.map((sheet) => sheet.name).join(', ')}`);
  return { ranking, long };
}

describe('writeResultsWorkbook', () => {
  it('writes the ranking sorted by rank, numbers as numbers with number formats', async () => {
    const { ranking } = await open(await writeResultsWorkbook(results));

    expect(ranking.getRow(1).values).toEqual([
      undefined,
      'Hạng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Điểm thẩm định',
      'Điểm tự đánh giá',
      'Điểm tối đa',
      'Chỉ số (0–1)',
      'Tỷ lệ (%)',
      'Hạng năm trước',
      'Thay đổi hạng',
      'Thay đổi giá trị',
      '1 Nhận thức số – giá trị',
      '1 Nhận thức số – hạng',
      '2 Thể chế số – giá trị',
      '2 Thể chế số – hạng',
      'CQS Chính quyền số – giá trị',
      'CQS Chính quyền số – hạng',
    ]);
    expect(ranking.getRow(1).font?.bold ?? ranking.getCell('A1').font?.bold).toBe(true);
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ranking.autoFilter).toBe('A1:Q1');

    expect([2, 3, 4].map((row) => ranking.getCell(row, 2).value)).toEqual(['H01', 'H02', 'H03']);
    const first = ranking.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(4).value).toBe(62.25);
    expect(first.getCell(4).numFmt).toBe('0.00');
    expect(first.getCell(5).value).toBe(63.25);
    expect(first.getCell(7).value).toBe(0.6225);
    expect(first.getCell(7).numFmt).toBe('0.0000');
    expect(first.getCell(8).numFmt).toBe('0.00');
    expect([9, 10, 11].map((column) => first.getCell(column).value)).toEqual([2, 1, 0.0225]);
    expect(first.getCell(12).value).toBeCloseTo(0.6225);
    expect(first.getCell(13).value).toBe(1);

    // An unranked unit comes last, with empty cells where there is nothing to show.
    const unranked = ranking.getRow(4);
    expect([1, 4, 7, 9].map((column) => unranked.getCell(column).value)).toEqual([null, null, null, null]);
    expect(unranked.getCell(3).value).toBe('Huyện chưa chấm');
  });

  it('lists main indices in long form and leaves out the year-over-year columns when there is no previous year', async () => {
    const withoutPrevious: ResultSet = {
      ...results,
      units: results.units.map(({ previous: _previous, change: _change, ...rest }) => rest),
    };
    const { ranking, long } = await open(await writeResultsWorkbook(withoutPrevious));
    expect(ranking.getCell(1, 9).value).toBe('1 Nhận thức số – giá trị');

    expect(long.getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã chỉ số chính',
      'Tên chỉ số chính',
      'Điểm',
      'Điểm tối đa',
      'Giá trị (0–1)',
      'Hạng',
    ]);
    expect(long.rowCount).toBe(1 + 3 * 2);
    expect(long.getRow(2).values).toEqual([
      undefined,
      'H01',
      'Thành phố Điện Biên Phủ',
      '1',
      'Nhận thức số',
      31.125,
      50,
      0.6225,
      1,
    ]);
    expect(long.getCell(2, 7).numFmt).toBe('0.0000');
  });
});
