import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DomainError } from '@opendti/core';
import { describeOversize } from '../spreadsheets/read-xlsx-table.js';

export interface InputFile {
  /** The file's name without its folder: what every problem shows. */
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a file named on the command line, whole, for the spreadsheet readers (which take bytes).
 * The size is checked before reading, so a wrong 2 GB file is refused at once instead of filling
 * memory; a missing or locked file becomes one clear problem instead of a Node stack trace.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<InputFile> {
  const name = basename(path);
  const fail = (detail: string): never => {
    throw new DomainError('invalid-input', [{ code: 'input.unreadable', params: { detail }, location: { file: name } }]);
  };
  try {
    const { size } = await stat(path);
    if (size > maxBytes) fail(describeOversize(size, maxBytes, extname(path).toLowerCase() || name));
    return { name, bytes: await readFile(path) };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return fail(describeFileError(error));
  }
}

function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'không tìm thấy tệp (file not found)';
    case 'EACCES':
    case 'EPERM':
      return `không có quyền đọc tệp (${code})`;
    case 'EISDIR':
      return 'đây là thư mục, không phải tệp (EISDIR)';
    case 'EBUSY':
      return 'tệp đang bị chương trình khác khoá, hãy đóng tệp trong Excel (EBUSY)';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.split('\n')[0]?.trim() ?? message;
    }
  }
}
