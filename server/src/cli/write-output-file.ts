import { writeFile } from 'node:fs/promises';
import { DomainError } from '@opendti/core';

/**
 * Writes what a command produced (a workbook's bytes) to the path it was given. The writers build
 * bytes in memory; only the command line knows paths, so a file-system failure (no such folder, no
 * permission, the file open in Excel on Windows) becomes one clear problem here instead of a Node
 * stack trace.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new DomainError('invalid-input', [
      { code: 'cli.output-unwritable', params: { detail: describeWriteError(error) }, location: { file: path } },
    ]);
  }
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'thư mục không tồn tại (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `không có quyền ghi, hoặc tệp đang mở trong Excel (${code})`;
    case 'EBUSY':
      return 'tệp đang mở trong chương trình khác, hãy đóng tệp rồi thử lại (EBUSY)';
    case 'EISDIR':
      return 'đường dẫn là một thư mục (EISDIR)';
    case 'ENOSPC':
      return 'đĩa đã đầy (ENOSPC)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
