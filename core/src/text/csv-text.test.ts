import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, neutraliseFormula } from './csv-text.js';

describe('CSV text', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['+84 912', "'+84 912"],
    ['-1+1', "'-1+1"],
    ['\tx', "'\tx"],
    ['Thành phố Điện Biên Phủ', 'Thành phố Điện Biên Phủ'],
  ])('neutralises %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it('quotes what needs it, leaves numbers alone, writes null as empty', () => {
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.2849, (value) => value.toFixed(2))).toBe('0.28');
    expect(csvField(null)).toBe('');
    expect(csvField('=1+1')).toBe("'=1+1");
  });

  it('writes a document with a byte-order mark and CRLF line ends', () => {
    expect(
      csvDocument([
        ['Mã', 'Tên'],
        ['=X', 1],
      ]),
    ).toBe("\uFEFFMã,Tên\r\n'=X,1\r\n");
  });

  it('writes the semicolon variant for Excel set to Vietnamese: a comma inside a field needs no quotes, a semicolon does', () => {
    const decimalComma = (value: number, column: number) => value.toFixed(column === 1 ? 4 : 0).replace('.', ',');
    expect(
      csvDocument(
        [
          ['Đơn vị', 'Chỉ số', 'Hạng'],
          ['Sở A, B', 0.28491, 1],
          ['Sở C; D', -0.5, 2],
        ],
        { separator: ';', formatNumber: decimalComma },
      ),
    ).toBe('\uFEFFĐơn vị;Chỉ số;Hạng\r\nSở A, B;0,2849;1\r\n"Sở C; D";-0,5000;2\r\n');
  });
});
