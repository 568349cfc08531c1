import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What tests that spawn `opendti serve` as a real process share: the built CLI, fresh if stale, and a free port. */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CLI = join(ROOT, 'server/dist/cli/main.js');

/** Builds core, frameworks and server when the CLI is missing or older than any of their sources. */
export function buildIfStale(): void {
  const newestSource = (directory: string): number => {
    let newest = 0;
    for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
    return newest;
  };
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const sources = Math.max(...['core/src', 'frameworks/src', 'server/src'].map((folder) => newestSource(join(ROOT, folder))));
  if (built > sources) return;
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  for (const project of ['core', 'frameworks', 'server']) {
    try {
      execFileSync(tsc, ['-p', project], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    } catch (error) {
      throw new Error(`tsc -p ${project} failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
