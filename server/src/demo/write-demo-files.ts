/**
 * Regenerates the demo input files in frameworks/demo/ and the README's example inputs in examples/:
 * `npm run demo:files`. The files are committed so that the README's commands work without this step.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import ExcelJS from 'exceljs';
import { DEMO_HEADER, DIEN_BIEN_DISTRICTS, demoAnswerCells, generateDemoAnswers } from './demo-answers.js';

const demoDirectory = fileURLToPath(new URL('../../../frameworks/demo/', import.meta.url));
const examplesDirectory = fileURLToPath(new URL('../../../examples/', import.meta.url));

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvText = (rows: string[][]) => `${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`;

export async function writeDemoFiles(directory = demoDirectory, examples = examplesDirectory): Promise<string[]> {
  const framework = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
  const rows = generateDemoAnswers(framework).map(demoAnswerCells);
  const csvPath = `${directory}dienbien-2022-district.csv`;
  writeFileSync(csvPath, csvText([DEMO_HEADER, ...rows]));

  // The README's examples: the unit list a template is made for, and a following year in which every
  // district did a little better, to be compared with the demo year (`score --previous`).
  const unitsPath = `${examples}units.csv`;
  writeFileSync(unitsPath, csvText([['Mã đơn vị', 'Tên đơn vị'], ...DIEN_BIEN_DISTRICTS.map((unit) => [unit.code, unit.name])]));
  const nextYear = DIEN_BIEN_DISTRICTS.map((unit) => ({ ...unit, capability: Math.min(unit.capability + 0.06, 1) }));
  const answersPath = `${examples}answers-2023.csv`;
  writeFileSync(answersPath, csvText([DEMO_HEADER, ...generateDemoAnswers(framework, nextYear, 2023).map(demoAnswerCells)]));

  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep the committed file byte-stable between regenerations.
  workbook.created = new Date('2023-01-30T00:00:00Z');
  workbook.modified = workbook.created;
  workbook.creator = 'OpenDTI demo';
  const sheet = workbook.addWorksheet('Nhập liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(DEMO_HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = [12, 28, 10, 14, 16, 16, 14][index] ?? 12;
  });
  const xlsxPath = `${directory}dienbien-2022-district.xlsx`;
  await workbook.xlsx.writeFile(xlsxPath);
  return [csvPath, xlsxPath, unitsPath, answersPath];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of await writeDemoFiles()) console.log(`wrote ${path}`);
}
