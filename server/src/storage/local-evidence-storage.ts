import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@opendti/core';
import {
  type EvidenceStorage,
  isSha256,
  missingContent,
  requireSha256,
  type StorageLogger,
  sha256Hex,
  stderrLogger,
  verifyContent,
} from './evidence-storage.js';

/** The file-system calls local storage makes; tests pass a wrapper that fails part-way through a write. */
export type StorageFileSystem = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'readFile' | 'stat' | 'readdir'>;

export interface LocalEvidenceStorageOptions {
  /** `<DATA_DIR>/files` */
  root: string;
  logger?: StorageLogger;
  fileSystem?: StorageFileSystem;
}

/** Temporary files are named `.upload-<random>.tmp`, beside their final name, and never read. */
const TEMPORARY_NAME = /^\.upload-[0-9a-f]{16}\.tmp$/;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Evidence files on the local disk, under `<root>/<first 2 hex>/<sha256>` (256 subdirectories keep
 * directories small for hundreds of thousands of files).
 *
 * Crash safety: bytes go to a temporary file in the same directory, which is fsynced, renamed onto the
 * final name (atomic on POSIX) and the directory fsynced so the rename itself survives a power cut.
 * A process killed mid-write therefore leaves at most a temporary file, never a half-written file
 * under a final name; `sweepTemporaryFiles` removes such strays at start-up.
 */
export class LocalEvidenceStorage implements EvidenceStorage {
  readonly root: string;
  private readonly logger: StorageLogger;
  private readonly fs: StorageFileSystem;

  constructor(options: LocalEvidenceStorageOptions) {
    this.root = options.root;
    this.logger = options.logger ?? stderrLogger;
    this.fs = options.fileSystem ?? nodeFs;
  }

  pathOf(sha256: string): string {
    requireSha256(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const size = bytes.length;
    const finalPath = this.pathOf(sha256);
    if (await this.holdsIntactCopy(finalPath, sha256)) return { sha256, size };

    const directory = join(this.root, sha256.slice(0, 2));
    const temporaryPath = join(directory, `.upload-${randomBytes(8).toString('hex')}.tmp`);
    try {
      await this.fs.mkdir(directory, { recursive: true });
      const handle = await this.fs.open(temporaryPath, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(temporaryPath, finalPath);
      await this.syncDirectory(directory);
    } catch (error) {
      await this.fs.unlink(temporaryPath).catch(() => {});
      this.logger.error({ err: error, sha256, size, path: finalPath }, 'cannot store an evidence file');
      throw new DomainError('internal', [{ code: 'storage.write-failed' }]);
    }
    return { sha256, size };
  }

  async get(sha256: string): Promise<Buffer> {
    const path = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        this.logger.error({ sha256, path }, 'evidence file is missing');
        throw missingContent(sha256);
      }
      throw error;
    }
    return verifyContent(bytes, sha256, path, this.logger);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await this.fs.stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<string> {
    let prefixes: string[];
    try {
      prefixes = (await this.fs.readdir(this.root)).filter((name) => /^[0-9a-f]{2}$/.test(name)).sort();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      throw error;
    }
    for (const prefix of prefixes) {
      const names = await this.fs.readdir(join(this.root, prefix));
      for (const name of names.sort()) if (isSha256(name) && name.startsWith(prefix)) yield name;
    }
  }

  /** Removes temporary files left by a crash; see the function of the same name. */
  sweepTemporaryFiles(options: { olderThanMs?: number; now?: Date } = {}): Promise<number> {
    return sweepTemporaryFiles(this.root, { ...options, fileSystem: this.fs });
  }

  /**
   * True when the content is already stored and intact. A damaged copy is replaced by the fresh
   * upload (same hash, so the atomic rename heals it) rather than trusted.
   */
  private async holdsIntactCopy(path: string, sha256: string): Promise<boolean> {
    let existing: Buffer;
    try {
      existing = await this.fs.readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
    if (sha256Hex(existing) === sha256) return true;
    this.logger.warn({ sha256, path }, 'replacing a damaged evidence file with a fresh upload of the same content');
    return false;
  }

  private async syncDirectory(directory: string): Promise<void> {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await this.fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * Deletes temporary files a killed upload left behind. Only files older than `olderThanMs`
 * (default 5 minutes) go: with a PostgreSQL server several app processes may share one data
 * directory, and a fresh temporary file may be another process's upload in flight.
 * Returns how many files were removed.
 */
export async function sweepTemporaryFiles(
  root: string,
  options: { olderThanMs?: number; now?: Date; fileSystem?: StorageFileSystem } = {},
): Promise<number> {
  const fs = options.fileSystem ?? nodeFs;
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? 5 * 60_000);
  let prefixes: string[];
  try {
    prefixes = (await fs.readdir(root)).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const prefix of prefixes) {
    const directory = join(root, prefix);
    for (const name of await fs.readdir(directory)) {
      if (!TEMPORARY_NAME.test(name)) continue;
      const path = join(directory, name);
      const stats = await fs.stat(path).catch(() => undefined);
      if (!stats || stats.mtimeMs > cutoff) continue;
      await fs.unlink(path).catch(() => {});
      removed++;
    }
  }
  return removed;
}
