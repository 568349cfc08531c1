#!/usr/bin/env node
// Runs Vitest, then prints one plain closing line — "tests: N passed, N failed, N skipped" — that
// CI reads to tell a run that tested something from one that ran no test. Exits with Vitest's code.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const vitest = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary = 'tests: 0 passed, 0 failed';
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  summary = `tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
} catch {
  // No report: Vitest failed before running anything; the zero line and its exit code say so.
}
console.log(summary);
process.exit(vitest.status ?? 1);
