/**
 * The embedded database's lock between processes, with real processes (the lock is by pid): the
 * built module (server/dist, made by `npm run build` before the tests) in child Node processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const LOCK_MODULE = pathToFileURL(fileURLToPath(new URL('../../dist/db/data-directory-lock.js', import.meta.url))).href;

/** A process that tries the lock, says "locked" or "refused", holds it `holdMs`, then releases it. */
function locker(directory: string, holdMs: number): Promise<'locked' | 'refused'> {
  const script = `
    const { lockDataDirectory } = await import(${JSON.stringify(LOCK_MODULE)});
    try {
      const release = lockDataDirectory(${JSON.stringify(directory)});
      process.stdout.write('locked');
      setTimeout(() => { release(); }, ${holdMs});
    } catch (error) {
      process.stdout.write(error.name === 'DataDirectoryLockedError' ? 'refused' : 'error ' + error.message);
    }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    output += text;
  });
  return new Promise((resolve, reject) =>
    child.once('exit', () => (output === 'locked' || output === 'refused' ? resolve(output) : reject(new Error(output)))),
  );
}

/** The pid of a process that has exited: what a lock left by a crash holds. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  let directory: string;
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('lets exactly one of several servers starting together take over a lock left by a crash', async () => {
    directory = mkdtempSync(join(tmpdir(), 'opendti-lock-'));
    writeFileSync(join(directory, 'opendti.lock'), String(deadPid()));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => locker(directory, 1_500)));
    expect(outcomes.filter((outcome) => outcome === 'locked')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(5);
    // Released by its holder; nothing left behind (no private or moved-aside files).
    expect(readdirSync(directory)).toEqual([]);
  });

  it('lets exactly one of several servers starting together on a fresh directory win', async () => {
    directory = mkdtempSync(join(tmpdir(), 'opendti-lock-'));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => locker(directory, 1_500)));
    expect(outcomes.filter((outcome) => outcome === 'locked')).toHaveLength(1);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('takes over an empty or garbled lock file, and writes its own pid', async () => {
    directory = mkdtempSync(join(tmpdir(), 'opendti-lock-'));
    for (const content of ['', 'không phải số']) {
      writeFileSync(join(directory, 'opendti.lock'), content);
      expect(await locker(directory, 0)).toBe('locked');
    }
    const { lockDataDirectory } = (await import(LOCK_MODULE)) as typeof import('./data-directory-lock.js');
    const release = lockDataDirectory(directory);
    expect(readFileSync(join(directory, 'opendti.lock'), 'utf8')).toBe(String(process.pid));
    expect(await locker(directory, 0)).toBe('refused');
    release();
    expect(readdirSync(directory)).toEqual([]);
  });
});
