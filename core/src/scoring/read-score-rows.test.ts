import { describe, expect, it } from 'vitest';
import { formatProblem } from '../errors/problem.js';
import { tableOf, tinyFramework } from '../test-support/tiny-framework.js';
import { readScoreRows, resolveScoreColumns } from './read-score-rows.js';

const framework = tinyFramework();

function messages(rows: (string | undefined)[][], locale: 'vi' | 'en' = 'en'): string[] {
  return readScoreRows(framework, tableOf(rows)).problems.map((problem) => formatProblem(problem, locale));
}

describe('resolveScoreColumns', () => {
  it('accepts English and Vietnamese headers, with or without diacritics', () => {
    expect(
      resolveScoreColumns([
        'Mã đơn vị',
        'Tên đơn vị',
        'Mã chỉ số',
        'Giá trị',
        'Điểm tự đánh giá',
        'Điểm thẩm định',
        'Không đánh giá',
      ]),
    ).toEqual({ unitCode: 0, unitName: 1, indicator: 2, value: 3, points: 4, appraisedPoints: 5, notAssessed: 6 });
    expect(resolveScoreColumns(['unit_code', 'indicator', 'value'])).toEqual({ unitCode: 0, indicator: 1, value: 2 });
    expect(resolveScoreColumns(['ma don vi', 'CHI SO', 'diem'])).toEqual({ unitCode: 0, indicator: 1, points: 2 });
  });
});

describe('readScoreRows: one clear message per problem, with row and column', () => {
  it.each([
    [[['U1', '9.9', '1']], 'answers.csv, row 2, column indicator: indicator "9.9" is not in framework tiny'],
    [[['U1', '2.1', '', '31']], 'answers.csv, row 2, column points: points 31 exceed the maximum 30 of "2.1"'],
    [[['U1', '2.1', '', '', '30,5']], 'answers.csv, row 2, column appraised_points: points 30.5 exceed the maximum 30 of "2.1"'],
    [[['U1', '2.1', '', 'abc']], 'answers.csv, row 2, column points: "abc" is not a number'],
    [[['U1', '2.1', '', '-1']], 'answers.csv, row 2, column points: points -1 of "2.1" are negative'],
    [
      [['U1', '1.1', 'maybe']],
      'answers.csv, row 2, column value: value "maybe" of "1.1" does not fit method yesNo: expected yes/no (có/không, x, 1/0)',
    ],
    [
      [['U1', '1.1', '', '', '', 'perhaps']],
      'answers.csv, row 2, column not_assessed: "perhaps" is not a valid not-assessed flag (use x, true, 1 or leave empty)',
    ],
    [[['', '1.1', 'có']], 'answers.csv, row 2, column unit_code: the unit code is empty'],
    [[['U1', '1', '1,5']], 'answers.csv, row 2, column value: "1" is a main index: give a 0–1 value or points, not "1,5"'],
    [
      [
        ['U1', '1.1', 'có'],
        ['U1', '1.1', 'không'],
      ],
      'answers.csv, row 3, column indicator: unit "U1", indicator "1.1" already given on row 2',
    ],
  ])('%j', (rows, expected) => {
    expect(messages(rows)).toEqual([expected]);
  });

  it('speaks Vietnamese by default', () => {
    expect(messages([['U1', '9.9', '1']], 'vi')).toEqual([
      'answers.csv, dòng 2, cột indicator: mã chỉ số "9.9" không có trong bộ chỉ số tiny',
    ]);
  });

  it('reports every problem of a file, not just the first, and counts rows past blank ones', () => {
    const { problems, dataRows } = readScoreRows(framework, {
      ...tableOf([
        ['U1', '1.1', 'có'],
        ['U1', 'X', '1'],
      ]),
      rows: [
        ['U1', 'Đơn vị U1', '1.1', 'có'],
        [],
        ['', '', '', ''],
        ['U1', 'Đơn vị U1', 'X', '1'],
        ['U2', 'Đơn vị U2', '2.1', '', '99'],
      ],
    });
    expect(dataRows).toBe(3);
    expect(problems.map((problem) => problem.location?.row)).toEqual([5, 6]);
  });

  it('names the missing columns', () => {
    const { problems } = readScoreRows(framework, { file: 'x.csv', header: ['code', 'something'], rows: [] });
    expect(problems.map((problem) => problem.params?.column)).toEqual(['unit_code', 'indicator', 'value']);
  });

  it('says when a file has no data', () => {
    const { problems } = readScoreRows(framework, { file: 'x.csv', header: ['unit_code', 'indicator', 'value'], rows: [[]] });
    expect(problems.map((problem) => problem.code)).toEqual(['input.empty']);
  });

  it('caps the kept problems and counts the rest', () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`U${i}`, 'nope', '1']);
    const result = readScoreRows(framework, tableOf(rows), 200);
    expect([result.problems.length, result.omittedProblems]).toEqual([200, 50]);
  });

  it('rejects a unit code given two different names', () => {
    const { problems } = readScoreRows(framework, {
      file: 'a.csv',
      header: ['unit_code', 'unit_name', 'indicator', 'value'],
      rows: [
        ['U1', 'Sở A', '1.1', 'có'],
        ['U1', 'Sở B', '1.3', '1/2'],
      ],
    });
    expect(problems.map((problem) => problem.code)).toEqual(['input.unit-name-conflict']);
  });
});
