import { describe, expect, it } from 'vitest';
import { alwaysShownFields, describeAuditChange, formatAuditValue, presentAuditValue } from './audit-values';

describe('formatAuditValue', () => {
  it.each([
    [null, '–'],
    ['2025-06-30', '30/06/2025'],
    [12.5, '12,5'],
    [true, 'có'],
    [['1', '1.2'], '1, 1.2'],
    [{ state: 'draft' }, 'state: draft'],
  ])('%j → %s', (value, text) => {
    expect(formatAuditValue(value, 'vi')).toBe(text);
  });

  it('shows instants in Vietnam time', () => {
    expect(formatAuditValue('2025-01-29T17:30:00.000Z', 'vi')).toBe('00:30, 30/01/2025');
  });
});

describe('describeAuditChange', () => {
  it('lists only the fields of an edit that changed', () => {
    const before = { id: 'u1', code: 'SNV', name: 'Sở Nội vụ', activeTo: null, parentId: 'p' };
    const after = { ...before, name: 'Sở Nội vụ tỉnh Điện Biên', activeTo: '2025-06-30' };
    expect(describeAuditChange(before, after, 'vi')).toEqual([
      { field: 'name', before: 'Sở Nội vụ', after: 'Sở Nội vụ tỉnh Điện Biên' },
      { field: 'activeTo', before: '–', after: '30/06/2025' },
    ]);
  });

  it('shows a creation field by field, and plain values as one change', () => {
    expect(describeAuditChange(null, { code: 'X1', name: 'Xã Một' }, 'en')).toEqual([
      { field: 'code', before: '–', after: 'X1' },
      { field: 'name', before: '–', after: 'Xã Một' },
    ]);
    expect(describeAuditChange(10, 7.5, 'vi')).toEqual([{ field: null, before: '10', after: '7,5' }]);
    expect(describeAuditChange(null, null, 'vi')).toEqual([]);
  });

  it('lets the page name codes (states, roles, units) it knows', () => {
    const present = (field: string | null, value: unknown) =>
      field === 'state'
        ? ({ draft: 'Đang tự đánh giá', submitted: 'Đã nộp' } as Record<string, string>)[String(value)]
        : undefined;
    expect(describeAuditChange({ state: 'draft' }, { state: 'submitted' }, 'vi', present)).toEqual([
      { field: 'state', before: 'Đang tự đánh giá', after: 'Đã nộp' },
    ]);
    expect(describeAuditChange({ note: 'draft' }, { note: null }, 'vi', present)).toEqual([
      { field: 'note', before: 'draft', after: '–' },
    ]);
  });

  it('compares nested values by content (a framework method)', () => {
    const method = { type: 'thresholds', steps: [{ atLeast: 4, points: 20 }] };
    expect(describeAuditChange({ '1.2 · method': method }, { '1.2 · method': { ...method } }, 'vi')).toEqual([]);
  });
});

describe('presentAuditValue', () => {
  const units = new Map([['u1', 'Sở Nội vụ']]);

  it('names decisions, states and cohorts with core’s labels, and shows an accepted decision’s points', () => {
    const present = presentAuditValue('appraisal', 'vi', units);
    expect(
      describeAuditChange(
        { decision: null, points: 7.5 },
        { decision: 'accepted', points: 7.5 },
        'vi',
        present,
        alwaysShownFields('appraisal'),
      ),
    ).toEqual([
      { field: 'decision', before: '–', after: 'Công nhận' },
      { field: 'points', before: '7,5', after: '7,5' },
    ]);
    expect(presentAuditValue('appraisal', 'en', units)('decision', 'adjusted')).toBe('Adjusted');
  });

  it('prints years as years and a period’s cohorts by name', () => {
    const present = presentAuditValue('period', 'vi', units);
    expect(
      describeAuditChange(
        null,
        { year: 2022, cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }], unitId: 'u1' },
        'vi',
        present,
      ),
    ).toEqual([
      { field: 'year', before: '–', after: '2022' },
      { field: 'cohorts', before: '–', after: 'Huyện, thị xã, thành phố (dienbien-2022-district)' },
      { field: 'unitId', before: '–', after: 'Sở Nội vụ' },
    ]);
    expect(present('state', 'published')).toBe('Đã công bố');
    expect(
      present('decision', {
        number: '27/QĐ-UBND',
        date: '2026-03-20',
        signerName: 'Lò Văn Kiểm',
        signerTitle: 'Chủ tịch UBND tỉnh',
      }),
    ).toBe('Quyết định số 27/QĐ-UBND ngày 20/03/2026 của Chủ tịch UBND tỉnh Lò Văn Kiểm');
  });
});
