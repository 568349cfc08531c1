import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  DomainError,
  type Locale,
  type Problem,
  parseVietnameseDate,
  toColumnKey,
  UNIT_KINDS,
  type UnitKind,
} from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { units } from '../../db/schema/index.js';
import { parseCsvRows } from '../../spreadsheets/read-csv.js';
import { UNIT_LIST_BOUND } from '../../spreadsheets/read-unit-list.js';
import { recordAudit } from '../audit/audit.service.js';
import type { UnitImportBody } from './unit-schemas.js';

/**
 * Importing the list of units from a CSV file: the province's departments and its communes, which a
 * reorganisation (2025: 3,321 communes and wards re-drawn) changes in bulk. The file is checked row
 * by row and imported all or nothing: one wrong row and nothing is written, so the tree never holds
 * half a reorganisation.
 */

type Column = 'code' | 'name' | 'kind' | 'parentCode' | 'activeFrom' | 'activeTo';

/** Header keys (lower case, no diacritics, "_" between words) accepted for each column, English or Vietnamese. */
const HEADERS: Record<Column, string[]> = {
  code: ['code', 'unit_code', 'ma', 'ma_don_vi', 'ma_dv'],
  name: ['name', 'unit_name', 'ten', 'ten_don_vi', 'ten_dv'],
  kind: ['kind', 'type', 'unit_kind', 'loai', 'loai_don_vi', 'cap', 'cap_don_vi'],
  parentCode: [
    'parent_code',
    'parent',
    'ma_don_vi_cap_tren',
    'ma_cap_tren',
    'don_vi_cap_tren',
    'cap_tren',
    'ma_don_vi_truc_thuoc',
    'truc_thuoc',
  ],
  activeFrom: ['active_from', 'from', 'hieu_luc_tu', 'hieu_luc_tu_ngay', 'tu_ngay', 'ngay_bat_dau', 'ngay_hieu_luc'],
  activeTo: ['active_to', 'to', 'hieu_luc_den', 'hieu_luc_den_ngay', 'den_ngay', 'ngay_ket_thuc', 'ngay_het_hieu_luc'],
};

const COLUMN_TITLES: Record<Column, string> = {
  code: 'code / Mã đơn vị',
  name: 'name / Tên đơn vị',
  kind: 'kind / Loại',
  parentCode: 'parent_code / Mã đơn vị cấp trên',
  activeFrom: 'active_from / Hiệu lực từ',
  activeTo: 'active_to / Hiệu lực đến',
};

/** Kinds as a clerk types them, in English or Vietnamese (compared without diacritics). */
const KIND_WORDS: Record<string, UnitKind> = {
  tinh: 'province',
  so: 'department',
  so_ban_nganh: 'department',
  co_quan_chuyen_mon: 'department',
  ban: 'department',
  huyen: 'district',
  cap_huyen: 'district',
  quan_huyen: 'district',
  xa: 'commune',
  phuong: 'commune',
  xa_phuong: 'commune',
  thi_tran: 'commune',
  cap_xa: 'commune',
  bo: 'ministry',
  bo_nganh: 'ministry',
  khac: 'other',
};

const CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

/** Row problems: data of the report (not errors of the request), so they carry their own two-language messages. */
const ROW_MESSAGES = {
  'unit-import.missing-code': { vi: 'thiếu mã đơn vị', en: 'the unit code is empty' },
  'unit-import.bad-code': {
    vi: 'mã "{value}" chỉ được gồm chữ không dấu, chữ số và . _ - (tối đa 40 ký tự)',
    en: 'code "{value}" may only hold letters without diacritics, digits and . _ - (at most 40 characters)',
  },
  'unit-import.duplicate-code': {
    vi: 'mã "{value}" đã có ở dòng {firstRow} của tệp',
    en: 'code "{value}" is already on row {firstRow} of the file',
  },
  'unit-import.missing-name': { vi: 'thiếu tên đơn vị', en: 'the unit name is empty' },
  'unit-import.name-too-long': { vi: 'tên đơn vị dài quá 300 ký tự', en: 'the unit name is longer than 300 characters' },
  'unit-import.bad-kind': {
    vi: 'loại đơn vị "{value}" không hợp lệ; dùng: tỉnh, sở, huyện, xã, bộ, khác (hoặc province, department, district, commune, ministry, other)',
    en: 'unit kind "{value}" is not valid; use province, department, district, commune, ministry, other (or tỉnh, sở, huyện, xã, bộ, khác)',
  },
  'unit-import.unknown-parent': {
    vi: 'đơn vị cấp trên "{value}" không có trong hệ thống cũng như trong tệp',
    en: 'parent unit "{value}" is neither in the system nor in the file',
  },
  'unit-import.self-parent': {
    vi: 'đơn vị không thể là cấp trên của chính nó',
    en: 'a unit cannot be its own parent',
  },
  'unit-import.parent-cycle': {
    vi: 'các đơn vị cấp trên tạo thành vòng lặp: {value}',
    en: 'the parent units form a loop: {value}',
  },
  'unit-import.bad-date': {
    vi: 'ngày "{value}" ở cột {column} không hợp lệ; dùng dd/mm/yyyy (ví dụ 01/07/2025)',
    en: 'date "{value}" in column {column} is not valid; use dd/mm/yyyy (e.g. 01/07/2025) or yyyy-mm-dd',
  },
  'unit-import.dates-reversed': {
    vi: 'ngày hết hiệu lực {to} trước ngày bắt đầu hiệu lực {from}',
    en: 'the end date {to} is before the start date {from}',
  },
} as const satisfies Record<string, Record<Locale, string>>;

type RowProblemCode = keyof typeof ROW_MESSAGES;

export interface ImportRowProblem {
  code: RowProblemCode;
  message: string;
}

export interface ImportRow {
  /** Row in the file, the header being row 1. */
  row: number;
  code: string;
  name: string;
  kind: string | null;
  parentCode: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  /** create a new unit, update the unit with this code, leave it as it is, or refuse the row. */
  action: 'create' | 'update' | 'unchanged' | 'rejected';
  /** The fields an update changes. */
  changes: string[];
  problems: ImportRowProblem[];
}

export interface ImportReport {
  fileName: string;
  /** True when the units were written; false for a preview or a file with rejected rows. */
  applied: boolean;
  counts: { create: number; update: number; unchanged: number; rejected: number };
  rows: ImportRow[];
}

function rowProblem(code: RowProblemCode, params: Record<string, string | number>, locale: Locale): ImportRowProblem {
  const message = ROW_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
  return { code, message };
}

/** dd/mm/yyyy (also d/m/yyyy, with - or .) or yyyy-mm-dd → yyyy-mm-dd; undefined when not a real day (core's reader, as in the web). */
export function readImportDate(text: string): string | undefined {
  return parseVietnameseDate(text);
}

/** "Sở", "xã", "district" → the unit kind; undefined when not recognised. */
export function readUnitKind(text: string): UnitKind | undefined {
  const key = toColumnKey(text);
  if ((UNIT_KINDS as readonly string[]).includes(key)) return key as UnitKind;
  return KIND_WORDS[key];
}

interface ExistingUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

/** Reads the file into rows and checks each one against the file and the units already stored. */
function checkRows(content: string, fileName: string, existing: ExistingUnit[], locale: Locale): ImportRow[] {
  // A browser reading a Windows-1258 file as UTF-8 turns every Vietnamese letter into U+FFFD.
  if (content.includes('\uFFFD')) {
    throw new DomainError('invalid-input', [
      {
        code: 'input.unreadable',
        params: { detail: 'tệp không phải UTF-8; trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"' },
        location: { file: fileName },
      },
    ]);
  }
  const cells: string[][] = [];
  // Refused at the first row past the bound, before the rest is parsed or checked.
  parseCsvRows(content.replace(/^\uFEFF/, ''), fileName, (row) => cells.push(row), UNIT_LIST_BOUND);
  const header = cells.shift() ?? [];
  const keys = header.map(toColumnKey);
  const columnOf = {} as Record<Column, number>;
  const missing: Column[] = [];
  for (const column of Object.keys(HEADERS) as Column[]) {
    columnOf[column] = keys.findIndex((key) => HEADERS[column].includes(key));
    if (columnOf[column] < 0 && (column === 'code' || column === 'name' || column === 'kind')) missing.push(column);
  }
  if (missing.length > 0) {
    throw new DomainError(
      'invalid-input',
      missing.map((column) => ({
        code: 'input.missing-column',
        params: { column: COLUMN_TITLES[column], expected: Object.values(COLUMN_TITLES).join(', ') },
        location: { file: fileName, row: 1 },
      })),
    );
  }
  const dataRows = cells
    .map((row, index) => ({ row: index + 2, cells: row }))
    .filter(({ cells: row }) => row.some((cell) => cell !== undefined && cell.trim() !== ''));
  if (dataRows.length === 0) throw new DomainError('invalid-input', [{ code: 'input.empty', location: { file: fileName } }]);
  const existingByCode = new Map(existing.map((unit) => [unit.code, unit]));
  const codeById = new Map(existing.map((unit) => [unit.id, unit.code]));
  const firstRowOfCode = new Map<string, number>();
  const rows: ImportRow[] = dataRows.map(({ row, cells: values }) => {
    const cell = (column: Column) => (columnOf[column] < 0 ? '' : (values[columnOf[column]] ?? '').trim());
    const problems: ImportRowProblem[] = [];
    const code = cell('code');
    const name = cell('name').replace(/\s+/g, ' ');
    const kindText = cell('kind');
    const parentCode = cell('parentCode') || null;
    if (code === '') problems.push(rowProblem('unit-import.missing-code', {}, locale));
    else if (!CODE_PATTERN.test(code)) problems.push(rowProblem('unit-import.bad-code', { value: code }, locale));
    else if (firstRowOfCode.has(code)) {
      problems.push(rowProblem('unit-import.duplicate-code', { value: code, firstRow: firstRowOfCode.get(code) ?? 0 }, locale));
    } else firstRowOfCode.set(code, row);
    if (name === '') problems.push(rowProblem('unit-import.missing-name', {}, locale));
    else if (name.length > 300) problems.push(rowProblem('unit-import.name-too-long', {}, locale));
    const kind = readUnitKind(kindText);
    if (!kind) problems.push(rowProblem('unit-import.bad-kind', { value: kindText }, locale));
    if (parentCode !== null && parentCode === code) problems.push(rowProblem('unit-import.self-parent', {}, locale));
    const date = (column: 'activeFrom' | 'activeTo') => {
      const text = cell(column);
      if (text === '') return null;
      const day = readImportDate(text);
      if (!day)
        problems.push(rowProblem('unit-import.bad-date', { value: text, column: header[columnOf[column]] ?? column }, locale));
      return day ?? null;
    };
    const activeFrom = date('activeFrom');
    const activeTo = date('activeTo');
    if (activeFrom && activeTo && activeTo < activeFrom) {
      problems.push(rowProblem('unit-import.dates-reversed', { from: activeFrom, to: activeTo }, locale));
    }

    const before = existingByCode.get(code);
    const changes: string[] = [];
    if (before) {
      if (before.name !== name) changes.push('name');
      if (before.kind !== kind) changes.push('kind');
      if ((before.parentId ? codeById.get(before.parentId) : null) !== parentCode) changes.push('parentCode');
      if (before.activeFrom !== activeFrom) changes.push('activeFrom');
      if (before.activeTo !== activeTo) changes.push('activeTo');
    }
    return {
      row,
      code,
      name,
      kind: kind ?? (kindText || null),
      parentCode,
      activeFrom,
      activeTo,
      action: before ? (changes.length > 0 ? 'update' : 'unchanged') : 'create',
      changes,
      problems,
    };
  });

  // Parents resolve against the file first (a new commune under a new ward of the same file), then the stored units.
  const parentOf = new Map<string, string | null>();
  for (const unit of existing) parentOf.set(unit.code, unit.parentId ? (codeById.get(unit.parentId) ?? null) : null);
  for (const row of rows) if (row.code) parentOf.set(row.code, row.parentCode);
  for (const row of rows) {
    if (row.parentCode === null || row.parentCode === row.code) continue;
    if (!parentOf.has(row.parentCode)) {
      row.problems.push(rowProblem('unit-import.unknown-parent', { value: row.parentCode }, locale));
      continue;
    }
    const chain = [row.code];
    let current: string | null | undefined = row.parentCode;
    while (current && chain.length <= parentOf.size) {
      if (current === row.code) {
        row.problems.push(rowProblem('unit-import.parent-cycle', { value: [...chain, current].join(' → ') }, locale));
        break;
      }
      chain.push(current);
      current = parentOf.get(current);
    }
  }
  for (const row of rows) if (row.problems.length > 0) row.action = 'rejected';
  return rows;
}

function countActions(rows: ImportRow[]): ImportReport['counts'] {
  const counts = { create: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) counts[row.action]++;
  return counts;
}

/**
 * Checks a CSV list of units and, unless `dryRun`, writes it: new codes are created, known codes
 * updated (name, kind, parent, active dates). Every row is checked before anything is written; a
 * file with any rejected row is refused whole (400, one problem per rejected row, with its row).
 */
export async function importUnits(
  db: Database,
  actor: Actor,
  input: Static<typeof UnitImportBody>,
  locale: Locale,
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        kind: units.kind,
        parentId: units.parentId,
        activeFrom: units.activeFrom,
        activeTo: units.activeTo,
      })
      .from(units);
    const rows = checkRows(input.content, input.fileName, existing, locale);
    const counts = countActions(rows);
    const report: ImportReport = { fileName: input.fileName, applied: false, counts, rows };
    if (input.dryRun) return report;
    if (counts.rejected > 0) {
      const problems: Problem[] = rows
        .filter((row) => row.action === 'rejected')
        .slice(0, 50)
        .map((row) => ({
          code: 'http.validation',
          params: { detail: `${locale === 'vi' ? 'dòng' : 'row'} ${row.row}: ${row.problems.map((p) => p.message).join('; ')}` },
          location: { file: input.fileName, row: row.row, ...(row.code ? { code: row.code } : {}) },
        }));
      if (counts.rejected > 50) problems.push({ code: 'input.too-many-problems', params: { count: counts.rejected - 50 } });
      throw new DomainError('invalid-input', problems);
    }

    const idByCode = new Map(existing.map((unit) => [unit.code, unit.id]));
    const existingByCode = new Map(existing.map((unit) => [unit.code, unit]));
    const codeById = new Map(existing.map((unit) => [unit.id, unit.code]));
    const reason = `Nhập danh sách đơn vị từ tệp ${input.fileName}`;
    const toCreate = rows.filter((row) => row.action === 'create');
    if (toCreate.length > 0) {
      // Parents are set in a second pass: a new unit's parent may be created by a later row.
      const created = await tx
        .insert(units)
        .values(
          toCreate.map((row) => ({
            code: row.code,
            name: row.name,
            kind: row.kind as string,
            activeFrom: row.activeFrom,
            activeTo: row.activeTo,
          })),
        )
        .returning({ id: units.id, code: units.code });
      for (const unit of created) idByCode.set(unit.code, unit.id);
    }
    for (const row of rows) {
      if (row.action === 'unchanged') continue;
      const id = idByCode.get(row.code) as string;
      const parentId = row.parentCode ? (idByCode.get(row.parentCode) ?? null) : null;
      const fields = { name: row.name, kind: row.kind as string, parentId, activeFrom: row.activeFrom, activeTo: row.activeTo };
      const before = existingByCode.get(row.code);
      await tx.update(units).set(fields).where(eq(units.id, id));
      await recordAudit(tx, {
        actor,
        action: before ? 'unit.updated' : 'unit.created',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        ...(before
          ? {
              oldValue: Object.fromEntries(row.changes.map((field) => [field, previousValue(before, field, codeById)])),
              newValue: Object.fromEntries(row.changes.map((field) => [field, row[field as keyof ImportRow]])),
            }
          : { newValue: { code: row.code, ...fields, parentCode: row.parentCode } }),
        reason,
      });
    }
    return { ...report, applied: true };
  });
}

function previousValue(unit: ExistingUnit, field: string, codeById: Map<string, string>): unknown {
  if (field === 'parentCode') return unit.parentId ? (codeById.get(unit.parentId) ?? null) : null;
  return unit[field as keyof ExistingUnit];
}
