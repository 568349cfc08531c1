import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded the first time a spreadsheet is read or written: it takes 0.3–0.7 s to import on
 * this kind of machine, which every start of `opendti serve` paid before a single spreadsheet was
 * asked for (cold start target: 10 s).
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
