import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatPlain, formatPoints, formatSigned, formatStoredValue, startSentence } from './format';

describe('formatPoints', () => {
  it.each([
    [2.5, 'vi', undefined, '2,5'],
    [2.5, 'en', undefined, '2.5'],
    [10, 'vi', undefined, '10'],
    [16.666, 'vi', undefined, '16,67'],
    [0.125, 'vi', undefined, '0,13'],
    [-0.0001, 'vi', undefined, '0'],
    [317.5, 'vi', 2, '317,50'],
    [null, 'vi', undefined, '–'],
    [Number.NaN, 'vi', undefined, '–'],
  ] as const)('%s (%s, %s places) → %s', (value, locale, decimals, expected) => {
    expect(formatPoints(value, locale, decimals)).toBe(expected);
  });
});

describe('formatSigned', () => {
  it.each([
    [-2.5, 'vi', undefined, '−2,5'],
    [1.25, 'vi', undefined, '+1,25'],
    [0, 'vi', undefined, '0'],
    [1e-12, 'en', undefined, '0'],
    [0.0125, 'vi', 4, '+0,0125'],
    [-0.05, 'vi', 4, '−0,0500'],
    [0.00001, 'vi', 4, '0,0000'],
    [undefined, 'en', undefined, '–'],
  ] as const)('%s (%s, %s places) → %s', (value, locale, decimals, expected) => {
    expect(formatSigned(value, locale, decimals)).toBe(expected);
  });
});

describe('formatPlain', () => {
  it('types a number back with up to four decimals', () => {
    expect(formatPlain(0.28494, 'vi')).toBe('0,2849');
    expect(formatPlain(1234.5, 'vi')).toBe('1.234,5');
    expect(formatPlain(3, 'en')).toBe('3');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in Vietnam time, whatever the browser zone', () => {
    expect(formatDateTime('2025-01-29T17:30:00.000Z', 'vi')).toBe('00:30, 30/01/2025');
    expect(formatDateTime(null, 'vi')).toBe('–');
  });
});

describe('formatBytes', () => {
  it.each([
    [512, 'vi', '512 B'],
    [48_000, 'vi', '47 KB'],
    [1_258_291, 'vi', '1,2 MB'],
    [1_258_291, 'en', '1.2 MB'],
  ] as const)('%i bytes in %s → %s', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});

describe('startSentence', () => {
  it.each([
    ['sai tên đăng nhập hoặc mật khẩu', 'Sai tên đăng nhập hoặc mật khẩu'],
    ['đơn vị không tồn tại', 'Đơn vị không tồn tại'],
    ['Already capital', 'Already capital'],
    ['units.csv, dòng 3: thiếu mã', 'units.csv, dòng 3: thiếu mã'],
    ['1.2: điểm vượt tối đa', '1.2: điểm vượt tối đa'],
    ['', ''],
  ])('%j → %j', (text, sentence) => {
    expect(startSentence(text)).toBe(sentence);
  });
});

describe('formatStoredValue', () => {
  it.each([
    ['8.5', 'vi', '8,5'],
    ['8.5', 'en', '8.5'],
    ['1234.5', 'vi', '1.234,5'],
    ['12/30', 'vi', '12/30'],
    ['12.5/30', 'vi', '12,5/30'],
    ['45.5%', 'vi', '45,5%'],
    ['có', 'vi', 'có'],
    ['chu-tich', 'vi', 'chu-tich'],
  ] as const)('%s (%s) → %s', (value, locale, text) => {
    expect(formatStoredValue(value, locale)).toBe(text);
  });
});
