import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DomainError, type LocalizedText } from '@opendti/core';
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
  const fail = (detail: string | LocalizedText): never => {
    throw new DomainError('invalid-input', [{ code: 'input.unreadable', params: { detail }, location: { file: name } }]);
  };
  try {
    const { size } = await stat(path);
    if (size > maxBytes) fail(describeOversize(size, maxBytes, extname(path).toLowerCase() || name));
    return { name, bytes: await readFile(path) };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // A wrong path is the usual mistake: say so once, naming the path as typed, in one language.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DomainError('invalid-input', [{ code: 'input.file-not-found', params: { path } }]);
    }
    return fail(describeFileError(error));
  }
}

/** Why the system refused the file, in the reader's language (the message is printed in one). */
function describeFileError(error: unknown): string | LocalizedText {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { vi: 'không có quyền đọc tệp', en: 'permission denied' };
    case 'EISDIR':
      return { vi: 'đây là thư mục, không phải tệp', en: 'this is a folder, not a file' };
    case 'EBUSY':
      return {
        vi: 'tệp đang bị chương trình khác khoá, hãy đóng tệp trong Excel',
        en: 'the file is locked by another program; close it in Excel',
      };
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.split('\n')[0]?.trim() ?? message;
    }
  }
}
