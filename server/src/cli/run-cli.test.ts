import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultSet } from '@opendti/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { runCli } from './run-cli.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
  });
  return { code, stdout, stderr };
}

const directory = mkdtempSync(join(tmpdir(), 'opendti-cli-'));
const file = (name: string, content?: string | Buffer) => {
  const path = join(directory, name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};
const demoCsv = fileURLToPath(new URL('../../../frameworks/demo/dienbien-2022-district.csv', import.meta.url));
const demoXlsx = fileURLToPath(new URL('../../../frameworks/demo/dienbien-2022-district.xlsx', import.meta.url));
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('opendti frameworks', () => {
  it('lists the built-in frameworks', async () => {
    const { code, stdout } = await cli('frameworks', 'list', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((item: { id: string; indicators: number }) => [item.id, item.indicators])).toEqual([
      ['dienbien-2022-department', 35],
      ['dienbien-2022-district', 68],
      ['dti-province-2022', expect.any(Number)],
      ['hcm-2026-commune', 43],
      ['ict-index-2018', 30],
    ]);
    // Dates as Vietnamese readers write them, unit kinds by their Vietnamese names, not the file's keys.
    const table = (await cli('frameworks', 'list')).stdout;
    expect(table).toContain('2001/QĐ-UBND (31/10/2022)');
    expect(table).toMatch(/^dienbien-2022-district +2022 {2}Huyện, thị xã, thành phố /m);
    expect(table).not.toMatch(/ (department|district|province) |2022-10-31/);
    expect(table).toContain('chưa có căn cứ (bản chép chưa kiểm chứng)');
  });

  it('shows a framework tree with codes, names, points and methods', async () => {
    const table = await cli('frameworks', 'show', 'dienbien-2022-department');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NT {2,}Nhóm chỉ số nền tảng chung/m);
    expect(table.stdout).toMatch(/^ {2}1 {2,}Nhận thức số\s+50/m);
    expect(table.stdout).toMatch(/^ {4}3\.1 {2,}Tỷ lệ công chức.*20 {2}Tỷ lệ a\/b$/m);
    const json = JSON.parse((await cli('frameworks', 'show', 'dienbien-2022-district', '--format', 'json')).stdout);
    expect(json.mainIndices).toHaveLength(8);
    expect(table.stdout).toMatch(/^Căn cứ: 2001\/QĐ-UBND, 31\/10\/2022, /m);
    expect(table.stdout).toMatch(/^Đối tượng: Sở, ban, ngành · Năm 2022/m);
    const english = (await cli('--lang', 'en', 'frameworks', 'show', 'dti-province-2022')).stdout;
    expect(english).toContain('Pillars:');
    expect(english).toMatch(/^Assesses: Provinces · /m);
  });

  it('validates a file and lists every problem without a stack trace', async () => {
    const good = file(
      'good.yaml',
      readFileSync(fileURLToPath(new URL('../../../frameworks/library/dienbien-2022-department.yaml', import.meta.url))),
    );
    expect(await cli('frameworks', 'validate', good)).toMatchObject({ code: 0, stdout: expect.stringContaining('hợp lệ') });
    const bad = file(
      'bad.yaml',
      readFileSync(good, 'utf8')
        .replace('maxPoints: 20\n        method: ratio', 'maxPoints: 25\n        method: ratio')
        .replace('code: "1.2"', 'code: "1.1"'),
    );
    const result = await cli('--lang', 'en', 'frameworks', 'validate', bad);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'bad.yaml: code "1.1" is used twice (first for indicator 1.1)',
      'bad.yaml: indicators add up to 55 points, but main index "3" has 50',
    ]);
    noStackTrace(result.stderr);
    expect((await cli('frameworks', 'show', 'no-such-framework')).stderr).toContain('không có bộ chỉ số "no-such-framework"');
  });
});

describe('opendti score', () => {
  beforeAll(async () => {
    // The committed demo files must be what the generator writes today.
    const regenerated = mkdtempSync(join(tmpdir(), 'opendti-demo-'));
    await writeDemoFiles(`${regenerated}/`, `${regenerated}/`);
    expect(readFileSync(join(regenerated, 'dienbien-2022-district.csv'), 'utf8')).toBe(readFileSync(demoCsv, 'utf8'));
    for (const example of ['units.csv', 'answers-2023.csv']) {
      expect(readFileSync(join(regenerated, example), 'utf8')).toBe(
        readFileSync(new URL(`../../../examples/${example}`, import.meta.url), 'utf8'),
      );
    }
  });

  it('scores the demo spreadsheet and prints the ranking', async () => {
    const { code, stdout, stderr } = await cli('score', '--framework', 'dienbien-2022-district', '--input', demoXlsx);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Thành phố Điện Biên Phủ');
    expect(stdout).toMatch(/^\s+1 {2}DBP/m);
  });

  it('prints the documented JSON shape, ranked, identical from CSV and XLSX', async () => {
    const fromCsv = JSON.parse(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--format', 'json')).stdout,
    ) as ResultSet;
    const fromXlsx = JSON.parse(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoXlsx, '--format', 'json')).stdout,
    );
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv.framework).toMatchObject({ id: 'dienbien-2022-district', max: 500 });
    expect(fromCsv.units).toHaveLength(10);
    const first = fromCsv.units[0];
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining([
        'code',
        'name',
        'points',
        'selfPoints',
        'max',
        'value',
        'percent',
        'rank',
        'mainIndices',
        'pillars',
      ]),
    );
    expect(first?.mainIndices[0]).toMatchObject({ code: '1', name: 'Nhận thức số', max: 50 });
    expect(fromCsv.units.map((unit) => unit.rank)).toEqual(
      [...fromCsv.units.map((unit) => unit.rank)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    for (const unit of fromCsv.units) {
      expect(unit.value).toBeCloseTo((unit.points as number) / (unit.max as number), 4);
    }
  });

  it('compares with last year’s results by unit code', async () => {
    const previous = file('previous.json');
    expect(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--format', 'json', '--output', previous))
        .code,
    ).toBe(0);
    const lastYear = JSON.parse(readFileSync(previous, 'utf8')) as ResultSet;
    // Pretend last year the first and second swapped places.
    const [a, b] = lastYear.units;
    if (!a || !b) throw new Error('demo has units');
    [a.rank, b.rank] = [b.rank, a.rank];
    a.value = (a.value as number) - 0.05;
    writeFileSync(previous, JSON.stringify(lastYear));
    const compared = JSON.parse(
      (
        await cli(
          'score',
          '--framework',
          'dienbien-2022-district',
          '--input',
          demoCsv,
          '--format',
          'json',
          '--previous',
          previous,
        )
      ).stdout,
    ) as ResultSet;
    expect(compared.units[0]?.change).toEqual({ value: 0.05, rank: 1 });
    expect(compared.units[1]?.change?.rank).toBe(-1);
    const table = (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--previous', previous))
      .stdout;
    expect(table).toContain('▲1');
    const broken = file('broken.json', '{"units": 3}');
    const result = await cli(
      '--lang',
      'en',
      'score',
      '--framework',
      'dienbien-2022-district',
      '--input',
      demoCsv,
      '--previous',
      broken,
    );
    expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('broken.json: cannot read the previous results')]);
  });

  it('neutralises formula-like unit names in CSV results, as the web export does (issue 9, §6)', async () => {
    const hostile = readFileSync(demoCsv, 'utf8')
      .replaceAll('Thành phố Điện Biên Phủ', "=cmd|' /C calc'!A0")
      .replaceAll('Huyện Nậm Pồ', '@SUM(A1:A9)');
    const input = file('hostile.csv', hostile);
    const { code, stdout } = await cli('score', '--framework', 'dienbien-2022-district', '--input', input, '--format', 'csv');
    expect(code).toBe(0);
    const names = stdout
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    expect(names).toContain("'=cmd|' /C calc'!A0");
    expect(names).toContain("'@SUM(A1:A9)");
    expect(names.every((name) => !name || !/^[=+\-@]/.test(name))).toBe(true);
  });

  it('writes CSV and XLSX results', async () => {
    const csv = (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--format', 'csv')).stdout;
    const [header, firstRow] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header?.split(',').slice(0, 9)).toEqual([
      'rank',
      'unit_code',
      'unit_name',
      'points',
      'self_points',
      'difference',
      'max',
      'value',
      'percent',
    ]);
    const cells = firstRow?.split(',') ?? [];
    expect(Number(cells[5])).toBeCloseTo(Number(cells[3]) - Number(cells[4]), 6);
    expect(firstRow?.startsWith('1,DBP,Thành phố Điện Biên Phủ,')).toBe(true);
    const xlsx = file('results.xlsx');
    expect(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--format', 'xlsx', '--output', xlsx))
        .code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const usage = await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--format', 'xlsx');
    expect(usage.code).toBe(1);
  });

  it('reports every bad row with file, row and column, exits non-zero, never a stack trace', async () => {
    const bad = file(
      'bad.csv',
      [
        'unit_code,unit_name,indicator,value,points,appraised_points,not_assessed',
        'DBP,Điện Biên Phủ,1.1,có,,,',
        'DBP,Điện Biên Phủ,9.9,1,,,',
        'DBP,Điện Biên Phủ,1.2,,11,,',
        'DBP,Điện Biên Phủ,1.4,,mười,,',
        'DBP,Điện Biên Phủ,1.1,không,,,',
        '',
      ].join('\n'),
    );
    const result = await cli('--lang', 'en', 'score', '--framework', 'dienbien-2022-district', '--input', bad);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'bad.csv, row 3, column indicator: indicator "9.9" is not in framework dienbien-2022-district',
      'bad.csv, row 4, column points: points 11 exceed the maximum 10 of "1.2"',
      'bad.csv, row 5, column points: "mười" is not a number',
      'bad.csv, row 6, column indicator: unit "DBP", indicator "1.1" already given on row 2',
    ]);
    noStackTrace(result.stderr);
  });

  it('explains files it cannot read', async () => {
    const missing = await cli('score', '--framework', 'dienbien-2022-district', '--input', join(directory, 'nope.csv'));
    // Said once, in the chosen language, naming the path as typed.
    const path = join(directory, 'nope.csv');
    expect([missing.code, missing.stderr]).toEqual([1, `không tìm thấy tệp ${path}\n`]);
    const english = await cli('--lang', 'en', 'analyse', '--framework', 'dienbien-2022-district', '--input', path, '--unit', 'A');
    expect([english.code, english.stderr]).toEqual([1, `file not found: ${path}\n`]);
    const latin = file(
      'windows.csv',
      Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x5f, 0x63, 0x6f, 0x64, 0x65, 0x0a, 0xd0, 0xe9, 0x0a]),
    );
    expect((await cli('score', '--framework', 'dienbien-2022-district', '--input', latin)).stderr).toContain('không phải UTF-8');
    const disguised = file('answers.xlsx', 'MZ this is not a spreadsheet');
    const result = await cli('score', '--framework', 'dienbien-2022-district', '--input', disguised);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^answers\.xlsx: không đọc được tệp dữ liệu: /);
    noStackTrace(result.stderr);
    const semicolons = file('semicolon.csv', 'Mã đơn vị;Tên đơn vị;Mã chỉ số;Giá trị\nA;Xã A;1.1;có\n');
    const scored = JSON.parse(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', semicolons, '--format', 'json')).stdout,
    );
    expect(scored.units[0]).toMatchObject({ code: 'A', points: 5 });
  });

  it('rejects unknown options with a usage error', async () => {
    const result = await cli('score', '--framework', 'dienbien-2022-district');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--input <file>' not specified");
  });
});

describe('opendti template and analyse', () => {
  it('writes a template that scores back', async () => {
    const units = file('units.csv', 'Mã đơn vị;Tên đơn vị\nDBP;Thành phố Điện Biên Phủ\nMLA;Thị xã Mường Lay\n');
    const output = file('template.xlsx');
    const result = await cli('template', 'dienbien-2022-district', '--units', units, '--output', output);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('2 đơn vị × 68 chỉ số thành phần') });
    const scored = JSON.parse(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', output, '--format', 'json')).stdout,
    ) as ResultSet;
    expect(scored.units.map((unit) => [unit.code, unit.points, unit.max])).toEqual([
      ['DBP', 0, 500],
      ['MLA', 0, 500],
    ]);
  });

  it('analyses a unit: full, partial, zero, with a what-if', async () => {
    const result = await cli(
      'analyse',
      '--framework',
      'dienbien-2022-district',
      '--input',
      demoCsv,
      '--unit',
      'NPO',
      '--what-if',
      '6.1,6.2',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Huyện Nậm Pồ (NPO)');
    expect(result.stdout).toMatch(/Đạt tối đa: /);
    expect(result.stdout).toMatch(/Nếu đạt tối đa 6\.1, 6\.2: /);
    // "điểm %" read as points of a percent; the gain is in percentage points.
    expect(result.stdout).toMatch(/^ {3}\S+ {2}\+\d+,\d{2} điểm phần trăm {2}\(mất /m);
    expect(result.stdout).not.toContain('điểm %');
    const json = JSON.parse(
      (await cli('analyse', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--unit', 'NPO', '--format', 'json'))
        .stdout,
    );
    expect(json.mainIndices).toHaveLength(8);
    expect((await cli('analyse', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--unit', 'XXX')).code).toBe(1);
  });
});
