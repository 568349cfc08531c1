/**
 * Regenerates the demo input files in frameworks/demo/: `npm run demo:files`.
 * The files are committed so that the README's first command works without this step.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import ExcelJS from 'exceljs';
import { DEMO_HEADER, demoAnswerCells, generateDemoAnswers } from './demo-answers.js';

const demoDirectory = fileURLToPath(new URL('../../../frameworks/demo/', import.meta.url));

export async function writeDemoFiles(directory = demoDirectory): Promise<string[]> {
  const framework = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
  const rows = generateDemoAnswers(framework).map(demoAnswerCells);
  const csvPath = `${directory}dienbien-2022-district.csv`;
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  writeFileSync(csvPath, `${[DEMO_HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\n')}\n`);

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
  return [csvPath, xlsxPath];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of await writeDemoFiles()) console.log(`wrote ${path}`);
}
