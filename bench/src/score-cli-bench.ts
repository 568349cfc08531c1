/**
 * `opendti score` end to end on a 1,000,000-row CSV (10,000 units × 100 indicators), issue 2 §6:
 * target ≤ 10 s. Writes the CSV and the framework to a temporary directory, runs the built CLI as a
 * child process (so Node's start-up counts) and prints wall time and the child's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSeededRandom } from '@opendti/core';
import { benchFramework, rawAnswer } from './bench-framework.js';

const UNITS = 10_000;
const directory = mkdtempSync(join(tmpdir(), 'opendti-bench-'));
const frameworkPath = join(directory, 'bench-100.json');
const csvPath = join(directory, 'answers.csv');
const document = benchFramework();
writeFileSync(frameworkPath, JSON.stringify(document));

const codes = document.mainIndices.flatMap((main) => main.indicators.map((indicator) => indicator.code));
const random = createSeededRandom(7);
const out = createWriteStream(csvPath);
out.write('unit_code,unit_name,indicator,value,points,appraised_points,not_assessed\n');
let rows = 0;
for (let u = 0; u < UNITS; u++) {
  let chunk = '';
  codes.forEach((code, position) => {
    const notAssessed = random() < 0.02;
    const appraised = !notAssessed && position % 10 === 0 && random() < 0.2 ? String(Math.round(random() * 20) / 2) : '';
    chunk += `X${u},Xã số ${u},${code},${notAssessed ? '' : rawAnswer(position, random)},,${appraised},${notAssessed ? 'x' : ''}\n`;
    rows++;
  });
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));

const cli = fileURLToPath(import.meta.resolve('@opendti/server').replace(/index\.js$/, 'cli/main.js'));
const outputPath = join(directory, 'results.json');
const start = performance.now();
const child = spawnSync(
  '/usr/bin/time',
  [
    '-f',
    '%M',
    process.execPath,
    cli,
    'score',
    '--framework',
    frameworkPath,
    '--input',
    csvPath,
    '--format',
    'json',
    '--output',
    outputPath,
  ],
  {
    encoding: 'utf8',
  },
);
const seconds = (performance.now() - start) / 1000;
if (child.status !== 0) {
  console.error(child.stderr);
  process.exit(1);
}
const peakKb = Number(child.stderr.trim().split('\n').pop());
console.log(`score CLI bench: ${rows.toLocaleString('en')} rows, ${(statSync(csvPath).size / 1048576).toFixed(1)} MB CSV`);
console.log(
  `  opendti score --format json: ${seconds.toFixed(2)} s wall (target ≤ 10 s), peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
);
rmSync(directory, { recursive: true, force: true });
