import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName } from './evidence-file-name.js';

describe('evidence file names', () => {
  it.each([
    ['C:\\Users\\cb\\Biên bản.pdf', 'Biên bản.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    // U+202E would display "báo cáo\u202Efdp.exe" as "báo cáoexe.pdf".
    ['báo cáo\u202Efdp.exe', 'báo cáofdp.exe'],
    ['  ..ẩn\u0000 tệp\t.pdf. ', 'ẩn tệp.pdf'],
    ['a<b>:c?.png', 'a_b__c_.png'],
    ['.pdf', 'pdf'],
    ['', 'tệp'],
    [undefined, 'tệp'],
    ['Nhận thức số.pdf'.normalize('NFD'), 'Nhận thức số.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('keeps the extension when cutting a long name', () => {
    const name = sanitiseFileName(`${'Kế hoạch '.repeat(40)}.docx`);
    expect([...name].length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('offers an ASCII fallback and the real name in Content-Disposition', () => {
    expect(contentDisposition('inline', 'Biên bản "họp" Đảng ủy.pdf')).toBe(
      `inline; filename="Bien ban _hop_ Dang uy.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22%20%C4%90%E1%BA%A3ng%20%E1%BB%A7y.pdf`,
    );
  });
});
