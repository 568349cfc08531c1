import { toSearchKey } from './search-text.js';

/**
 * The form in which a spreadsheet's column titles are compared: "Mã đơn vị" → "ma_don_vi",
 * "Unit code" → "unit_code", " Điểm tự đánh giá (*)" → "diem_tu_danh_gia". Clerks retype, translate
 * and decorate headers; every reader of a table (scores, answers, unit lists) matches them by this
 * key, so a title one of them accepts the others accept too.
 */
export function toColumnKey(title: string | null | undefined): string {
  return toSearchKey(title ?? '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The position of the first column whose title has one of `keys`, or undefined. */
export function findColumn(header: readonly (string | null | undefined)[], keys: readonly string[]): number | undefined {
  const index = header.findIndex((title) => keys.includes(toColumnKey(title)));
  return index < 0 ? undefined : index;
}
