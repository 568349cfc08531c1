/**
 * The server under load (issue 3 §6), with autocannon against 127.0.0.1, each scenario bounded:
 *   - floor: a bare Fastify instance answering GET /floor with {ok:true}, at the same connection counts;
 *   - 200 concurrent reporters, each signed in for a unit of its own, saving that unit's answers with
 *     the right baseVersion (a 409 on a stale version counts as an error): target p99 < 100 ms on PostgreSQL;
 *   - 1,000 concurrent readers of the published 2022 demo's district results: target ≥ 2,000 requests/s;
 *   - cold start of `opendti serve` on an empty data directory, time to the first 200 from /healthz: ≤ 10 s.
 * On the embedded database (PGlite) always, and on PostgreSQL when a server answers (a fresh database is
 * created for the run and dropped after). The server is the built CLI as a child process, LOG_LEVEL=warn.
 *
 * Run: npm run bench (builds first), or npm run build && npx tsc -p bench && node bench/dist/server-bench.js
 * Environment: BENCH_SECONDS (30) per scenario; BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/test),
 * the administrative connection used to create and drop the benchmark database; BENCH_CPU_PROF=<dir> writes
 * the server's V8 CPU profiles there (node --cpu-prof) to see what dominates; BENCH_ONLY=pglite|postgres runs
 * one database; BENCH_SCENARIOS (floor,saves,paced,readers,cold) runs those scenarios only; BENCH_PACED_RATE
 * (1) is each reporter's mean saves per second in the paced run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequestRaw } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { api, demoPasswords, freePort, type Session, signIn } from './bench-http.js';

// ─── autocannon and the server's own dependencies ─────────────────────────────────────────────────

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  onResponse?: (status: number, body: string) => void;
}
interface AutocannonClient {
  setRequests(requests: AutocannonRequest[]): void;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  connectionRate?: number;
  requests?: AutocannonRequest[];
  setupClient?: (client: AutocannonClient) => void;
}
/** The run is a promise of its result and an emitter of per-request events. */
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult> & {
  on(event: 'reqError', listener: (error: NodeJS.ErrnoException) => void): void;
};

const requireHere = createRequire(import.meta.url);
const autocannonRun = requireHere('autocannon') as Autocannon;

/** One autocannon run, with its socket errors counted by code (ECONNRESET, request timed out…). */
async function autocannon(options: AutocannonOptions): Promise<AutocannonResult & { errorCodes: Map<string, number> }> {
  const errorCodes = new Map<string, number>();
  const run = autocannonRun(options);
  run.on('reqError', (error) => {
    const code = error.code ?? error.message;
    errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
  });
  return { ...(await run), errorCodes };
}
// Fastify and pg as the server resolves them: the floor runs the very Fastify the server runs.
const serverEntry = fileURLToPath(import.meta.resolve('@opendti/server'));
const requireFromServer = createRequire(serverEntry);
const CLI = serverEntry.replace(/index\.js$/, 'cli/main.js');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CPU_PROFILE_DIRECTORY = process.env.BENCH_CPU_PROF;
const ONLY_DATABASE = process.env.BENCH_ONLY;
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? 'floor,saves,paced,readers,cold').split(','));
const REPORTERS = 200;
/** Saves per second per reporter in the paced run: one a second is far above a person's autosaves. */
const PACED_SAVES_PER_REPORTER = Number(process.env.BENCH_PACED_RATE ?? 1);
const READERS = 1_000;
const COLD_STARTS = 3;
const FRAMEWORK = 'dienbien-2022-district';
const BENCH_PASSWORD = 'Thu-tai-2026!';

// ─── child processes ──────────────────────────────────────────────────────────────────────────────

interface Child {
  process: ChildProcess;
  base: string;
  stdout: () => string;
  exited: Promise<number | null>;
}

function startChild(args: string[], env: Record<string, string>, port: number): Child {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, base: `http://127.0.0.1:${port}`, stdout: () => stdout, exited };
}

/** Milliseconds from now until `url` first answers 200, polling every 10 ms, at most `timeoutMs`. */
async function waitFor200(url: string, child: Child, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  while (performance.now() - started < timeoutMs) {
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode}:\n${child.stdout()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status === 200;
      },
      () => false,
    );
    if (ok) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 30_000);
  await child.exited;
  clearTimeout(timer);
}

/** `opendti serve` on a fresh data directory (files, and the database unless databaseUrl is given). */
async function startServe(databaseUrl: string | undefined): Promise<{ child: Child; dataDirectory: string; startMs: number }> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'opendti-server-bench-'));
  const port = await freePort();
  const profile = CPU_PROFILE_DIRECTORY ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIRECTORY}`] : [];
  const started = performance.now();
  const child = startChild(
    [...profile, CLI, 'serve'],
    {
      DATA_DIR: dataDirectory,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl ?? '',
      S3_BUCKET: '',
    },
    port,
  );
  await waitFor200(`${child.base}/healthz`, child);
  return { child, dataDirectory, startMs: performance.now() - started };
}

// ─── HTTP helpers for the set-up ──────────────────────────────────────────────────────────────────

/** Runs `task` over `items`, `concurrency` at a time (argon2 hashing makes users and logins slow). */
async function inBatches<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

interface Reporter {
  session: Session;
  assessmentId: string;
}

/**
 * As the demo administrator and manager, through the API: 200 units, one reporter account for each,
 * a 2024 period open for self-assessment over those units; then every reporter signs in.
 */
async function prepareReporters(base: string, stdout: string): Promise<Reporter[]> {
  const passwords = demoPasswords(stdout);
  const admin = await signIn(base, 'quantri', passwords.get('quantri') as string);
  const manager = await signIn(base, 'quanly', passwords.get('quanly') as string);
  const suffix = randomBytes(3).toString('hex');
  const units = await inBatches(
    Array.from({ length: REPORTERS }, (_, index) => index),
    8,
    (index) =>
      api<{ id: string }>(base, admin, 'POST', '/units', {
        code: `TT${suffix}-${String(index + 1).padStart(3, '0')}`,
        name: `Đơn vị thử tải số ${index + 1} (BENCH)`,
        kind: 'district',
      }),
  );
  const period = await api<{ id: string }>(base, manager, 'POST', '/periods', {
    year: 2024,
    name: 'Thử tải máy chủ (BENCH)',
    cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
    unitIds: units.map((unit) => unit.id),
    selfAssessmentDeadline: '2099-01-30',
  });
  await api(base, manager, 'POST', `/periods/${period.id}/transitions`, { action: 'openSelfAssessment' });
  const { items } = await api<{ items: { id: string; unit: { id: string } }[] }>(
    base,
    manager,
    'GET',
    `/periods/${period.id}/assessments`,
  );
  const assessmentByUnit = new Map(items.map((item) => [item.unit.id, item.id]));
  return inBatches(units, 4, async (unit, index) => {
    const username = `thutai.${suffix}.${index + 1}`;
    await api(base, admin, 'POST', '/users', {
      username,
      displayName: `Cán bộ nhập liệu thử tải ${index + 1} (BENCH)`,
      role: 'unitReporter',
      unitId: unit.id,
      password: BENCH_PASSWORD,
    });
    const session = await signIn(base, username, BENCH_PASSWORD);
    // An account the administrator creates has a temporary password: changed first, as a person would.
    await api(base, session, 'POST', '/auth/password', {
      currentPassword: BENCH_PASSWORD,
      newPassword: `${BENCH_PASSWORD}-riêng`,
    });
    return { session, assessmentId: assessmentByUnit.get(unit.id) as string };
  });
}

// ─── scenarios ────────────────────────────────────────────────────────────────────────────────────

interface Figures {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  errorCodes: Map<string, number>;
  non2xx: number;
  total: number;
  /** CPU milliseconds per request of the server process and of PostgreSQL's processes, when measured. */
  cpuPerRequest?: { server: number; postgres: number };
}

function figuresOf(name: string, connections: number, result: AutocannonResult & { errorCodes: Map<string, number> }): Figures {
  return {
    name,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    errorCodes: result.errorCodes,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** The floor: a bare Fastify instance, in its own process as the server is, at `connections`. */
async function measureFloor(connections: number): Promise<Figures> {
  const port = await freePort();
  const child = startChild([fileURLToPath(import.meta.url), '--floor-server', String(port)], {}, port);
  try {
    await waitFor200(`${child.base}/floor`, child);
    const result = await autocannon({ url: `${child.base}/floor`, connections, duration: SECONDS });
    return figuresOf(`floor: bare Fastify GET /floor, ${connections} connections`, connections, result);
  } finally {
    await stopChild(child);
  }
}

async function runFloorServer(port: number): Promise<void> {
  const Fastify = requireFromServer('fastify') as typeof import('fastify').default;
  const app = Fastify({ logger: false });
  app.get('/floor', async () => ({ ok: true }));
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close());
}

/** The answer a reporter types for an indicator, varied by the save's number so that every save writes. */
function answerFor(method: string | undefined, maxPoints: number, n: number): { value?: string; points?: number } {
  if (method === 'yesNo') return { value: n % 2 === 0 ? 'có' : 'không' };
  if (method === 'ratio') return { value: `${n % 5}/4` };
  return { points: (maxPoints * (n % 3)) / 2 };
}

/** The version of every answer a reporter saved, kept across runs, as the web form keeps them. */
const answerVersions = new WeakMap<Reporter, Map<string, number>>();
function versionsOf(reporter: Reporter): Map<string, number> {
  let versions = answerVersions.get(reporter);
  if (!versions) {
    versions = new Map();
    answerVersions.set(reporter, versions);
  }
  return versions;
}

/** The indicators of the benchmark's framework, with what a reporter types for each. */
function benchIndicators() {
  const framework = compileFramework(loadBuiltinFramework(FRAMEWORK));
  return framework.indicatorNodes
    .map((index) => framework.nodes[index])
    .filter((node) => node !== undefined)
    .map((node) => ({ code: node.code, method: node.method?.type, maxPoints: node.maxPoints }));
}

/**
 * The versions the server holds for every reporter's answers, read before a run: a save still in
 * flight when the previous run stopped landed without the client seeing its new version.
 */
async function refreshVersions(base: string, reporters: Reporter[]): Promise<void> {
  await inBatches(reporters, 8, async (reporter) => {
    const view = await api<{ answers: { indicatorCode: string; version: number }[] }>(
      base,
      reporter.session,
      'GET',
      `/assessments/${reporter.assessmentId}`,
    );
    const versions = versionsOf(reporter);
    for (const answer of view.answers) versions.set(answer.indicatorCode, answer.version);
  });
}

/**
 * The stress test the issue names: every reporter saving again the moment its last save answers,
 * 200 saves in flight at all times (autocannon, closed loop). Its latency is bound by Little's law:
 * mean latency = 200 ÷ throughput, whatever the server does per save.
 */
async function measureSaves(base: string, reporters: Reporter[]): Promise<Figures> {
  const indicators = benchIndicators();
  await refreshVersions(base, reporters);
  let clients = 0;
  const result = await autocannon({
    url: base,
    connections: REPORTERS,
    duration: SECONDS,
    timeout: 30,
    requests: [{ method: 'GET', path: '/healthz' }], // replaced for every connection below
    setupClient: (client) => {
      // Each connection is one reporter of its own unit, walking through the indicators and keeping
      // the version of every answer it saved, as the web form does.
      const reporter = reporters[clients++ % reporters.length] as Reporter;
      // Kept across runs: the paced run edits the answers the closed loop saved.
      const versions = versionsOf(reporter);
      let saves = 0;
      let current = indicators[0] as (typeof indicators)[number];
      client.setRequests([
        {
          method: 'PUT',
          setupRequest: (request) => {
            current = indicators[saves % indicators.length] as (typeof indicators)[number];
            const n = saves++;
            return {
              ...request,
              method: 'PUT',
              path: `/api/v1/assessments/${reporter.assessmentId}/answers/${current.code}`,
              headers: {
                cookie: reporter.session.cookie,
                'x-csrf-token': reporter.session.csrfToken,
                'content-type': 'application/json',
              },
              body: JSON.stringify({
                ...answerFor(current.method, current.maxPoints, n),
                explanation: `Lưu lần ${n} (BENCH)`,
                baseVersion: versions.get(current.code) ?? 0,
              }),
            };
          },
          onResponse: (status, body) => {
            if (status === 200) versions.set(current.code, (JSON.parse(body) as { version: number }).version);
          },
        },
      ]);
    },
  });
  return figuresOf(`${REPORTERS} reporters saving answers (PUT …/answers/:code, closed loop)`, REPORTERS, result);
}

/**
 * Reporters as people are: each saves on its own schedule, at random moments (a Poisson process of
 * `ratePerReporter` saves a second on average; the web form's autosave sends one save 0.8 s after
 * typing stops), over its own kept-alive connection, one save at a time. Open loop: a save's latency
 * counts from the moment it was due, so a slow server is not excused by the saves it delayed
 * (no coordinated omission). autocannon cannot stagger its connections (its connectionRate fires
 * all 200 in the same millisecond every second), hence this small generator.
 */
async function measurePacedSaves(base: string, reporters: Reporter[], ratePerReporter: number): Promise<Figures> {
  const indicators = benchIndicators();
  await refreshVersions(base, reporters);
  const { hostname, port } = new URL(base);
  const latencies: number[] = [];
  const statusCounts = new Map<string, number>();
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const nextGap = () => (-Math.log(1 - Math.random()) * 1000) / ratePerReporter;
  await Promise.all(
    reporters.map(async (reporter, r) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const versions = versionsOf(reporter);
      let due = started + nextGap();
      for (let n = r; due < deadline; n += 1) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const indicator = indicators[n % indicators.length] as (typeof indicators)[number];
        const body = JSON.stringify({
          ...answerFor(indicator.method, indicator.maxPoints, n + 1),
          explanation: `Lưu theo nhịp ${n} (BENCH)`,
          baseVersion: versions.get(indicator.code) ?? 0,
        });
        try {
          const response = await httpRequest(agent, {
            hostname,
            port,
            method: 'PUT',
            path: `/api/v1/assessments/${reporter.assessmentId}/answers/${indicator.code}`,
            headers: {
              cookie: reporter.session.cookie,
              'x-csrf-token': reporter.session.csrfToken,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
            body,
          });
          latencies.push(performance.now() - due);
          if (response.status === 200) versions.set(indicator.code, (JSON.parse(response.text) as { version: number }).version);
          else statusCounts.set(String(response.status), (statusCounts.get(String(response.status)) ?? 0) + 1);
        } catch {
          errors += 1;
        }
        due += nextGap();
      }
      agent.destroy();
    }),
  );
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  const non2xx = [...statusCounts.values()].reduce((sum, count) => sum + count, 0);
  return {
    name: `${REPORTERS} reporters saving answers (PUT …/answers/:code, open loop, ${ratePerReporter} save/s each on average, Poisson)`,
    connections: REPORTERS,
    requestsPerSecond: latencies.length / SECONDS,
    p50: percentile(50),
    p99: percentile(99),
    errors,
    errorCodes: new Map([...statusCounts].map(([status, count]) => [`HTTP ${status}`, count])),
    non2xx,
    total: latencies.length,
  };
}

function httpRequest(
  agent: Agent,
  options: {
    hostname: string;
    port: string;
    method: string;
    path: string;
    headers: Record<string, string | number>;
    body: string;
  },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequestRaw({ ...options, agent, timeout: 30_000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('timeout', () => request.destroy(new Error('request timed out')));
    request.on('error', reject);
    request.end(options.body);
  });
}

async function measureReaders(base: string): Promise<Figures> {
  const periods = (await (await fetch(`${base}/api/v1/public/periods`)).json()) as { items: { id: string; year: number }[] };
  const published = periods.items.find((period) => period.year === 2022);
  if (!published) throw new Error('the published 2022 demo period is missing');
  const path = `/api/v1/public/periods/${published.id}/results/district`;
  const sample = await fetch(`${base}${path}`);
  const bytes = (await sample.arrayBuffer()).byteLength;
  const result = await autocannon({ url: `${base}${path}`, connections: READERS, duration: SECONDS, timeout: 30 });
  return figuresOf(
    `${READERS.toLocaleString('en')} readers of the public results (${(bytes / 1024).toFixed(0)} kB each)`,
    READERS,
    result,
  );
}

async function measureColdStarts(databaseUrl: () => Promise<{ url: string | undefined; drop: () => Promise<void> }>) {
  const times: number[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    const database = await databaseUrl();
    const { child, dataDirectory, startMs } = await startServe(database.url);
    times.push(startMs);
    await stopChild(child);
    rmSync(dataDirectory, { recursive: true, force: true });
    await database.drop();
  }
  return times;
}

// ─── CPU per request ──────────────────────────────────────────────────────────────────────────────

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

function cpuTicksOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1)?.trim().split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // exited meanwhile, or not Linux
  }
}

function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') ticks += cpuTicksOf(Number(entry));
    } catch {
      // gone
    }
  }
  return ticks;
}

/**
 * The CPU a scenario cost, per request: a figure that holds on a machine shared with other work,
 * where requests/s and latencies do not. On 2 cores the throughput ceiling is about 2,000 ms/s ÷ the sum.
 */
async function withCpu(child: Child, measure: () => Promise<Figures>): Promise<Figures> {
  const pid = child.process.pid as number;
  const server = cpuTicksOf(pid);
  const postgres = postgresTicks();
  const figures = await measure();
  const perRequest = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND / Math.max(figures.total, 1);
  return {
    ...figures,
    cpuPerRequest: { server: perRequest(cpuTicksOf(pid) - server), postgres: perRequest(postgresTicks() - postgres) },
  };
}

// ─── PostgreSQL databases for the run ─────────────────────────────────────────────────────────────

type PgClient = {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
};
const pg = requireFromServer('pg') as { Client: new (options: { connectionString: string }) => PgClient };

async function adminQuery(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postgresVersion(): Promise<string | undefined> {
  try {
    const [row] = await adminQuery('show server_version');
    return String(row?.server_version);
  } catch {
    return undefined;
  }
}

async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `opendti_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

// ─── printing ─────────────────────────────────────────────────────────────────────────────────────

const number = (value: number, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printFigures(figures: Figures, floor: Figures | undefined, target?: string): void {
  const errors = figures.errors + figures.non2xx;
  const cpu = figures.cpuPerRequest
    ? `, CPU per request ${number(figures.cpuPerRequest.server, 2)} ms server + ${number(figures.cpuPerRequest.postgres, 2)} ms PostgreSQL`
    : '';
  const ratio = floor ? `, ${number(floor.requestsPerSecond / figures.requestsPerSecond, 1)}× below the floor` : '';
  console.log(
    `  ${figures.name}: ${number(figures.requestsPerSecond)} requests/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ` +
      `errors ${errors} (${figures.non2xx} non-2xx${[...figures.errorCodes].map(([code, count]) => `, ${count} ${code}`).join('')}) of ${number(figures.total)}${ratio}${cpu}` +
      (target ? ` — target ${target}` : ''),
  );
}

function printColdStarts(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  console.log(
    `  cold start of opendti serve on ${label} (to the first 200 from /healthz): median ${number(median / 1000, 2)} s ` +
      `(${times.map((time) => number(time / 1000, 2)).join(', ')} s) — target ≤ 10 s`,
  );
}

async function benchDatabase(
  label: string,
  floors: Map<number, Figures>,
  database: () => Promise<{ url: string | undefined; drop: () => Promise<void> }>,
) {
  console.log(`${label}:`);
  const prepared = await database();
  const { child, dataDirectory } = await startServe(prepared.url);
  try {
    const setupStarted = performance.now();
    const reporters = await prepareReporters(child.base, child.stdout());
    console.log(
      `  (set-up: ${REPORTERS} units, users and sessions and an open period through the API in ${number((performance.now() - setupStarted) / 1000, 1)} s)`,
    );
    if (SCENARIOS.has('saves'))
      printFigures(
        await withCpu(child, () => measureSaves(child.base, reporters)),
        floors.get(REPORTERS),
        'p99 < 100 ms on PostgreSQL',
      );
    if (SCENARIOS.has('paced'))
      printFigures(
        await withCpu(child, () => measurePacedSaves(child.base, reporters, PACED_SAVES_PER_REPORTER)),
        floors.get(REPORTERS),
        'p99 < 100 ms on PostgreSQL',
      );
    if (SCENARIOS.has('readers'))
      printFigures(await withCpu(child, () => measureReaders(child.base)), floors.get(READERS), '≥ 2,000 requests/s');
  } finally {
    await stopChild(child);
    rmSync(dataDirectory, { recursive: true, force: true });
    await prepared.drop();
  }
  if (SCENARIOS.has('cold'))
    printColdStarts(label === 'PGlite' ? 'an empty data directory' : 'an empty database', await measureColdStarts(database));
}

async function main(): Promise<void> {
  const postgres = await postgresVersion();
  console.log(
    `server bench: ${SECONDS} s per scenario, autocannon on 127.0.0.1, Node ${process.version}, ${cpus().length} cores, ` +
      `PGlite${postgres ? ` and PostgreSQL ${postgres}` : ' (no PostgreSQL on 127.0.0.1:5432: skipped)'}`,
  );
  const floors = new Map<number, Figures>();
  if (SCENARIOS.has('floor')) {
    for (const connections of [REPORTERS, READERS]) floors.set(connections, await measureFloor(connections));
    for (const floor of floors.values()) printFigures(floor, undefined);
  }

  if (ONLY_DATABASE !== 'postgres') await benchDatabase('PGlite', floors, async () => ({ url: undefined, drop: async () => {} }));
  if (postgres && ONLY_DATABASE !== 'pglite') await benchDatabase(`PostgreSQL ${postgres}`, floors, createBenchDatabase);
}

if (process.argv[2] === '--floor-server') await runFloorServer(Number(process.argv[3]));
else await main();
