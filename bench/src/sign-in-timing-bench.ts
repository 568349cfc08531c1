/**
 * Timing of a wrong sign-in for a real and for an unknown username (issue 9): the figures behind the
 * coarse test in server/src/modules/auth/sign-in-timing.test.ts. The built `opendti serve` runs on a
 * fresh data directory with the demo accounts and TRUST_PROXY=true; each sign-in names its own
 * client in X-Forwarded-For (believed from 127.0.0.1), so the per-address throttle never triggers,
 * and each username is tried 4 times (under the lockout of 5). Real and unknown alternate. Each round
 * starts a new server, since the demo has only 6 accounts.
 *
 * Run: npm run build && npx tsc -p bench && node bench/dist/sign-in-timing-bench.js
 * Environment: BENCH_ROUNDS (3).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './bench-http.js';

const cli = fileURLToPath(import.meta.resolve('@opendti/server').replace(/index\.js$/, 'cli/main.js'));
/** The demo accounts seeded into an empty database (server/src/demo/seed-demo-data.ts). */
const DEMO_USERNAMES = ['quantri', 'quanly', 'nhaplieu.dbp', 'lanhdao.dbp', 'thamdinh', 'chutich'];
const ATTEMPTS_PER_NAME = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`opendti serve exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('opendti serve did not answer in 120 s');
}

let clients = 0;
async function wrongSignIn(base: string, username: string): Promise<number> {
  clients++;
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`,
    },
    body: JSON.stringify({ username, password: 'Sai-mat-khau-2024!' }),
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 401) throw new Error(`${username}: ${response.status}, expected 401`);
  return elapsed;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)] as number;
  const above = sorted[Math.ceil(position)] as number;
  return below + (above - below) * (position - Math.floor(position));
}

/** Mann–Whitney U's z (normal approximation, no tie correction): |z| < 1.96 means no difference at 5 %. */
function mannWhitneyZ(a: number[], b: number[]): number {
  const ranked = [...a.map((value) => ({ value, first: true })), ...b.map((value) => ({ value, first: false }))].sort(
    (x, y) => x.value - y.value,
  );
  let rankSum = 0;
  ranked.forEach((entry, index) => {
    if (entry.first) rankSum += index + 1;
  });
  const u = rankSum - (a.length * (a.length + 1)) / 2;
  const mean = (a.length * b.length) / 2;
  const sd = Math.sqrt((a.length * b.length * (a.length + b.length + 1)) / 12);
  return (u - mean) / sd;
}

const real: number[] = [];
const unknown: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'opendti-timing-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDirectory,
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base, child);
    await wrongSignIn(base, 'khoi.dong'); // warm-up, unmeasured
    for (let attempt = 0; attempt < ATTEMPTS_PER_NAME; attempt++) {
      for (const [index, username] of DEMO_USERNAMES.entries()) {
        const realFirst = (attempt + index) % 2 === 0;
        if (realFirst) real.push(await wrongSignIn(base, username));
        unknown.push(await wrongSignIn(base, `khong.ai.${round}.${index}`));
        if (!realFirst) real.push(await wrongSignIn(base, username));
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

const row = (name: string, values: number[]) =>
  `${name.padEnd(8)} n=${values.length}  p10 ${quantile(values, 0.1).toFixed(1)}  p25 ${quantile(values, 0.25).toFixed(1)}  median ${quantile(values, 0.5).toFixed(1)}  p75 ${quantile(values, 0.75).toFixed(1)}  p90 ${quantile(values, 0.9).toFixed(1)} ms`;
console.log('wrong sign-in over HTTP, interleaved (opendti serve, embedded database)');
console.log(row('real', real));
console.log(row('unknown', unknown));
const medianGap = quantile(real, 0.5) - quantile(unknown, 0.5);
console.log(
  `median difference ${medianGap.toFixed(1)} ms (${((100 * medianGap) / quantile(unknown, 0.5)).toFixed(1)} %); Mann–Whitney z = ${mannWhitneyZ(real, unknown).toFixed(2)} (|z| < 1.96: no difference at 5 %)`,
);
