import { describe, expect, it } from 'vitest';
import { findColumn, toColumnKey } from './column-key.js';

describe('toColumnKey', () => {
  it.each([
    ['Mã đơn vị', 'ma_don_vi'],
    ['Unit code', 'unit_code'],
    ['  Điểm tự đánh giá (*) ', 'diem_tu_danh_gia'],
    ['ĐIỂM THẨM ĐỊNH', 'diem_tham_dinh'],
    ['not-assessed', 'not_assessed'],
    ['', ''],
    [undefined, ''],
  ])('%j → %j', (title, key) => {
    expect(toColumnKey(title)).toBe(key);
  });
});

describe('findColumn', () => {
  it('finds the first title with one of the keys, whatever its diacritics and case', () => {
    expect(findColumn(['Mã chỉ số', 'Giải trình', 'Ghi chú'], ['giai_trinh', 'ghi_chu'])).toBe(1);
    expect(findColumn(['Mã chỉ số'], ['giai_trinh'])).toBeUndefined();
  });
});
