import { loadExcelJS } from './load-exceljs.js';

/**
 * The draft plan as a workbook (`opendti plan draft --format xlsx --output plan.xlsx`): one row per
 * task, by gain, with the columns a province's plan table has (STT, nhiệm vụ, chỉ số, đơn vị chủ trì,
 * đơn vị phối hợp, thời hạn, sản phẩm, trạng thái) and the analysis beside them. Numbers are numbers;
 * the due date is a real date cell.
 */
export interface PlanSheet {
  title: string;
  sheetName: string;
  /** Header first, then one row per task (the CLI's `planRows`). */
  rows: (string | number | null)[][];
  /** The column of due dates (yyyy-mm-dd text, written as date cells). */
  dueColumn: number;
}

export async function writePlanWorkbook(plan: PlanSheet): Promise<Uint8Array> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'OpenDTI';
  workbook.title = plan.title;
  const sheet = workbook.addWorksheet(plan.sheetName);
  const [header = [], ...rows] = plan.rows;
  const { dueColumn } = plan;
  const widths: number[] = header.map((title) => (String(title).length > 12 ? 16 : 10));
  for (const wide of [3, header.length - 4, header.length - 3]) widths[wide] = 48;
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  if (dueColumn >= 0) sheet.getColumn(dueColumn + 1).numFmt = 'dd/mm/yyyy';
  const headerRow = sheet.addRow(header);
  headerRow.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  for (const row of rows) {
    const cells = row.map((cell, index) =>
      index === dueColumn && typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell,
    );
    sheet.addRow(cells).alignment = { vertical: 'top', wrapText: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
