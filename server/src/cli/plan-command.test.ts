import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFramework, type DraftPlan, type PlanTask, roundToPrecision, scoreCohort } from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writePlanTasksWorkbook } from '../spreadsheets/write-plan-workbook.js';
import { readScoreFile } from './read-score-file.js';
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

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const demoCsv = root('frameworks/demo/dienbien-2022-district.csv');
const ownersCsv = root('examples/owners.csv');
const directory = mkdtempSync(join(tmpdir(), 'opendti-plan-'));
const base = ['plan', 'draft', '--framework', 'dienbien-2022-district', '--input', demoCsv];

/**
 * The demo with a close competitor: a copy of Mường Lay (MLA2) half a point behind it on 1.2, so
 * that a single indicator at full marks moves a unit's rank.
 */
const closeCsv = join(directory, 'close.csv');
const demoLines = readFileSync(demoCsv, 'utf8').trimEnd().split(/\r?\n/);
writeFileSync(
  closeCsv,
  [
    ...demoLines,
    ...demoLines
      .filter((line) => line.startsWith('MLA,'))
      .map((line) => line.replace(/^MLA,Thị xã Mường Lay,/, 'MLA2,Bản sao Mường Lay,'))
      .map((line) => (line.startsWith('MLA2,Bản sao Mường Lay,1.2,') ? 'MLA2,Bản sao Mường Lay,1.2,,9,,' : line)),
  ].join('\n'),
);

/** A cohort scored directly: the independent side of the checks. */
async function demoCohort(input = demoCsv) {
  const framework = compileFramework(resolveFramework('dienbien-2022-district'));
  const { sheet } = await readScoreFile(framework, input);
  return { framework, sheet, scores: scoreCohort(sheet) };
}

describe('opendti plan draft on the demo data', () => {
  it('orders a cohort’s tasks by the points lost summed over the units, then by units losing', async () => {
    const { code, stdout } = await cli(...base, '--format', 'json', '--owners', ownersCsv);
    expect(code).toBe(0);
    const draft = JSON.parse(stdout) as DraftPlan;

    // Independently: Σ (max − points) over units not excluded, from the scored cohort.
    const { framework, scores } = await demoCohort();
    const nodeCount = framework.nodes.length;
    const indicatorCount = framework.indicatorNodes.length;
    const expected = framework.indicatorNodes
      .map((nodeIndex, position) => {
        const node = framework.nodes[nodeIndex];
        let lost = 0;
        let units = 0;
        scores.units.forEach((_, u) => {
          if (scores.notAssessed[u * indicatorCount + position] === 1) return;
          const gap = (node?.maxPoints ?? 0) - (scores.points[u * nodeCount + nodeIndex] as number);
          if (gap > 1e-9) {
            lost += gap;
            units += 1;
          }
        });
        return { code: node?.code ?? '', lost: Math.round(lost * 1e6) / 1e6, units, position };
      })
      .filter((item) => item.lost > 0)
      .sort((a, b) => b.lost - a.lost || b.units - a.units || a.position - b.position);
    expect(draft.tasks.map((task) => [task.code, task.lost, task.unitsLosing])).toEqual(
      expected.map((item) => [item.code, item.lost, item.units]),
    );
    expect(draft.tasks.length).toBeGreaterThan(40);
    // Owners come from examples/owners.csv; the default due date ends the year after the results.
    expect(draft.tasks.find((task) => task.code === '6.12')).toMatchObject({ lead: 'STC', coordinating: ['SKHDT', 'STTTT'] });
    expect(draft.tasks.every((task) => task.dueOn === '2023-12-31' && task.lead !== null)).toBe(true);
  });

  it.each([
    ['the demo', demoCsv],
    ['the demo with a close competitor', closeCsv],
  ])(
    'for each unit of %s, gives the projected value and rank a re-scored cohort gives with that indicator at full marks',
    async (_, input) => {
      const { framework, sheet, scores } = await demoCohort(input);
      const nodeCount = framework.nodes.length;
      const indicatorCount = framework.indicatorNodes.length;
      let rankChanges = 0;
      for (const [u, unit] of scores.units.entries()) {
        const { code, stdout } = await cli(...base.slice(0, -1), input, '--unit', unit.code, '--format', 'json');
        expect(code).toBe(0);
        const draft = JSON.parse(stdout) as DraftPlan;
        const expected = draft.tasks.map((task) => {
          const nodeIndex = framework.nodeByCode.get(task.code) as number;
          const node = framework.nodes[nodeIndex];
          const cell = u * indicatorCount + (node?.indicatorPosition ?? 0);
          // Re-score the whole cohort with this one cell at the indicator's maximum.
          const raised = { ...sheet, selfPoints: sheet.selfPoints.slice(), appraisedPoints: sheet.appraisedPoints.slice() };
          raised.selfPoints[cell] = node?.maxPoints ?? 0;
          raised.appraisedPoints[cell] = node?.maxPoints ?? 0;
          const rescored = scoreCohort(raised);
          const value = roundToPrecision(rescored.value[u * nodeCount] as number, framework.precision);
          const current = roundToPrecision(scores.value[u * nodeCount] as number, framework.precision);
          return {
            code: task.code,
            projectedValue: value,
            projectedRank: rescored.ranks[u * nodeCount],
            gain: roundToPrecision(value - current, framework.precision),
            lost: task.lost,
            position: node?.indicatorPosition ?? 0,
          };
        });
        expect(draft.tasks.map((task) => [task.code, task.whatIf?.projectedValue, task.whatIf?.projectedRank])).toEqual(
          expected.map((item) => [item.code, item.projectedValue, item.projectedRank]),
        );
        // Ordered by the gain, then points lost, then the framework's order.
        const sorted = [...expected].sort((a, b) => b.gain - a.gain || b.lost - a.lost || a.position - b.position);
        expect(draft.tasks.map((task) => task.code)).toEqual(sorted.map((item) => item.code));
        rankChanges += draft.tasks.filter((task) => task.whatIf?.projectedRank !== task.whatIf?.currentRank).length;
      }
      // In the demo no single indicator moves a unit past the next; with the close competitor many do.
      if (input === closeCsv) expect(rankChanges).toBeGreaterThan(10);
    },
    60_000,
  );

  it('drafts the national DTI (value-scored) by main index, with Δ value and projected rank from a re-scored cohort', async () => {
    const input = join(directory, 'dti.csv');
    const values = {
      TQ: [0.375, 0.4, 0.4291, 0.2145, 0.1667, 0.3518, 0.3339, 0.0392],
      HG: [0.4, 0.45, 0.4, 0.3, 0.2, 0.3, 0.3, 0.1],
    };
    writeFileSync(
      input,
      [
        'unit_code,unit_name,indicator,value',
        ...Object.entries(values).flatMap(([unit, list]) => list.map((value, index) => `${unit},${unit},${index + 1},${value}`)),
      ].join('\n'),
    );
    const { code, stdout } = await cli(
      'plan',
      'draft',
      '--framework',
      'dti-province-2022',
      '--input',
      input,
      '--unit',
      'TQ',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const draft = JSON.parse(stdout) as DraftPlan;
    expect(draft.tasks.every((task) => task.level === 'mainIndex')).toBe(true);
    expect(draft.tasks.map((task) => task.code)).toEqual(['8', '6', '7', '5', '4', '1', '2', '3']);

    const framework = compileFramework(resolveFramework('dti-province-2022'));
    const { sheet } = await readScoreFile(framework, input);
    for (const task of draft.tasks) {
      const raised = { ...sheet, suppliedValues: (sheet.suppliedValues as Float64Array).slice() };
      raised.suppliedValues[framework.nodeByCode.get(task.code) as number] = 1; // TQ is unit 0
      const rescored = scoreCohort(raised);
      expect([task.code, task.whatIf?.projectedValue, task.whatIf?.projectedRank]).toEqual([
        task.code,
        roundToPrecision(rescored.value[0] as number, framework.precision),
        rescored.ranks[0],
      ]);
    }
    expect(draft.tasks[0]?.whatIf).toMatchObject({ currentRank: 2, projectedRank: 1 });
  });

  it('prints a Vietnamese table by default, English with --lang en', async () => {
    const vi = await cli(...base, '--unit', 'MLA', '--owners', ownersCsv);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(
      /^Dự thảo kế hoạch nâng cao chỉ số 2023 — .* — Thị xã Mường Lay \(MLA\): giá trị 0,\d{4}, hạng \d+/,
    );
    expect(vi.stdout).toMatch(/^ {2}1 {2}\S+ .*\+0,\d{4} +\d+ → \d+ .*31\/12\/2023$/m);
    expect(vi.stdout).toMatch(/Đạt [\d,]+\/\d+ điểm(?: \(tự đánh giá [\d,]+\))?; mất [\d,]+ điểm do /);
    const en = await cli('--lang', 'en', ...base, '--owners', ownersCsv);
    expect(en.stdout).toMatch(/^Draft improvement plan 2023 .* — 10 units/);
    expect(en.stdout).toMatch(/\d+ of \d+ units lost points, [\d.]+ in all/);
  });

  it('writes CSV and XLSX with the plan table’s columns', async () => {
    const csv = await cli(...base, '--format', 'csv', '--owners', ownersCsv);
    const header = csv.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header).toBe(
      'STT,Chỉ số chính,Chỉ số,Tên chỉ số,Điểm mất,Số đơn vị mất điểm,Lý do,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Đánh giá,Nhiệm vụ,Sản phẩm,Trạng thái',
    );
    const output = join(directory, 'plan.xlsx');
    expect((await cli(...base, '--format', 'xlsx', '--output', output, '--due', '30/09/2023')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('Nhiệm vụ');
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect((sheet.getRow(2).getCell(10).value as Date).toISOString().slice(0, 10)).toBe('2023-09-30');
    expect(sheet.getRow(2).getCell(14).value).toBe('Chưa thực hiện');
  });

  it('refuses a bad owners file with every bad row, and an unknown unit', async () => {
    const bad = join(directory, 'owners-bad.csv');
    writeFileSync(bad, 'indicator,lead,coordinating\n1.1,VPUBND,\n9.9,STC,\n1.1,SNV,\n');
    const result = await cli(...base, '--owners', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'owners-bad.csv, dòng 3, cột indicator: cột indicator: mã chỉ số "9.9" không có trong bộ chỉ số dienbien-2022-district',
        'owners-bad.csv, dòng 4, cột indicator: chỉ số 1.1 đã được phân công ở dòng 2; mỗi chỉ số chỉ một dòng',
        '',
      ].join('\n'),
    );
    const unknown = await cli(...base, '--unit', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NOPE');
    const xlsxWithoutOutput = await cli(...base, '--format', 'xlsx');
    expect(xlsxWithoutOutput.code).toBe(1);
  });
});

describe('opendti plan check', () => {
  const task = (id: string, overrides: Partial<PlanTask> = {}): PlanTask => ({
    id,
    text: `Nhiệm vụ ${id}: ban hành kế hoạch chuyển đổi số`,
    indicators: ['1.1'],
    lead: 'VPUBND',
    coordinating: ['STTTT', 'SNV'],
    product: 'Kế hoạch',
    startOn: null,
    dueOn: '2023-12-31',
    state: 'notStarted',
    ...overrides,
  });
  const write = async (name: string, tasks: PlanTask[]) => {
    const path = join(directory, name);
    writeFileSync(path, await writePlanTasksWorkbook(tasks, { title: 'Kế hoạch 2023', documentNumber: '', date: '2023-03-01' }));
    return path;
  };
  const check = ['plan', 'check', '--framework', 'dienbien-2022-district', '--date', '01/03/2023'];

  it('accepts a good table and reports every bad row with exit code 1, in both languages', async () => {
    const good = await write('tasks-good.xlsx', [
      task('1'),
      task('2', { state: 'cancelled', cancelReason: 'Trùng kế hoạch khác' }),
    ]);
    const ok = await cli(...check, '--input', good);
    expect(ok).toMatchObject({ code: 0, stdout: 'tasks-good.xlsx: 2 nhiệm vụ hợp lệ, có thể nhập\n' });
    const bad = await write('tasks-bad.xlsx', [
      task('1'),
      task('2', { indicators: ['9.9'] }),
      task('3', { dueOn: '2023-01-01' }),
    ]);
    const vi = await cli(...check, '--input', bad);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe(
      [
        'tasks-bad.xlsx, dòng 6, cột Chỉ số: trường indicators: mã chỉ số "9.9" không có trong bộ chỉ số dienbien-2022-district',
        'tasks-bad.xlsx, dòng 7, cột Thời hạn: trường dueOn: thời hạn 01/01/2023 trước ngày ban hành kế hoạch 01/03/2023',
        '',
      ].join('\n'),
    );
    const en = await cli('--lang', 'en', ...check, '--input', bad);
    expect(en.stderr).toContain(
      'row 7, column Thời hạn: field dueOn: the due date 2023-01-01 is before the plan’s date 2023-03-01',
    );
    const units = join(directory, 'units.csv');
    writeFileSync(units, 'code,name\nVPUBND,Văn phòng UBND tỉnh\nSNV,Sở Nội vụ\n');
    const unknown = await cli(...check, '--input', good, '--units', units);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('dòng 5, cột Đơn vị phối hợp: trường coordinating: không có đơn vị mã "STTTT"');
  });
});
