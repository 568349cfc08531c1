import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no lock between processes: two servers on one data directory would corrupt it
 * (STACK-NOTES). A lock file holding the owner's pid refuses a second server; a lock left by a
 * process that no longer runs (after a crash or SIGKILL) is taken over.
 *
 * Both steps are atomic, so servers starting at the same moment (a supervisor restarting after a
 * crash) cannot both win: the lock appears with its pid already in it (written to a private file,
 * then hard-linked into place, which fails if the lock exists), and a stale lock is first renamed
 * away — only one process can rename that file — then checked again before it is deleted.
 */
export class DataDirectoryLockedError extends Error {
  override name = 'DataDirectoryLockedError';
}

const MAX_ATTEMPTS = 5;

export function lockDataDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'opendti.lock');
  const mine = `${path}.${process.pid}`;
  writePrivate(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (tryLink(mine, path)) return () => rmSync(path, { force: true });
      const owner = ownerOf(path);
      if (owner === undefined) continue; // released meanwhile: try again
      if (owner !== process.pid && isRunning(owner)) throw lockedError(directory, owner);
      takeOverStale(path, owner);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new DataDirectoryLockedError(`Không lấy được khoá ${path} (could not take the lock)`);
}

/** Moves a dead owner's lock aside; if what was moved turns out to be a live server's, puts it back. */
function takeOverStale(path: string, staleOwner: number): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another process took it first
    throw error;
  }
  const moved = ownerOf(aside);
  if (moved !== undefined && moved !== staleOwner && moved !== process.pid && isRunning(moved)) {
    // Between reading the lock and renaming it, a live server replaced it: give it back.
    tryLink(aside, path);
  }
  rmSync(aside, { force: true });
}

function writePrivate(file: string, content: string): void {
  const descriptor = openSync(file, 'w');
  try {
    writeSync(descriptor, content);
  } finally {
    closeSync(descriptor);
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The pid in a lock file; a file that is gone, empty or garbled is undefined or 0 (stale). */
function ownerOf(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

function lockedError(directory: string, owner: number): DataDirectoryLockedError {
  return new DataDirectoryLockedError(
    `Thư mục dữ liệu ${directory} đang được tiến trình ${owner} sử dụng; không thể chạy hai máy chủ trên cùng một cơ sở dữ liệu nhúng (data directory in use by process ${owner}).`,
  );
}

function isRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
