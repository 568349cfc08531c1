import { readFileSync } from 'node:fs';
import { compileFramework, DomainError, presentCohort, readScoreRows, scoreCohort } from '@opendti/core';
import { describe, expect, it } from 'vitest';
import { frameworkSchemaPath, listBuiltinFrameworkIds, loadBuiltinFramework, resolveFramework } from './index.js';
import { renderFrameworkSchema } from './write-schema.js';

const shape = (id: string) => {
  const document = loadBuiltinFramework(id);
  return {
    mainIndices: document.mainIndices.length,
    indicators: document.mainIndices.reduce((count, main) => count + main.indicators.length, 0),
    maxPoints: document.maxPoints,
    mainMax: document.mainIndices.map((main) => main.maxPoints),
    perMain: document.mainIndices.map((main) => main.indicators.length),
  };
};

describe('built-in framework library', () => {
  it('lists the five built-in frameworks', () => {
    expect(listBuiltinFrameworkIds()).toEqual([
      'dienbien-2022-department',
      'dienbien-2022-district',
      'dti-province-2022',
      'hcm-2026-commune',
      'ict-index-2018',
    ]);
  });

  it('ships Bảng 1 of Decision 2001/QĐ-UBND: 6 main indices, 35 indicators, 500 points', () => {
    expect(shape('dienbien-2022-department')).toEqual({
      mainIndices: 6,
      indicators: 35,
      maxPoints: 500,
      mainMax: [50, 50, 50, 50, 50, 250],
      perMain: [4, 4, 3, 3, 7, 14],
    });
  });

  it('ships Bảng 2 of Decision 2001/QĐ-UBND: 8 main indices, 68 indicators, 500 points', () => {
    expect(shape('dienbien-2022-district')).toEqual({
      mainIndices: 8,
      indicators: 68,
      maxPoints: 500,
      mainMax: [50, 50, 50, 50, 50, 100, 75, 75],
      perMain: [7, 7, 9, 8, 7, 12, 10, 8],
    });
  });

  it.each(['dienbien-2022-department', 'dienbien-2022-district'])('%s: every main index is the sum of its indicators', (id) => {
    for (const main of loadBuiltinFramework(id).mainIndices) {
      expect({ code: main.code, sum: main.indicators.reduce((sum, indicator) => sum + (indicator.maxPoints ?? 0), 0) }).toEqual({
        code: main.code,
        sum: main.maxPoints,
      });
    }
  });

  it('keeps the printed text: names as in the decision, the "cồng" typo fixed', () => {
    const department = loadBuiltinFramework('dienbien-2022-department');
    expect(department.mainIndices[0]?.name).toBe('Nhận thức số');
    expect(department.mainIndices[0]?.indicators[1]).toMatchObject({
      code: '1.2',
      name: 'Cơ quan, đơn vị tổ chức các cuộc họp về chuyển đổi số',
      maxPoints: 15,
    });
    const district = loadBuiltinFramework('dienbien-2022-district');
    const text = JSON.stringify(district);
    expect(text).not.toContain('cồng');
    expect(text.normalize('NFC')).toBe(text);
    // "Tỷ lệ …" indicators score proportionally.
    for (const main of district.mainIndices) {
      for (const indicator of main.indicators) {
        if (indicator.name.startsWith('Tỷ lệ'))
          expect({ code: indicator.code, method: indicator.method.type }).toEqual({ code: indicator.code, method: 'ratio' });
      }
    }
  });

  it('ships the provincial DTI 2022: 9 main indices, 1,000 points, 3 pillars, published at 4 decimals', () => {
    const dti = loadBuiltinFramework('dti-province-2022');
    expect(dti.mainIndices.map((main) => [main.name, main.maxPoints])).toEqual([
      ['Nhận thức số', 100],
      ['Thể chế số', 100],
      ['Hạ tầng số', 100],
      ['Nhân lực số', 100],
      ['An toàn thông tin mạng', 100],
      ['Hoạt động chính quyền số', 200],
      ['Hoạt động kinh tế số', 150],
      ['Hoạt động xã hội số', 150],
      ['Đô thị thông minh', 0],
    ]);
    expect([dti.maxPoints, dti.precision]).toEqual([1000, 4]);
    expect(dti.mainIndices.find((main) => main.name === 'Đô thị thông minh')?.unscored).toBe(true);
    expect(dti.pillars?.map((pillar) => [pillar.name, pillar.mainIndices.length])).toEqual([
      ['Chính quyền số', 7],
      ['Kinh tế số', 7],
      ['Xã hội số', 7],
    ]);
    expect(dti.mainIndices[0]?.indicators[0]?.code).toBe('1.1');
  });

  it('scores DTI from published main-index values: Tuyên Quang 2021 = 0,2849 (seed 000, §1.2)', () => {
    const framework = compileFramework(loadBuiltinFramework('dti-province-2022'));
    const published: [string, string][] = [
      ['1', '0,3750'],
      ['2', '0,4000'],
      ['3', '0,4291'],
      ['4', '0,2145'],
      ['5', '0,1667'],
      ['6', '0,3518'],
      ['7', '0,3339'],
      ['8', '0,0392'],
    ];
    const { sheet, problems } = readScoreRows(framework, {
      file: 'dti-2021.csv',
      header: ['unit_code', 'unit_name', 'indicator', 'value'],
      rows: published.map(([code, value]) => ['TQ', 'Tuyên Quang', code, value]),
    });
    expect(problems).toEqual([]);
    const [tuyenQuang] = presentCohort(scoreCohort(sheet)).units;
    // 37.5 + 40 + 42.91 + 21.45 + 16.67 + 70.36 + 50.085 + 5.88 = 284.855 of 1,000
    expect([tuyenQuang?.points, tuyenQuang?.max, tuyenQuang?.value]).toEqual([284.855, 1000, 0.2849]);
    expect(tuyenQuang?.mainIndices.find((main) => main.code === '9')).toMatchObject({ max: 0, value: null, rank: null });
    expect(tuyenQuang?.pillars.map((pillar) => pillar.code)).toEqual(['CQS', 'KTS', 'XHS']);
  });

  it('says which DTI main-index value is missing instead of scoring it zero', () => {
    const framework = compileFramework(loadBuiltinFramework('dti-province-2022'));
    const { problems } = readScoreRows(framework, {
      file: 'dti.csv',
      header: ['unit_code', 'indicator', 'value'],
      rows: [['TQ', '1', '0,375']],
    });
    expect(problems.map((problem) => problem.params?.mainIndex)).toEqual(['2', '3', '4', '5', '6', '7', '8']);
  });

  it('ships the ICT Index 2018: 3 groups, 6 sub-groups, 30 criteria, min–max averaged', () => {
    const ict = loadBuiltinFramework('ict-index-2018');
    expect([ict.groups?.length, ict.mainIndices.length, shape('ict-index-2018').indicators, ict.aggregation]).toEqual([
      3,
      6,
      30,
      'weightedMean',
    ]);
    const framework = compileFramework(ict);
    expect(framework.indicatorNodes.every((node) => framework.nodes[node]?.method?.type === 'minMax')).toBe(true);
  });

  it('says which frameworks exist when asked for an unknown one', () => {
    expect(() => loadBuiltinFramework('nope')).toThrow(DomainError);
    expect(() => resolveFramework('missing/file.yaml')).toThrow(/cannot read the framework file: ENOENT/);
  });

  it('keeps frameworks/schema/framework.schema.json identical to core (run `npm run schema` after a change)', () => {
    expect(readFileSync(frameworkSchemaPath, 'utf8')).toBe(renderFrameworkSchema());
  });
});
