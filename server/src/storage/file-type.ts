import { inflateRawSync } from 'node:zlib';
import { DomainError, type Problem } from '@opendti/core';

/**
 * Evidence uploads are judged by their content, never by their name or the browser's claimed type:
 * magic bytes say what a file is, and a file is accepted only when that matches its extension.
 * Programs and scripts are refused whatever they are called, because evidence files are opened
 * by council members on their own computers.
 */

/** What the bytes of a file are, independently of its name. */
export type ContentKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'text'
  // refused whatever the extension
  | 'windows-program'
  | 'linux-program'
  | 'mac-program'
  | 'java-program'
  | 'android-app'
  | 'webassembly'
  | 'shebang-script'
  | 'markup-with-script'
  | 'office-macro'
  // refused because no allowed extension names them
  | 'zip'
  | 'rar-7z'
  | 'legacy-office'
  | 'office-other'
  | 'opendocument-other'
  | 'html'
  | 'svg'
  | 'damaged-archive'
  | 'unknown';

const LABELS: Record<ContentKind, [vi: string, en: string]> = {
  pdf: ['tài liệu PDF', 'a PDF document'],
  png: ['ảnh PNG', 'a PNG image'],
  jpeg: ['ảnh JPEG', 'a JPEG image'],
  gif: ['ảnh GIF', 'a GIF image'],
  webp: ['ảnh WebP', 'a WebP image'],
  docx: ['văn bản Word (.docx)', 'a Word document (.docx)'],
  xlsx: ['bảng tính Excel (.xlsx)', 'an Excel workbook (.xlsx)'],
  pptx: ['bài trình chiếu PowerPoint (.pptx)', 'a PowerPoint presentation (.pptx)'],
  odt: ['văn bản OpenDocument (.odt)', 'an OpenDocument text (.odt)'],
  ods: ['bảng tính OpenDocument (.ods)', 'an OpenDocument spreadsheet (.ods)'],
  text: ['văn bản thuần', 'plain text'],
  'windows-program': ['chương trình Windows (.exe, .dll)', 'a Windows program (.exe, .dll)'],
  'linux-program': ['chương trình Linux (ELF)', 'a Linux program (ELF)'],
  'mac-program': ['chương trình macOS (Mach-O)', 'a macOS program (Mach-O)'],
  'java-program': ['chương trình Java', 'a Java program'],
  'android-app': ['ứng dụng Android (APK)', 'an Android app (APK)'],
  webassembly: ['mã WebAssembly', 'WebAssembly code'],
  'shebang-script': ['tập lệnh (script, bắt đầu bằng #!)', 'a script (starting with #!)'],
  'markup-with-script': ['trang HTML/SVG có mã lệnh (script)', 'an HTML/SVG page with script'],
  'office-macro': ['tệp Office chứa macro (mã lệnh VBA)', 'an Office file with macros (VBA code)'],
  zip: ['tệp nén ZIP', 'a ZIP archive'],
  'rar-7z': ['tệp nén RAR/7z', 'a RAR/7z archive'],
  'legacy-office': ['tệp Office đời cũ (.doc, .xls, .ppt)', 'a legacy Office file (.doc, .xls, .ppt)'],
  'office-other': ['tệp Office loại khác (mẫu, trình chiếu tự chạy…)', 'another kind of Office file (template, slide show…)'],
  'opendocument-other': ['tệp OpenDocument loại khác', 'another kind of OpenDocument file'],
  html: ['trang web HTML', 'an HTML page'],
  svg: ['ảnh SVG', 'an SVG image'],
  'damaged-archive': ['tệp nén bị hỏng', 'a damaged archive'],
  unknown: ['định dạng không nhận ra', 'an unrecognised format'],
};

const REFUSED_WHATEVER_THE_NAME = new Set<ContentKind>([
  'windows-program',
  'linux-program',
  'mac-program',
  'java-program',
  'android-app',
  'webassembly',
  'shebang-script',
  'markup-with-script',
]);

/** Allowed extensions, the content each must have, and the media type stored and served. */
const EXTENSIONS = {
  pdf: { kind: 'pdf', mediaType: 'application/pdf' },
  png: { kind: 'png', mediaType: 'image/png' },
  jpg: { kind: 'jpeg', mediaType: 'image/jpeg' },
  jpeg: { kind: 'jpeg', mediaType: 'image/jpeg' },
  gif: { kind: 'gif', mediaType: 'image/gif' },
  webp: { kind: 'webp', mediaType: 'image/webp' },
  docx: { kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { kind: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { kind: 'pptx', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { kind: 'odt', mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { kind: 'ods', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  txt: { kind: 'text', mediaType: 'text/plain; charset=utf-8' },
  csv: { kind: 'text', mediaType: 'text/csv; charset=utf-8' },
} as const satisfies Record<string, { kind: ContentKind; mediaType: string }>;

export type EvidenceExtension = keyof typeof EXTENSIONS;
export const ALLOWED_EXTENSIONS = Object.keys(EXTENSIONS) as EvidenceExtension[];

/** Media types a browser may show inline (the web app's viewer); everything else downloads. */
export function isInlineMediaType(mediaType: string): boolean {
  return mediaType === 'application/pdf' || ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(mediaType);
}

function startsWith(bytes: Buffer, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/** Markup documents (HTML, SVG), and whether they carry script — a stored XSS if ever rendered. */
function markupKind(bytes: Buffer): ContentKind | undefined {
  const head = bytes
    .subarray(0, 4096)
    .toString('latin1')
    .replace(/^(\xEF\xBB\xBF|\uFEFF)/, '')
    .trimStart()
    .toLowerCase();
  if (!head.startsWith('<')) return undefined;
  const isSvg = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(head) || /<svg[\s>]/.test(head);
  const isHtml = /^(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|script|iframe|meta|title|div|p|a|img)[\s>]/.test(head);
  if (!isSvg && !isHtml) return undefined;
  return containsScript(bytes) ? 'markup-with-script' : isSvg ? 'svg' : 'html';
}

/** In a markup document: script elements, event-handler attributes, javascript: links. */
function containsScript(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  return containsScriptElement(bytes) || /\son[a-z]+\s*=/i.test(text) || /javascript:/i.test(text);
}

/** In plain text only a script element counts: "online = 12" is an ordinary sentence. */
function containsScriptElement(bytes: Buffer): boolean {
  return /<script[\s>/]/i.test(bytes.toString('latin1'));
}

/** Detects what the bytes are. Pure: the name plays no part. */
export function detectContentKind(bytes: Buffer): ContentKind {
  // Programs first: a program is refused even when it also happens to parse as something else.
  if (startsWith(bytes, ascii('MZ'))) return 'windows-program';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'linux-program';
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
  ]) {
    if (startsWith(bytes, magic)) return 'mac-program';
  }
  // 0xCAFEBABE is both a Java class and a universal (fat) Mach-O binary: either way a program.
  if (startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return 'java-program';
  if (startsWith(bytes, [0x00, 0x61, 0x73, 0x6d])) return 'webassembly';
  if (startsWith(bytes, ascii('#!')) || startsWith(bytes, [0xef, 0xbb, 0xbf, ...ascii('#!')])) return 'shebang-script';

  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'))) return zipContentKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy-office';
  if (startsWith(bytes, ascii('Rar!\x1a\x07')) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'rar-7z';

  const markup = markupKind(bytes);
  if (markup) return markup;
  if (isUtf8Text(bytes)) return containsScriptElement(bytes) ? 'markup-with-script' : 'text';
  return 'unknown';
}

/** UTF-8 without control characters other than tab, line feed, form feed and carriage return. */
function isUtf8Text(bytes: Buffer): boolean {
  for (const byte of bytes)
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * ZIP-based files: Office Open XML says what it is in `[Content_Types].xml`, OpenDocument in its
 * first entry `mimetype`. Anything else — a plain archive, a Java or Android package — is not
 * evidence we accept (archives hide their content from the council and from this check).
 */
function zipContentKind(bytes: Buffer): ContentKind {
  const archive = openZip(bytes);
  if (!archive) return 'damaged-archive';
  const names = archive.names;
  if (names.has('AndroidManifest.xml') && names.has('classes.dex')) return 'android-app';
  if (names.has('META-INF/MANIFEST.MF') && [...names].some((name) => name.endsWith('.class'))) return 'java-program';

  if (names.has('mimetype')) {
    const mimetype = archive.read('mimetype')?.toString('ascii').trim();
    if (mimetype === undefined) return 'damaged-archive';
    if (!mimetype.startsWith('application/vnd.oasis.opendocument.')) return 'zip';
    // LibreOffice keeps Basic macros under Basic/<library>/ and other scripts under Scripts/.
    if ([...names].some((name) => (name.startsWith('Basic/') && name !== 'Basic/script-lc.xml') || name.startsWith('Scripts/'))) {
      return 'office-macro';
    }
    if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
    if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
    return 'opendocument-other';
  }

  if (names.has('[Content_Types].xml')) {
    const types = archive.read('[Content_Types].xml')?.toString('utf8');
    if (types === undefined) return 'damaged-archive';
    if (/macroEnabled/i.test(types) || [...names].some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return 'office-macro';
    if (types.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) return 'docx';
    if (types.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) return 'xlsx';
    if (types.includes('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml')) return 'pptx';
    return 'office-other';
  }
  return 'zip';
}

interface ZipArchive {
  names: Set<string>;
  /** An entry's bytes (stored or deflated, at most 1 MiB inflated), or undefined when unreadable. */
  read(name: string): Buffer | undefined;
}

const MAX_INSPECTED_ENTRY = 1024 * 1024;
const MAX_ENTRIES = 100_000;

/** Reads a ZIP's central directory: enough to list names and read a small entry, nothing more. */
function openZip(bytes: Buffer): ZipArchive | undefined {
  const endOfDirectory = findSignature(bytes, 0x06054b50, Math.max(0, bytes.length - 22 - 0xffff), bytes.length - 22);
  if (endOfDirectory < 0) return undefined;
  let entryCount = bytes.readUInt16LE(endOfDirectory + 10);
  let offset = bytes.readUInt32LE(endOfDirectory + 16);
  if (offset === 0xffffffff || entryCount === 0xffff) {
    // ZIP64: the real figures are in the ZIP64 end record the locator points at.
    const locator = endOfDirectory - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) return undefined;
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== 0x06064b50) return undefined;
    entryCount = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  if (entryCount > MAX_ENTRIES) return undefined;
  const entries = new Map<string, { method: number; compressedSize: number; localOffset: number }>();
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const method = bytes.readUInt16LE(offset + 10);
    let compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    let localOffset = bytes.readUInt32LE(offset + 42);
    if (offset + 46 + nameLength + extraLength > bytes.length) return undefined;
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const zip64 = readZip64Extra(bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), {
        uncompressed: bytes.readUInt32LE(offset + 24) === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localOffset === 0xffffffff,
      });
      if (!zip64) return undefined;
      compressedSize = zip64.compressedSize ?? compressedSize;
      localOffset = zip64.localOffset ?? localOffset;
    }
    entries.set(name, { method, compressedSize, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return {
    names: new Set(entries.keys()),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      const local = entry.localOffset;
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return undefined;
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const end = start + entry.compressedSize;
      if (end > bytes.length) return undefined;
      const data = bytes.subarray(start, end);
      if (entry.method === 0) return data.length <= MAX_INSPECTED_ENTRY ? data : undefined;
      if (entry.method !== 8) return undefined;
      try {
        // Bounded: a crafted entry cannot inflate into gigabytes (zip bomb).
        return inflateRawSync(data, { maxOutputLength: MAX_INSPECTED_ENTRY });
      } catch {
        return undefined;
      }
    },
  };
}

function findSignature(bytes: Buffer, signature: number, from: number, to: number): number {
  for (let position = to; position >= from; position--) {
    if (bytes.readUInt32LE(position) === signature) return position;
  }
  return -1;
}

function readZip64Extra(
  extra: Buffer,
  present: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { compressedSize?: number; localOffset?: number } | undefined {
  let position = 0;
  while (position + 4 <= extra.length) {
    const id = extra.readUInt16LE(position);
    const size = extra.readUInt16LE(position + 2);
    if (id === 0x0001) {
      let field = position + 4;
      const next = () => {
        if (field + 8 > position + 4 + size) return undefined;
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (present.uncompressed) next();
      const compressedSize = present.compressed ? next() : undefined;
      const localOffset = present.offset ? next() : undefined;
      return { compressedSize, localOffset };
    }
    position += 4 + size;
  }
  return undefined;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function labelParams(kind: ContentKind): { detected: string; detectedEn: string } {
  const [detected, detectedEn] = LABELS[kind];
  return { detected, detectedEn };
}

/**
 * Checks one upload: its extension is allowed, its content is not a program or script, and its
 * content is what its extension says. Returns the media type to store, or the problem (naming the
 * file) so that a batch can report every refused file at once.
 */
export function inspectEvidenceFile(
  fileName: string,
  bytes: Buffer,
): { mediaType: string; kind: ContentKind } | { problem: Problem } {
  const file = fileName;
  if (bytes.length === 0) return { problem: { code: 'evidence.empty-file', params: { file } } };
  const kind = detectContentKind(bytes);
  if (REFUSED_WHATEVER_THE_NAME.has(kind))
    return { problem: { code: 'evidence.executable', params: { file, ...labelParams(kind) } } };
  if (kind === 'office-macro') return { problem: { code: 'evidence.macro', params: { file } } };

  const extension = extensionOf(fileName);
  const expected = (EXTENSIONS as Record<string, { kind: ContentKind; mediaType: string }>)[extension];
  if (!expected) {
    return {
      problem: {
        code: 'evidence.extension-not-allowed',
        params: {
          file,
          extension: extension ? `.${extension}` : '""',
          allowed: ALLOWED_EXTENSIONS.map((item) => `.${item}`).join(', '),
        },
      },
    };
  }
  if (kind === expected.kind) return { mediaType: expected.mediaType, kind };
  if (expected.kind === 'text' && kind === 'unknown') return { problem: { code: 'evidence.not-utf8', params: { file } } };
  if (kind === 'unknown' || kind === 'damaged-archive') {
    return { problem: { code: 'evidence.unreadable', params: { file, extension: `.${extension}` } } };
  }
  return { problem: { code: 'evidence.type-mismatch', params: { file, extension: `.${extension}`, ...labelParams(kind) } } };
}

/** As `inspectEvidenceFile`, throwing a 400 with the problem. */
export function validateEvidenceFile(fileName: string, bytes: Buffer): { mediaType: string; kind: ContentKind } {
  const outcome = inspectEvidenceFile(fileName, bytes);
  if ('problem' in outcome) throw new DomainError('invalid-input', [outcome.problem]);
  return outcome;
}
