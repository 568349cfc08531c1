import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@opendti/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StorageLogger, sha256Hex } from './evidence-storage.js';
import { LocalEvidenceStorage, type StorageFileSystem, sweepTemporaryFiles } from './local-evidence-storage.js';

function recordingLogger(): StorageLogger & { lines: { level: string; message: string; details: object }[] } {
  const lines: { level: string; message: string; details: object }[] = [];
  return {
    lines,
    error: (details, message) => lines.push({ level: 'error', message, details }),
    warn: (details, message) => lines.push({ level: 'warn', message, details }),
  };
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).problems[0]?.code;
  }
}

describe('local evidence storage', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'opendti-files-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('stores content under <first 2 hex>/<sha256>, once however often it is put, and reads it back', async () => {
    const storage = new LocalEvidenceStorage({ root, logger: recordingLogger() });
    const bytes = Buffer.from('Biên bản họp Ban chỉ đạo chuyển đổi số, quý I/2023');
    const first = await storage.put(bytes);
    const second = await storage.put(Buffer.from(bytes));
    expect(first).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
    expect(second).toEqual(first);
    expect(await filesUnder(root)).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256}`]);
    expect((await storage.get(first.sha256)).equals(bytes)).toBe(true);
    expect(await storage.has(first.sha256)).toBe(true);
    expect(await storage.has(sha256Hex(Buffer.from('other')))).toBe(false);
    const listed: string[] = [];
    for await (const sha256 of storage.list()) listed.push(sha256);
    expect(listed).toEqual([first.sha256]);
  });

  it('detects bytes changed on disk when reading, and logs it', async () => {
    const logger = recordingLogger();
    const storage = new LocalEvidenceStorage({ root, logger });
    const { sha256 } = await storage.put(Buffer.from('%PDF-1.4 original'));
    await fs.writeFile(storage.pathOf(sha256), '%PDF-1.4 tampered');
    expect(await codeOf(storage.get(sha256))).toBe('storage.corrupt');
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', details: expect.objectContaining({ sha256 }) })]);
  });

  it('heals a damaged copy when the same content is uploaded again', async () => {
    const storage = new LocalEvidenceStorage({ root, logger: recordingLogger() });
    const bytes = Buffer.from('nội dung gốc');
    const { sha256 } = await storage.put(bytes);
    await fs.writeFile(storage.pathOf(sha256), 'bit rot');
    await storage.put(bytes);
    expect((await storage.get(sha256)).equals(bytes)).toBe(true);
  });

  it('reports missing content and refuses hashes that are not 64 hex digits', async () => {
    const storage = new LocalEvidenceStorage({ root, logger: recordingLogger() });
    expect(await codeOf(storage.get(sha256Hex(Buffer.from('never stored'))))).toBe('storage.missing');
    expect(await codeOf(storage.get('../../etc/passwd'))).toBe('storage.bad-hash');
  });

  it('leaves no file under a final name, and no temporary file, when a write fails midway', async () => {
    const logger = recordingLogger();
    let halfWritten = 0;
    // The disk fails after half the bytes reached the temporary file (EIO, disk full, …).
    const failingOpen = (async (path: string, flags?: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      if (!path.endsWith('.tmp')) return handle;
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (data: Buffer) => {
              await target.write(data.subarray(0, data.length / 2));
              halfWritten = (await target.stat()).size;
              throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as typeof fs.open;
    const fileSystem: StorageFileSystem = { ...fs, open: failingOpen };
    const storage = new LocalEvidenceStorage({ root, logger, fileSystem });
    const bytes = Buffer.alloc(64 * 1024, 7);

    expect(await codeOf(storage.put(bytes))).toBe('storage.write-failed');
    expect(halfWritten).toBe(32 * 1024);
    expect(await filesUnder(root)).toEqual([]);
    expect(await storage.has(sha256Hex(bytes))).toBe(false);
    expect(logger.lines[0]).toMatchObject({ level: 'error', message: 'cannot store an evidence file' });

    // The same upload succeeds once the disk is healthy again.
    const healthy = new LocalEvidenceStorage({ root, logger });
    await healthy.put(bytes);
    expect((await healthy.get(sha256Hex(bytes))).equals(bytes)).toBe(true);
  });

  it('sweeps temporary files a killed upload left behind, and nothing else', async () => {
    const storage = new LocalEvidenceStorage({ root, logger: recordingLogger() });
    const { sha256 } = await storage.put(Buffer.from('kept'));
    const directory = join(root, sha256.slice(0, 2));
    // As a SIGKILL between write and rename leaves them: one old, one from an upload still in flight.
    const stale = join(directory, '.upload-0123456789abcdef.tmp');
    const fresh = join(directory, '.upload-fedcba9876543210.tmp');
    await fs.writeFile(stale, 'half an upl');
    await fs.writeFile(fresh, 'in flight');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(stale, anHourAgo, anHourAgo);

    expect(await storage.sweepTemporaryFiles()).toBe(1);
    expect(await filesUnder(root)).toEqual([
      `${sha256.slice(0, 2)}/.upload-fedcba9876543210.tmp`,
      `${sha256.slice(0, 2)}/${sha256}`,
    ]);
    // At start-up of the only process (embedded database) nothing else can be writing.
    expect(await sweepTemporaryFiles(root, { olderThanMs: 0, now: new Date(Date.now() + 1000) })).toBe(1);
    expect(await filesUnder(root)).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
    expect(await sweepTemporaryFiles(join(root, 'absent'))).toBe(0);
  });
});
