import { crc32, createInflateRaw, deflateRawSync } from 'node:zlib';

/**
 * The few parts of the zip format an .xlsx needs, read from its bytes: the central directory (what
 * the archive says it holds, and how large each part is once unzipped), one entry inflated with a
 * hard ceiling, and a stored (uncompressed) archive written back in the order a streaming reader
 * wants. A zip of a few megabytes can unzip to gigabytes; reading the directory first lets the
 * server refuse such a file before inflating a byte of it, and the ceiling on inflation catches an
 * archive whose directory lies.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only two an .xlsx uses. */
  method: number;
  /** Bit 0: encrypted. */
  flags: number;
  compressedSize: number;
  /** As the central directory declares it; checked again while inflating. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_RECORD_SEARCH = 22 + 0xffff;

/** Why an archive cannot be read, for the caller to word as its own problem. */
export class ZipFormatError extends Error {}

/** Raised when an entry unzips past the ceiling it was given, whatever the directory declared. */
export class ZipTooLargeError extends Error {}

/** The entries the central directory lists. Zip64 archives are refused: no answer sheet needs 4 GB. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - END_RECORD_SEARCH); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no central directory (truncated file?)');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('zip64 archive');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) {
      throw new ZipFormatError('damaged central directory');
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw new ZipFormatError('zip64 entry');
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry, unzipped, as the chunks inflation gave (never joined: a large part is never copied whole). */
export interface UnzippedPart {
  name: string;
  chunks: Uint8Array[];
  size: number;
  crc: number;
}

/** Inflation's output slices: each is one turn of the event loop's work. */
const INFLATE_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of one entry, at most `maxBytes` of them: past that, ZipTooLargeError, and inflation
 * stops there. Inflated on libuv's thread pool a chunk at a time, so that a large part does not
 * stall other requests.
 */
export async function unzipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<UnzippedPart> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.byteLength || view.getUint32(header, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`damaged entry ${entry.name}`);
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.byteLength !== entry.compressedSize) throw new ZipFormatError(`truncated entry ${entry.name}`);
  if (entry.method === 0) {
    if (data.byteLength > maxBytes) throw new ZipTooLargeError(entry.name);
    return { name: entry.name, chunks: [data], size: data.byteLength, crc: crc32(data) };
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
  inflater.end(data);
  const part: UnzippedPart = { name: entry.name, chunks: [], size: 0, crc: 0 };
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      part.size += chunk.byteLength;
      if (part.size > maxBytes) throw new ZipTooLargeError(entry.name);
      part.crc = crc32(chunk, part.crc);
      part.chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw error;
    throw new ZipFormatError(`${entry.name}: ${(error as Error).message}`);
  } finally {
    inflater.destroy();
  }
  return part;
}

/**
 * A zip of `parts` in the order given, stored uncompressed, as the pieces to stream one after the
 * other (what the reader hands exceljs: joining them would copy every part once more).
 */
export function storedZipPieces(parts: UnzippedPart[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.size, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    pieces.push(local, name, ...part.chunks);
    directory.push(centralHeader(name, 0, part.crc, part.size, part.size, offset), name);
    offset += 30 + name.byteLength + part.size;
  }
  return [...pieces, ...directory, endRecord(parts.length, directory, offset)];
}

function centralHeader(name: Buffer, method: number, crc: number, compressed: number, size: number, offset: number): Buffer {
  const central = Buffer.alloc(46);
  central.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.byteLength, 28);
  central.writeUInt32LE(offset, 42);
  return central;
}

function endRecord(count: number, directory: Buffer[], directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(
    directory.reduce((size, piece) => size + piece.byteLength, 0),
    12,
  );
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

/**
 * A zip of `files` in the order given, stored uncompressed (what the reader hands exceljs), or
 * deflated (what tests and benchmarks upload).
 */
export function writeZip(files: { name: string; data: Uint8Array }[], { deflate = false } = {}): Buffer {
  const pieces: Uint8Array[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const crc = crc32(file.data);
    const stored = deflate ? deflateRawSync(file.data) : file.data;
    const method = deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.byteLength, 18);
    local.writeUInt32LE(file.data.byteLength, 22);
    local.writeUInt16LE(name.byteLength, 26);
    pieces.push(local, name, stored);
    directory.push(centralHeader(name, method, crc, stored.byteLength, file.data.byteLength, offset), name);
    offset += 30 + name.byteLength + stored.byteLength;
  }
  return Buffer.concat([...pieces, ...directory, endRecord(files.length, directory, offset)]);
}
