import { describe, expect, it } from 'vitest';
import { formatProblem } from '../errors/problem.js';
import { carryOwnership, ownersRows, readOwnersTable, splitUnitCodes } from './ownership.js';

const context = {
  frameworkId: 'tiny',
  indicatorCodes: new Set(['1.1', '1.2', '2.1']),
  unitCodes: new Set(['VP', 'STTTT', 'SNV']),
};

describe('readOwnersTable', () => {
  it('reads one lead and coordinating units separated by ";" per indicator', () => {
    const result = readOwnersTable(
      {
        file: 'owners.csv',
        header: ['indicator', 'lead', 'coordinating'],
        rows: [
          ['1.1', 'VP', 'STTTT; SNV'],
          ['1.2', 'STTTT', ''],
          ['', '', ''],
        ],
      },
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.owners).toEqual([
      { indicator: '1.1', lead: 'VP', coordinating: ['STTTT', 'SNV'] },
      { indicator: '1.2', lead: 'STTTT', coordinating: [] },
    ]);
  });

  it('accepts the Vietnamese column titles', () => {
    const result = readOwnersTable({ header: ['Chỉ số', 'Chủ trì', 'Phối hợp'], rows: [['2.1', 'SNV', 'VP']] }, context);
    expect(result.owners).toEqual([{ indicator: '2.1', lead: 'SNV', coordinating: ['VP'] }]);
  });

  it('reports every bad row by row and column, in both languages, and keeps the good ones', () => {
    const result = readOwnersTable(
      {
        file: 'owners.csv',
        header: ['indicator', 'lead', 'coordinating'],
        rows: [
          ['1.1', 'VP', ''],
          ['9.9', 'VP', ''],
          ['1.1', 'SNV', ''],
          ['1.2', 'XYZ', 'STTTT;ABC'],
          ['2.1', '', ''],
          ['2.1', 'VP', 'VP'],
        ],
      },
      context,
    );
    expect(result.owners.map((owner) => owner.indicator)).toEqual(['1.1']);
    expect(result.problems.map((problem) => formatProblem(problem, 'vi'))).toEqual([
      'owners.csv, dòng 3, cột indicator: cột indicator: mã chỉ số "9.9" không có trong bộ chỉ số tiny',
      'owners.csv, dòng 4, cột indicator: chỉ số 1.1 đã được phân công ở dòng 2; mỗi chỉ số chỉ một dòng',
      'owners.csv, dòng 5, cột lead: cột lead: không có đơn vị mã "XYZ"',
      'owners.csv, dòng 5, cột coordinating: cột coordinating: không có đơn vị mã "ABC"',
      'owners.csv, dòng 6, cột lead: cột lead: chỉ số 2.1 cần một đơn vị chủ trì',
      'owners.csv, dòng 7, cột indicator: chỉ số 2.1 đã được phân công ở dòng 6; mỗi chỉ số chỉ một dòng',
      'owners.csv, dòng 7, cột coordinating: cột coordinating: đơn vị VP đã là đơn vị chủ trì của chỉ số 2.1, không ghi lại là đơn vị phối hợp',
    ]);
    expect(formatProblem(result.problems[2] as never, 'en')).toBe(
      'owners.csv, row 5, column lead: column lead: there is no unit with code "XYZ"',
    );
  });

  it('refuses a table without its columns', () => {
    const result = readOwnersTable({ header: ['code', 'who'], rows: [['1.1', 'VP']] }, context);
    expect(result.problems.map((problem) => problem.params?.column)).toEqual(['indicator', 'lead']);
  });

  it('accepts any unit code when no unit register is given, and writes back what it read', () => {
    const { owners, problems } = readOwnersTable(
      { header: ['indicator', 'lead', 'coordinating'], rows: [['1.1', 'ANY', 'B;C']] },
      { frameworkId: 'tiny', indicatorCodes: context.indicatorCodes },
    );
    expect(problems).toEqual([]);
    expect(ownersRows(owners)).toEqual([
      ['indicator', 'lead', 'coordinating'],
      ['1.1', 'ANY', 'B;C'],
    ]);
    expect(splitUnitCodes(' A ;B;;A ')).toEqual(['A', 'B']);
  });
});

describe('carryOwnership', () => {
  const owners = [
    { indicator: '1.1', lead: 'VP', coordinating: ['SNV'] },
    { indicator: '1.2', lead: 'STTTT', coordinating: [] },
    { indicator: '3.4', lead: 'SNV', coordinating: [] },
  ];

  it('carries by indicator code into next year’s framework', () => {
    expect(carryOwnership(owners, ['1.1', '1.2', '1.3'])).toEqual({
      owners: [owners[0], owners[1]],
      dropped: ['3.4'],
      unowned: ['1.3'],
    });
  });

  it('follows a mapping where codes changed', () => {
    const carried = carryOwnership(owners, ['1.1', '1.2', '4.1'], { '3.4': '4.1' });
    expect(carried.owners.map((owner) => [owner.indicator, owner.lead])).toEqual([
      ['1.1', 'VP'],
      ['1.2', 'STTTT'],
      ['4.1', 'SNV'],
    ]);
    expect(carried.dropped).toEqual([]);
    expect(carried.unowned).toEqual([]);
  });
});
