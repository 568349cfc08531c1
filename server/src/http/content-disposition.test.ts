import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.js';

describe('Content-Disposition', () => {
  it('offers an ASCII fallback and the real name in Content-Disposition', () => {
    expect(contentDisposition('inline', 'Biên bản "họp" Đảng ủy.pdf')).toBe(
      `inline; filename="Bien ban _hop_ Dang uy.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22%20%C4%90%E1%BA%A3ng%20%E1%BB%A7y.pdf`,
    );
  });
});
