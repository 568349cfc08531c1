import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's `npx opendti …` examples, run exactly as written after the README's own commands.
 * A fresh clone once answered "could not determine executable to run" to `npx opendti`, because the
 * bin pointed into dist/, which does not exist when npm links bins at install; and the examples named
 * sample files that did not exist. This runs every example line through the linked bin
 * (node_modules/.bin/opendti, what npx runs) in a scratch directory holding the sample files.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

/** Every command line of the README's sh blocks that runs `npx opendti`, continuation lines joined. */
function readmeCommandLines(readme: string): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.replace(/\\\n\s*/g, '').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(\w+=\S+\s+)*npx opendti /.test(line));
}

describe('the README examples of the opendti command', () => {
  const lines = readmeCommandLines(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const scratch = mkdtempSync(join(tmpdir(), 'opendti-readme-'));

  beforeAll(() => {
    expect(existsSync(join(ROOT, 'server/dist/cli/main.js')), 'run npm run build first').toBe(true);
    for (const folder of ['examples', 'frameworks']) symlinkSync(join(ROOT, folder), join(scratch, folder));
  });

  it('finds the examples, and npm linked the opendti bin on install', () => {
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(existsSync(join(ROOT, 'node_modules/.bin/opendti'))).toBe(true);
  });

  it('runs every example in order, each exiting 0 without a stack trace', async () => {
    const env = {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
      DATA_DIR: join(scratch, 'data'),
      DEMO_DATA: 'false',
      OPENDTI_LANG: 'vi',
    };
    for (const line of lines) {
      // `serve` runs until stopped: the CI's start-command check covers it.
      if (/ opendti serve\b/.test(line)) continue;
      // `npx opendti` runs node_modules/.bin/opendti; called by that name here, the scratch directory
      // needs no package.json of its own.
      const command = line.replace('npx opendti', 'opendti');
      const result = await run('bash', ['-c', command], { cwd: scratch, env }).catch(
        (error: { code?: number; stdout?: string; stderr?: string }) => error,
      );
      expect({ line, code: 'code' in result ? result.code : 0, stderr: result.stderr }).toMatchObject({ line, code: 0 });
      expect(result.stderr ?? '').not.toMatch(/\n\s+at /);
    }
    for (const output of ['answers.xlsx', 'plan-MLA.xlsx', '2022.json', '2023.json', 'backup.gz', 'restored/db']) {
      expect(existsSync(join(scratch, output)), output).toBe(true);
    }
    const compared = JSON.parse(readFileSync(join(scratch, '2023.json'), 'utf8')) as { units: { previous?: unknown }[] };
    expect(compared.units.every((unit) => unit.previous)).toBe(true);
    // About fifteen processes in a row, each opening the embedded database or a spreadsheet.
  }, 300_000);
});
