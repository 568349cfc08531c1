import { describe, expect, it } from 'vitest';
import type { UnitRecord } from './admin-records';
import {
  buildUnitTree,
  defaultParticipants,
  filterUnitTree,
  flattenUnitTree,
  isActiveOn,
  keepWithAncestors,
  selfAndDescendants,
} from './unit-tree';

const unit = (
  id: string,
  name: string,
  kind: UnitRecord['kind'],
  parentId: string | null = null,
  dates: Partial<UnitRecord> = {},
): UnitRecord => ({
  id,
  code: id.toUpperCase(),
  name,
  kind,
  parentId,
  activeFrom: null,
  activeTo: null,
  replacedById: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  ...dates,
});

const UNITS = [
  unit('xa2', 'Xã Mường Phăng', 'commune', 'dbp'),
  unit('snv', 'Sở Nội vụ', 'department', 'tinh'),
  unit('dbp', 'Thành phố Điện Biên Phủ', 'district', 'tinh', { activeTo: '2025-06-30' }),
  unit('tinh', 'Tỉnh Điện Biên', 'province'),
  unit('sct', 'Sở Công Thương', 'department', 'tinh'),
  unit('sdl', 'Sở Du lịch', 'department', 'tinh'),
  unit('sdt', 'Sở Đào tạo', 'department', 'tinh'),
  unit('xa1', 'Xã Thanh Minh', 'commune', 'dbp'),
];

const names = (tree: ReturnType<typeof buildUnitTree>) =>
  flattenUnitTree(tree).map((node) => `${'  '.repeat(node.depth)}${node.unit.name}`);

describe('buildUnitTree', () => {
  it('nests units under their parents; departments before districts, Vietnamese order within (Đ after D)', () => {
    expect(names(buildUnitTree(UNITS))).toEqual([
      'Tỉnh Điện Biên',
      '  Sở Công Thương',
      '  Sở Du lịch',
      '  Sở Đào tạo',
      '  Sở Nội vụ',
      '  Thành phố Điện Biên Phủ',
      '    Xã Mường Phăng',
      '    Xã Thanh Minh',
    ]);
  });

  it('keeps units whose parent is missing, or caught in a loop of parents, as roots instead of losing them', () => {
    const tree = buildUnitTree([
      unit('a', 'A', 'other', 'b'),
      unit('b', 'B', 'other', 'a'),
      unit('orphan', 'Mồ côi', 'commune', 'gone'),
    ]);
    expect(
      flattenUnitTree(tree)
        .map((node) => node.unit.id)
        .sort(),
    ).toEqual(['a', 'b', 'orphan']);
  });
});

describe('filterUnitTree', () => {
  it('finds units without diacritics and keeps their ancestors, opened', () => {
    const { tree, expanded, matches } = filterUnitTree(buildUnitTree(UNITS), 'muong phang');
    expect(names(tree)).toEqual(['Tỉnh Điện Biên', '  Thành phố Điện Biên Phủ', '    Xã Mường Phăng']);
    expect([...expanded].sort()).toEqual(['dbp', 'tinh']);
    expect(matches).toBe(1);
  });

  it('matches codes too, and every word of the query', () => {
    expect(filterUnitTree(buildUnitTree(UNITS), 'SNV').matches).toBe(1);
    expect(filterUnitTree(buildUnitTree(UNITS), 'so dao').matches).toBe(1);
    expect(filterUnitTree(buildUnitTree(UNITS), 'so xyz').matches).toBe(0);
  });

  it('returns the whole tree for an empty query', () => {
    const whole = buildUnitTree(UNITS);
    expect(filterUnitTree(whole, '  ').tree).toBe(whole);
  });
});

describe('keepWithAncestors', () => {
  it('keeps the way down to the units kept', () => {
    expect(keepWithAncestors(UNITS, (u) => u.kind === 'commune').map((u) => u.id)).toEqual(['xa2', 'dbp', 'tinh', 'xa1']);
    expect(keepWithAncestors(UNITS, () => false)).toEqual([]);
  });
});

describe('parents and dates', () => {
  it('lists a unit and everything below it (none can become its parent)', () => {
    expect([...selfAndDescendants(UNITS, 'dbp')].sort()).toEqual(['dbp', 'xa1', 'xa2']);
  });

  it('tells whether a unit exists on a day', () => {
    const district = UNITS[2] as UnitRecord;
    expect(isActiveOn(district, '2025-06-30')).toBe(true);
    expect(isActiveOn(district, '2025-07-01')).toBe(false);
    expect(isActiveOn(unit('n', 'Mới', 'commune', null, { activeFrom: '2025-07-01' }), '2025-06-30')).toBe(false);
  });

  it('takes by default every unit of the cohorts active some time in the year', () => {
    const participants = (year: number) => defaultParticipants(UNITS, ['district', 'department'], year).map((u) => u.id);
    expect(participants(2025)).toEqual(['snv', 'dbp', 'sct', 'sdl', 'sdt']);
    expect(participants(2026)).toEqual(['snv', 'sct', 'sdl', 'sdt']);
  });
});
