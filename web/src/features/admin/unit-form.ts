import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import type { UnitRecord } from './admin-records';

/**
 * The unit form: an official code (plain letters, digits, . _ -), a name, a kind, a parent, and the
 * dates between which the unit exists (a 2025 commune starts on 01/07/2025; a district ended on
 * 30/06/2025). Dates are typed dd/mm/yyyy.
 */
export interface UnitFormState {
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  activeFrom: string;
  activeTo: string;
}

export type UnitFormErrorKey = 'errorRequired' | 'errorUnitCode' | 'errorUnitCodeTaken' | 'errorDate' | 'errorDateOrder';
export type UnitFormErrors = Partial<Record<keyof UnitFormState, UnitFormErrorKey>>;

const CODE = /^[A-Za-z0-9._-]{1,40}$/;

export function unitFormFrom(unit: UnitRecord | undefined, parentId: string | null = null): UnitFormState {
  return {
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    kind: unit?.kind ?? '',
    parentId: unit ? unit.parentId : parentId,
    activeFrom: toVietnameseDate(unit?.activeFrom),
    activeTo: toVietnameseDate(unit?.activeTo),
  };
}

export function validateUnitForm(state: UnitFormState, otherCodes: readonly string[]): UnitFormErrors {
  const errors: UnitFormErrors = {};
  const code = state.code.trim();
  if (code === '') errors.code = 'errorRequired';
  else if (!CODE.test(code)) errors.code = 'errorUnitCode';
  else if (otherCodes.includes(code)) errors.code = 'errorUnitCodeTaken';
  if (state.name.trim() === '') errors.name = 'errorRequired';
  if (state.kind === '') errors.kind = 'errorRequired';
  const from = state.activeFrom.trim() === '' ? null : parseVietnameseDate(state.activeFrom);
  const to = state.activeTo.trim() === '' ? null : parseVietnameseDate(state.activeTo);
  if (from === undefined) errors.activeFrom = 'errorDate';
  if (to === undefined) errors.activeTo = 'errorDate';
  if (from && to && to < from) errors.activeTo = 'errorDateOrder';
  return errors;
}

/** The request body (the form must be valid). */
export function unitPayload(state: UnitFormState) {
  return {
    code: state.code.trim(),
    name: state.name.trim().replace(/\s+/g, ' '),
    kind: state.kind,
    parentId: state.parentId,
    activeFrom: parseVietnameseDate(state.activeFrom) ?? null,
    activeTo: parseVietnameseDate(state.activeTo) ?? null,
  };
}

/** The merge form: several old units replaced by one on a date (the old units' last day). */
export function validateMerge(input: { replacedIds: string[]; replacementId: string | null; on: string }) {
  const errors: Partial<Record<'replacedIds' | 'replacementId' | 'on', 'errorRequired' | 'errorDate' | 'errorMergeSelf'>> = {};
  if (input.replacedIds.length === 0) errors.replacedIds = 'errorRequired';
  if (!input.replacementId) errors.replacementId = 'errorRequired';
  else if (input.replacedIds.includes(input.replacementId)) errors.replacementId = 'errorMergeSelf';
  if (input.on.trim() === '') errors.on = 'errorRequired';
  else if (!parseVietnameseDate(input.on)) errors.on = 'errorDate';
  return errors;
}

/** A sample file for the CSV import, with the Vietnamese headers and one row per kind of change. */
export const UNIT_CSV_SAMPLE = [
  'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến',
  'P-DIENBIENPHU,Phường Điện Biên Phủ,phường,DIENBIEN,01/07/2025,',
  'X-MUONGPHANG,Xã Mường Phăng,xã,DIENBIEN,01/07/2025,',
  'SKHCN,Sở Khoa học và Công nghệ,sở,DIENBIEN,,',
].join('\r\n');
