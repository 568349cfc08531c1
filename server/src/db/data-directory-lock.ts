import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no lock between processes: two servers on one data directory would corrupt it
 * (STACK-NOTES). A lock file holding the owner's pid, created exclusively, refuses a second server;
 * a lock left by a process that no longer runs (after a crash or SIGKILL) is taken over.
 */
export class DataDirectoryLockedError extends Error {
  override name = 'DataDirectoryLockedError';
}

export function lockDataDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'opendti.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(path, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DataDirectoryLockedError(
          `Thư mục dữ liệu ${directory} đang được tiến trình ${owner} sử dụng; không thể chạy hai máy chủ trên cùng một cơ sở dữ liệu nhúng (data directory in use by process ${owner}).`,
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new DataDirectoryLockedError(`Không lấy được khoá ${path} (could not take the lock)`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
