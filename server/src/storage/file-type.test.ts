import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectContentKind, extensionOf, inspectEvidenceFile, isInlineMediaType } from './file-type.js';

/** A minimal ZIP writer (stored or deflated entries), enough to build Office and ODF look-alikes. */
function zip(entries: [name: string, content: string | Buffer][], options: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const method = options.deflate && name !== 'mimetype' ? 8 : 0;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, stored);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/></Types>`;
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

const FIXTURES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  gif: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(14)]),
  docx: zip(
    [
      ['[Content_Types].xml', contentTypes(WORD)],
      ['word/document.xml', '<w:document/>'],
    ],
    { deflate: true },
  ),
  pptx: zip([
    ['[Content_Types].xml', contentTypes('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml')],
  ]),
  odt: zip(
    [
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ],
    { deflate: true },
  ),
  ods: zip([
    ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['content.xml', '<office:document-content/>'],
  ]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(64)]),
};

const problemOf = (name: string, bytes: Buffer) => {
  const outcome = inspectEvidenceFile(name, bytes);
  return 'problem' in outcome ? outcome.problem : undefined;
};

describe('evidence file types, by content', () => {
  it.each([
    ['Biên bản họp.pdf', FIXTURES.pdf, 'application/pdf'],
    ['ảnh.PNG', FIXTURES.png, 'image/png'],
    ['ảnh.jpg', FIXTURES.jpeg, 'image/jpeg'],
    ['ảnh.jpeg', FIXTURES.jpeg, 'image/jpeg'],
    ['ảnh.gif', FIXTURES.gif, 'image/gif'],
    ['ảnh.webp', FIXTURES.webp, 'image/webp'],
    ['Kế hoạch.docx', FIXTURES.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['slides.pptx', FIXTURES.pptx, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['văn bản.odt', FIXTURES.odt, 'application/vnd.oasis.opendocument.text'],
    ['bảng.ods', FIXTURES.ods, 'application/vnd.oasis.opendocument.spreadsheet'],
    ['ghi chú.txt', Buffer.from('Số dịch vụ online = 120; tỷ lệ 87,5%'), 'text/plain; charset=utf-8'],
    ['số liệu.csv', Buffer.from('\uFEFFmã,tên\n1.1,Nhận thức số\n'), 'text/csv; charset=utf-8'],
  ])('accepts %s', (name, bytes, mediaType) => {
    expect(inspectEvidenceFile(name, bytes)).toEqual({ mediaType, kind: expect.any(String) });
  });

  it('accepts a real Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Số liệu').addRow(['Chỉ số', 'Giá trị']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(inspectEvidenceFile('số liệu.xlsx', bytes)).toEqual({
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      kind: 'xlsx',
    });
  });

  it.each([
    ['Windows program', FIXTURES.exe, 'windows-program'],
    ['Linux program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'linux-program'],
    ['macOS program', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'mac-program'],
    ['shell script', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'shebang-script'],
    ['HTML with script', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'markup-with-script'],
    [
      'SVG with script',
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'markup-with-script',
    ],
    ['text hiding a script element', Buffer.from('mã,tên\n<script>fetch("/api")</script>\n'), 'markup-with-script'],
    [
      'Java archive',
      zip([
        ['META-INF/MANIFEST.MF', 'Main-Class: A'],
        ['A.class', 'x'],
      ]),
      'java-program',
    ],
  ])('detects a %s', (_label, bytes, kind) => {
    expect(detectContentKind(bytes)).toBe(kind);
  });

  it('refuses a program whatever its name, naming the file in Vietnamese', () => {
    for (const name of ['báo cáo.pdf', 'ảnh.png', 'setup.exe', 'notes.txt']) {
      expect(problemOf(name, FIXTURES.exe)).toEqual({
        code: 'evidence.executable',
        params: { file: name, detected: 'chương trình Windows (.exe, .dll)', detectedEn: 'a Windows program (.exe, .dll)' },
      });
    }
  });

  it('refuses content that does not match the extension', () => {
    expect(problemOf('ảnh.pdf', FIXTURES.png)).toMatchObject({
      code: 'evidence.type-mismatch',
      params: { file: 'ảnh.pdf', extension: '.pdf', detected: 'ảnh PNG' },
    });
    expect(problemOf('báo cáo.docx', FIXTURES.pdf)?.code).toBe('evidence.type-mismatch');
    expect(problemOf('bảng.xlsx', FIXTURES.docx)?.code).toBe('evidence.type-mismatch');
    expect(problemOf('bảng.ods', FIXTURES.odt)?.code).toBe('evidence.type-mismatch');
    expect(problemOf('ghi chú.txt', FIXTURES.png)?.code).toBe('evidence.type-mismatch');
  });

  it('refuses a plain ZIP, macros, legacy Office files and plain HTML named as allowed types', () => {
    expect(problemOf('hồ sơ.docx', zip([['a.pdf', '%PDF-1.4']]))).toMatchObject({
      code: 'evidence.type-mismatch',
      params: { detected: 'tệp nén ZIP' },
    });
    const macro = zip([
      ['[Content_Types].xml', contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml')],
      ['word/vbaProject.bin', 'VBA'],
    ]);
    expect(problemOf('kế hoạch.docx', macro)?.code).toBe('evidence.macro');
    expect(
      problemOf(
        'bảng.ods',
        zip([
          ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
          ['Basic/Standard/Module1.xml', 'Sub X'],
        ]),
      )?.code,
    ).toBe('evidence.macro');
    expect(problemOf('cũ.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({
      params: { detected: 'tệp Office đời cũ (.doc, .xls, .ppt)' },
    });
    expect(problemOf('trang.txt', Buffer.from('<html><body>Xin chào</body></html>'))).toMatchObject({
      params: { detected: 'trang web HTML' },
    });
  });

  it('refuses other extensions, text that is not UTF-8, empty and damaged files', () => {
    expect(problemOf('hồ sơ.zip', zip([['a.txt', 'x']]))?.code).toBe('evidence.extension-not-allowed');
    expect(problemOf('ảnh.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))?.code).toBe(
      'evidence.extension-not-allowed',
    );
    expect(problemOf('không đuôi', FIXTURES.pdf)?.code).toBe('evidence.extension-not-allowed');
    // "Nhận thức số" in Windows-1258, as old Excel saves a CSV.
    expect(problemOf('số liệu.csv', Buffer.from([0x4e, 0x68, 0xe2, 0xd2, 0x6e, 0x20, 0x74, 0x68, 0xf6, 0xec]))?.code).toBe(
      'evidence.not-utf8',
    );
    expect(problemOf('rỗng.pdf', Buffer.alloc(0))?.code).toBe('evidence.empty-file');
    expect(problemOf('hỏng.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]))?.code).toBe(
      'evidence.unreadable',
    );
    expect(problemOf('lạ.pdf', Buffer.from([1, 2, 3, 4]))?.code).toBe('evidence.unreadable');
  });

  it('knows which media types display inline', () => {
    expect(isInlineMediaType('application/pdf')).toBe(true);
    expect(isInlineMediaType('image/webp')).toBe(true);
    expect(isInlineMediaType('text/csv; charset=utf-8')).toBe(false);
    expect(extensionOf('Báo.Cáo.PDF')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('');
  });
});
