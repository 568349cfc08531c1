import { describe, expect, it } from 'vitest';
import { sanitiseFileName } from './evidence-file-name.js';

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
});
