/**
 * `opendti serve` as a real process (issue 3 §4 and §5): the built CLI spawned on its own temporary
 * DATA_DIR and a free port of 127.0.0.1, then cold start, SIGKILL in the middle of saves and uploads,
 * a second server refused on the same data directory, and graceful shutdown on SIGTERM with requests
 * in flight. The steps share one data directory and run in order, each starting from the server the
 * previous one left running. Every wait is bounded; every child is killed in afterAll.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, freePort } from './test-support/built-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'server/dist/cli/main.js');
const READY_LINE = 'OpenDTI đang chạy tại';
const START_TIMEOUT_MS = 60_000;
/** SHUTDOWN_GRACE_SECONDS of the servers under test: long enough for the slow upload, short enough to wait for. */
const GRACE_SECONDS = 8;

const framework = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
const indicators = framework.indicatorNodes.map((index) => framework.nodes[index]).filter((node) => node !== undefined);

interface Serve {
  child: ChildProcess;
  base: string;
  output: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();

/** `opendti serve` on dataDirectory and a free port, with the embedded database. */
async function spawnServe(dataDirectory: string): Promise<Serve> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env)) if (name === 'DATABASE_URL' || name.startsWith('S3_')) delete env[name];
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env: {
      ...env,
      DATA_DIR: dataDirectory,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    output.stdout += text;
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    output.stderr += text;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, base: `http://127.0.0.1:${port}`, output, exited };
}

/** Polls /healthz until the first 200; fails if the process exits first or the time runs out. */
async function waitHealthy(serve: Serve, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  let exit: { code: number | null } | undefined;
  void serve.exited.then((value) => {
    exit = value;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`serve exited with ${exit.code} before answering:\n${serve.output.stdout}\n${serve.output.stderr}`);
    const healthy = await statusOf(fetch(`${serve.base}/healthz`)).then(
      (status) => status === 200,
      () => false,
    );
    if (healthy && serve.output.stdout.includes(READY_LINE)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`serve did not answer /healthz within ${timeoutMs} ms:\n${serve.output.stdout}\n${serve.output.stderr}`);
}

/** The demo accounts `serve` prints once at first start: role, username, password. */
function demoPasswords(stdout: string): Map<string, string> {
  const accounts = new Map<string, string>();
  for (const match of stdout.matchAll(/^\s+\w+\s+(\S+)\s+(Demo-\S+)\s*$/gm)) accounts.set(match[1] as string, match[2] as string);
  return accounts;
}

interface Session {
  base: string;
  cookie: string;
  csrfToken: string;
}

async function signIn(base: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('opendti_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { base, cookie: (cookie as string).split(';')[0] as string, csrfToken };
}

function call(session: Session, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${session.base}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/**
 * The status of a response whose body is read to the end: a body left unread keeps its connection
 * busy, and a busy connection rightly delays a graceful shutdown.
 */
async function statusOf(response: Promise<Response>): Promise<number> {
  const settled = await response;
  await settled.arrayBuffer();
  return settled.status;
}

/** A PDF of `size` bytes whose content stream is random, so that every upload is a new file. */
function generatedPdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n3 0 obj << /Length 0 >>\nstream\n');
  const tail = Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length - tail.length)), tail]);
}

function multipart(fileName: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----opendti${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function uploadEvidence(session: Session, assessmentId: string, code: string, fileName: string, bytes: Buffer) {
  const { body, contentType } = multipart(fileName, bytes);
  return fetch(`${session.base}/api/v1/assessments/${assessmentId}/indicators/${code}/evidence`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': contentType },
    body,
  });
}

/** Raw answer for a save: the method's input (or points), varied by the save's number. */
function answerBody(code: string, n: number): { value?: string; points?: number } {
  const node = indicators.find((candidate) => candidate.code === code);
  if (node?.method?.type === 'yesNo') return { value: n % 2 === 0 ? 'có' : 'không' };
  if (node?.method?.type === 'ratio') return { value: `${n % 5}/4` };
  return { points: ((node?.maxPoints ?? 0) * (n % 3)) / 2 };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under DATA_DIR/files, by name relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

/**
 * A request sent in two steps with `Expect: 100-continue`: the headers first — Node's server answers
 * 100 Continue once it has parsed them, so the request is provably in the server's hands — then the
 * body, slowly, when `send` is called.
 */
function heldRequest(url: string, method: string, headers: Record<string, string>, body: Buffer) {
  let continued: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    continued = resolve;
  });
  const request = httpRequest(url, {
    method,
    agent: false,
    headers: { ...headers, 'content-length': String(body.length), expect: '100-continue' },
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.on('response', (incoming) => {
      let text = '';
      incoming.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
      incoming.on('error', reject);
    });
    request.on('error', reject);
  });
  request.on('continue', () => continued());
  request.flushHeaders();
  return {
    ready,
    response,
    /** Sends the first `bytes` of the body and no more. */
    async sendPart(bytes: number) {
      await new Promise<void>((resolve) => request.write(body.subarray(0, bytes), () => resolve()));
    },
    async send(chunks: number, pauseMs: number) {
      const size = Math.ceil(body.length / chunks);
      for (let offset = 0; offset < body.length; offset += size) {
        request.write(body.subarray(offset, offset + size));
        if (offset + size < body.length) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      request.end();
    },
  };
}

describe('opendti serve as a process (embedded database)', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'opendti-process-'));
  const filesDirectory = join(dataDirectory, 'files');
  const lockFile = join(dataDirectory, 'opendti.lock');
  let server: Serve;
  let passwords: Map<string, string>;
  let assessmentId: string;

  beforeAll(() => buildIfStale(), 180_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('cold start: serve on an empty data directory answers /healthz and prints the demo accounts', async () => {
    const started = performance.now();
    server = await spawnServe(dataDirectory);
    await waitHealthy(server);
    const seconds = (performance.now() - started) / 1000;
    // The figure belongs to the benchmark (bench/src/server-bench.ts); here only a generous bound.
    expect(seconds).toBeLessThan(60);
    passwords = demoPasswords(server.output.stdout);
    expect([...passwords.keys()].sort()).toEqual(['chutich', 'lanhdao.dbp', 'nhaplieu.dbp', 'quanly', 'quantri', 'thamdinh']);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));

    const reporter = await signIn(server.base, 'nhaplieu.dbp', passwords.get('nhaplieu.dbp') as string);
    const periods = (await (await call(reporter, 'GET', '/api/v1/periods')).json()) as {
      items: { id: string; year: number }[];
    };
    const period2023 = periods.items.find((period) => period.year === 2023);
    const list = (await (await call(reporter, 'GET', `/api/v1/periods/${period2023?.id}/assessments`)).json()) as {
      items: { id: string; state: string; unit: { code: string } }[];
    };
    expect(list.items.map((item) => [item.unit.code, item.state])).toEqual([['DBP', 'draft']]);
    assessmentId = list.items[0]?.id as string;
  }, 70_000);

  it('SIGKILL in the middle of saves and uploads loses no acknowledged answer and leaves no half-written file', async () => {
    const reporter = await signIn(server.base, 'nhaplieu.dbp', passwords.get('nhaplieu.dbp') as string);
    const answerUrl = (code: string) => `/api/v1/assessments/${assessmentId}/answers/${code}`;

    interface Save {
      version: number;
      explanation: string;
      body: { value?: string; points?: number };
    }
    const acknowledged = new Map<string, Save>();
    /** The save of a code whose answer never came back: it may or may not have committed. */
    const unanswered = new Map<string, Save>();
    const uploads: { id: string; sha256: string; bytes: Buffer }[] = [];
    let saveCount = 0;
    let killed = false;
    let savesBeforeKill = 0;
    const deadline = Date.now() + 20_000;
    const stopAfter = { saves: 60, uploads: 8 };
    const maybeKill = () => {
      const enough = acknowledged.size > 0 && saveCount >= stopAfter.saves && uploads.length >= stopAfter.uploads;
      if (!killed && (enough || Date.now() > deadline)) {
        killed = true;
        savesBeforeKill = saveCount;
        server.child.kill('SIGKILL');
      }
    };

    const saver = async (worker: number, workers: number) => {
      const codes = indicators.map((node) => node.code).filter((_, index) => index % workers === worker);
      const versions = new Map<string, number>();
      for (let round = 0; !killed && round < 200; round++) {
        const code = codes[round % codes.length] as string;
        const n = saveCount++;
        const save: Save = {
          version: (versions.get(code) ?? 0) + 1,
          explanation: `lưu lần ${n} (worker ${worker})`,
          body: answerBody(code, n),
        };
        unanswered.set(code, save);
        const response = await call(reporter, 'PUT', answerUrl(code), {
          ...save.body,
          explanation: save.explanation,
          baseVersion: versions.get(code) ?? 0,
        }).catch(() => undefined);
        if (!response) break; // the server is gone
        expect(response.status).toBe(200);
        const stored = (await response.json().catch(() => undefined)) as { version: number } | undefined;
        if (!stored) break; // killed between the status line and the body: not acknowledged
        expect(stored.version).toBe(save.version);
        versions.set(code, stored.version);
        acknowledged.set(code, save);
        unanswered.delete(code);
        maybeKill();
      }
    };
    const uploader = async (worker: number) => {
      for (let round = 0; !killed && round < 100; round++) {
        const bytes = generatedPdf(200_000 + Math.floor(Math.random() * 300_000));
        const code = indicators[(worker * 7 + round) % indicators.length]?.code as string;
        const response = await uploadEvidence(reporter, assessmentId, code, `minh chứng ${worker}-${round}.pdf`, bytes).catch(
          () => undefined,
        );
        if (!response) break;
        expect(response.status).toBe(201);
        const created = (await response.json().catch(() => undefined)) as { items: { id: string; sha256: string }[] } | undefined;
        if (!created) break;
        const [item] = created.items;
        uploads.push({ id: item?.id as string, sha256: item?.sha256 as string, bytes });
        maybeKill();
      }
    };
    const workers = [saver(0, 4), saver(1, 4), saver(2, 4), saver(3, 4), uploader(0), uploader(1)];
    // Each worker runs until the kill (or its round limit); one that fails must not leave the others hanging.
    const outcomes = await Promise.allSettled(workers);
    if (!killed) server.child.kill('SIGKILL');
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(savesBeforeKill).toBeGreaterThan(0);
    expect(uploads.length).toBeGreaterThan(0);
    // The lock still names the killed process: the restart must take it over.
    expect(readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
    // A write killed between its first and last byte leaves its temporary file behind; plant one so
    // that the start-up sweep is exercised whether or not the kill landed inside a write.
    await mkdir(join(filesDirectory, 'ab'), { recursive: true });
    writeFileSync(join(filesDirectory, 'ab', `.upload-${randomBytes(8).toString('hex')}.tmp`), generatedPdf(70_000));

    server = await spawnServe(dataDirectory);
    await waitHealthy(server);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
    expect(demoPasswords(server.output.stdout).size).toBe(0); // not seeded twice

    // No temporary file, and every stored file is whole: its name is the hash of its bytes.
    for (const relative of await filesUnder(filesDirectory)) {
      const name = relative.split('/').pop() as string;
      expect(name, relative).toMatch(/^[0-9a-f]{64}$/);
      expect(sha256(await readFile(join(filesDirectory, relative))), relative).toBe(name);
    }

    const again = await signIn(server.base, 'nhaplieu.dbp', passwords.get('nhaplieu.dbp') as string);
    const view = (await (await call(again, 'GET', `/api/v1/assessments/${assessmentId}`)).json()) as {
      answers: { indicatorCode: string; value: string | null; selfPoints: number | null; explanation: string; version: number }[];
    };
    const stored = new Map(view.answers.map((answer) => [answer.indicatorCode, answer]));
    for (const [code, save] of acknowledged) {
      const answer = stored.get(code);
      const pending = unanswered.get(code);
      // The save in flight at the kill may have committed without its answer reaching us.
      const expected = pending && answer?.version === save.version + 1 ? pending : save;
      expect({ code, version: answer?.version, explanation: answer?.explanation }).toEqual({
        code,
        version: expected.version,
        explanation: expected.explanation,
      });
      if (expected.body.value !== undefined) expect(answer?.value).toBe(expected.body.value);
      else expect(answer?.selfPoints).toBe(expected.body.points);
    }
    for (const [code, pending] of unanswered) {
      if (acknowledged.has(code)) continue;
      const answer = stored.get(code);
      if (answer) expect([answer.version, answer.explanation]).toEqual([pending.version, pending.explanation]);
    }

    for (const upload of uploads) {
      const response = await call(again, 'GET', `/api/v1/evidence/${upload.id}/content`);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(upload.bytes.length);
      expect(sha256(bytes)).toBe(sha256(upload.bytes));
    }
    // Uploads whose answer was lost may have committed too: whatever is listed must read back whole.
    for (const code of new Set(indicators.map((node) => node.code))) {
      const listed = (await (
        await call(again, 'GET', `/api/v1/assessments/${assessmentId}/indicators/${code}/evidence?pageSize=100`)
      ).json()) as { items: { id: string; kind: string }[] };
      for (const item of listed.items.filter((candidate) => candidate.kind === 'file')) {
        expect(await statusOf(call(again, 'GET', `/api/v1/evidence/${item.id}/content`)), item.id).toBe(200);
      }
    }
    expect(await statusOf(fetch(`${server.base}/healthz`))).toBe(200);
  }, 90_000);

  it('a second serve on the same data directory is refused in Vietnamese and does not disturb the first', async () => {
    const first = server;
    const second = await spawnServe(dataDirectory);
    const exit = await Promise.race([
      second.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('second serve did not exit')), 30_000)),
    ]);
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(second.output.stderr).toContain(
      `Thư mục dữ liệu ${dataDirectory} đang được tiến trình ${first.child.pid} sử dụng; không thể chạy hai máy chủ trên cùng một cơ sở dữ liệu nhúng`,
    );
    expect(second.output.stdout).not.toContain(READY_LINE);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(first.child.pid));
    expect(await statusOf(fetch(`${first.base}/healthz`))).toBe(200);
    const reporter = await signIn(first.base, 'nhaplieu.dbp', passwords.get('nhaplieu.dbp') as string);
    // The first still saves and reads back — here 0 points and an empty explanation, which are answers
    // too (a JSON body once went through type coercion that turned them into null).
    type View = { answers: { indicatorCode: string; version: number; selfPoints: number | null; explanation: string | null }[] };
    const readView = async () => (await (await call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`)).json()) as View;
    const direct = indicators.find((node) => node.method?.type === 'direct')?.code as string;
    const before = (await readView()).answers.find((answer) => answer.indicatorCode === direct);
    const saved = call(reporter, 'PUT', `/api/v1/assessments/${assessmentId}/answers/${direct}`, {
      points: 0,
      explanation: '',
      baseVersion: before?.version ?? 0,
    });
    expect(await statusOf(saved)).toBe(200);
    const after = (await readView()).answers.find((answer) => answer.indicatorCode === direct);
    expect(after).toMatchObject({ version: (before?.version ?? 0) + 1, selfPoints: 0, explanation: '' });
  }, 40_000);

  it('SIGTERM lets the requests in flight finish with 2xx, cuts a stalled client after the grace period, exits 0 and removes the lock', async () => {
    const reporter = await signIn(server.base, 'nhaplieu.dbp', passwords.get('nhaplieu.dbp') as string);
    const view = (await (await call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`)).json()) as {
      answers: { indicatorCode: string; version: number }[];
    };
    const versionOf = (code: string) => view.answers.find((answer) => answer.indicatorCode === code)?.version ?? 0;
    const headers = { cookie: reporter.cookie, 'x-csrf-token': reporter.csrfToken };
    const evidenceUrl = (code: string) => `${server.base}/api/v1/assessments/${assessmentId}/indicators/${code}/evidence`;
    const saveCodes = indicators.slice(0, 12).map((node) => node.code);
    const saves = saveCodes.map((code) =>
      heldRequest(
        `${server.base}/api/v1/assessments/${assessmentId}/answers/${code}`,
        'PUT',
        { ...headers, 'content-type': 'application/json' },
        Buffer.from(
          JSON.stringify({ ...answerBody(code, 1), explanation: 'lưu khi máy chủ đang dừng', baseVersion: versionOf(code) }),
        ),
      ),
    );
    const pdf = generatedPdf(2_000_000);
    const slow = multipart('tải chậm.pdf', pdf);
    const upload = heldRequest(evidenceUrl('2.1'), 'POST', { ...headers, 'content-type': slow.contentType }, slow.body);
    // A client gone silent in the middle of its upload (a mobile link dropped without closing).
    const abandoned = multipart('bỏ dở.pdf', generatedPdf(500_000));
    const stalled = heldRequest(
      evidenceUrl('2.2'),
      'POST',
      { ...headers, 'content-type': abandoned.contentType },
      abandoned.body,
    );
    const stalledOutcome = stalled.response.then(
      (response) => `HTTP ${response.status}`,
      (error: NodeJS.ErrnoException) => error.code ?? String(error),
    );
    await Promise.all([upload.ready, stalled.ready, ...saves.map((save) => save.ready)]);
    await stalled.sendPart(100_000);

    const signalled = performance.now();
    server.child.kill('SIGTERM');
    // The body of the upload goes out slowly, over about a second, after the signal.
    await Promise.all([upload.send(10, 100), ...saves.map((save) => save.send(1, 0))]);
    const [uploaded, ...saved] = await Promise.all([upload.response, ...saves.map((save) => save.response)]);
    expect(uploaded?.status).toBe(201);
    const [item] = (JSON.parse(uploaded?.text ?? '{}') as { items: { sha256: string }[] }).items;
    expect(item?.sha256).toBe(sha256(pdf));
    expect(saved.map((response) => response.status)).toEqual(saveCodes.map(() => 200));

    const exit = await Promise.race([
      server.exited,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`serve did not exit after SIGTERM:\n${server.output.stdout}\n${server.output.stderr}`)),
          30_000,
        ),
      ),
    ]);
    const secondsToExit = (performance.now() - signalled) / 1000;
    expect(exit).toEqual({ code: 0, signal: null });
    // The stalled client held the shutdown until the grace period ended, and no longer.
    expect(secondsToExit).toBeGreaterThanOrEqual(GRACE_SECONDS - 0.5);
    expect(await stalledOutcome).toBe('ECONNRESET');
    expect(existsSync(lockFile)).toBe(false);
    expect(server.output.stdout).toContain('Nhận SIGTERM');
    // The file the slow upload stored is whole on disk; the abandoned one left nothing behind.
    expect(sha256(await readFile(join(filesDirectory, sha256(pdf).slice(0, 2), sha256(pdf))))).toBe(sha256(pdf));
    expect((await filesUnder(filesDirectory)).filter((relative) => !/\/[0-9a-f]{64}$/.test(relative))).toEqual([]);
  }, 60_000);
});
