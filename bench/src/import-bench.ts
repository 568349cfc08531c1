/**
 * Bounded imports (issue 9 §1): one unit reporter's offline import must not occupy the server.
 *   - the largest import the server accepts: an answer sheet at its row bound (one row per indicator
 *     and main index of the district framework, plus 50), every row with a 10,000-character
 *     explanation (the most an answer takes), in a workbook padded with a second sheet to just under
 *     the 50 MB unzipped limit; uploaded IMPORT_RUNS times, each with new explanations so every row
 *     is saved, while `GET /api/v1/status` is polled (one request at a time) and the server's RSS is
 *     sampled: target status p99 < 200 ms and RSS < 500 MB;
 *   - the hostile file of the issue: 1.7 M rows (generated here), refused: time to the refusal.
 * The built `opendti serve` as a child process on 127.0.0.1, LOG_LEVEL=warn: the embedded database, or
 * an empty PostgreSQL database with BENCH_DATABASE_URL (then the server's RSS is the application's alone; the
 * embedded database's own heap, about 580 MB idle, lives in the server process).
 *
 * The first spreadsheet of the process loads exceljs (a one-time stall), measured apart, before.
 *
 * Run: npm run build && npx tsc -p bench && node bench/dist/import-bench.js
 * Environment: IMPORT_RUNS (5), HOSTILE_ROWS (1,700,000), BENCH_DATABASE_URL, BENCH_CPU_PROF=<dir> writes the server's V8 CPU
 * profile there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { ANSWER_COLUMNS } from '@opendti/server';
import { api, demoPasswords, freePort, type Session, signIn } from './bench-http.js';

const CLI = fileURLToPath(import.meta.resolve('@opendti/server')).replace(/index\.js$/, 'cli/main.js');
const FRAMEWORK = 'dienbien-2022-district';
const IMPORT_RUNS = Number(process.env.IMPORT_RUNS ?? 5);
const HOSTILE_ROWS = Number(process.env.HOSTILE_ROWS ?? 1_700_000);
/** As the server's offline import: rows beyond one per indicator and main index. */
const SPARE_ROWS = 50;
/** The server's MAX_XLSX_UNZIPPED_BYTES; the padded workbook stays 1 MB under it. */
const UNZIPPED_LIMIT = 50 * 1024 * 1024;
const EXPLANATION_LENGTH = 10_000;
const STATUS_POLL_GAP_MS = 10;
const RSS_SAMPLE_MS = 20;
/** No single request of the bench waits longer than this. */
const REQUEST_TIMEOUT_MS = 120_000;
const PASSWORD = 'Thu-tai-2026!';
const CPU_PROFILE_DIRECTORY = process.env.BENCH_CPU_PROF;

// ─── the server ───────────────────────────────────────────────────────────────────────────────────

interface Server {
  process: ChildProcess;
  base: string;
  stdout: () => string;
  dataDirectory: string;
}

async function startServe(): Promise<Server> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'opendti-import-bench-'));
  const port = await freePort();
  const profile = CPU_PROFILE_DIRECTORY ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIRECTORY}`] : [];
  const child = spawn(process.execPath, [...profile, CLI, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDirectory,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      S3_BUCKET: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const server = { process: child, base: `http://127.0.0.1:${port}`, stdout: () => stdout, dataDirectory };
  const started = performance.now();
  while (performance.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${stdout}`);
    const ok = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server did not start within 120 s');
}

async function stopServe(server: Server): Promise<void> {
  if (server.process.exitCode === null) {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await exited;
  }
  rmSync(server.dataDirectory, { recursive: true, force: true });
}

/** Resident memory of a process now and at its peak, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kilobytes('VmRSS') / 1024, peak: kilobytes('VmHWM') / 1024 };
}

// ─── HTTP ─────────────────────────────────────────────────────────────────────────────────────────

/** One unit, its reporter (password changed, as the server requires) and a 2024 period open for self-assessment. */
async function prepareReporter(server: Server): Promise<{ session: Session; assessmentId: string; unitCode: string }> {
  const passwords = demoPasswords(server.stdout());
  const admin = await signIn(server.base, 'quantri', passwords.get('quantri') as string);
  const manager = await signIn(server.base, 'quanly', passwords.get('quanly') as string);
  const unitCode = `NHAP-${randomBytes(3).toString('hex')}`;
  const unit = await api<{ id: string }>(server.base, admin, 'POST', '/units', {
    code: unitCode,
    name: 'Đơn vị thử nhập tệp (BENCH)',
    kind: 'district',
  });
  const period = await api<{ id: string }>(server.base, manager, 'POST', '/periods', {
    year: 2024,
    name: 'Thử nhập tệp (BENCH)',
    cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
    unitIds: [unit.id],
    selfAssessmentDeadline: '2099-01-30',
  });
  await api(server.base, manager, 'POST', `/periods/${period.id}/transitions`, { action: 'openSelfAssessment' });
  const { items } = await api<{ items: { id: string }[] }>(server.base, manager, 'GET', `/periods/${period.id}/assessments`);
  await api(server.base, admin, 'POST', '/users', {
    username: 'nhaptep.bench',
    displayName: 'Cán bộ nhập tệp (BENCH)',
    role: 'unitReporter',
    unitId: unit.id,
    password: PASSWORD,
  });
  const session = await signIn(server.base, 'nhaptep.bench', PASSWORD);
  await api(server.base, session, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-riêng` });
  return { session, assessmentId: items[0]?.id as string, unitCode };
}

async function uploadImport(
  base: string,
  session: Session,
  assessmentId: string,
  fileName: string,
  bytes: Buffer,
): Promise<{ status: number; body: string; ms: number }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/assessments/${assessmentId}/import`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: form,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

// ─── workbooks, written by hand: exceljs would take minutes over 1.7 M rows ──────────────────────

interface ZipPart {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
}

function deflatePart(name: string, text: string | Buffer): ZipPart {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, compressed: deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.byteLength };
}

function zipOf(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.compressed.byteLength, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.compressed.byteLength, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, part.compressed);
    directory.push(central, name);
    offset += 30 + name.byteLength + part.compressed.byteLength;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(
    directory.reduce((size, part) => size + part.byteLength, 0),
    12,
  );
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const columnLetter = (index: number) => String.fromCharCode(65 + index);
const inlineCell = (row: number, column: number, text: string) =>
  `<c r="${columnLetter(column)}${row}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';
/** The answer sheet's titles, as the server's own template writes them. */
const HEADER: readonly string[] = ANSWER_COLUMNS;

function workbookParts(sheetNames: string[]): ZipPart[] {
  const sheets = sheetNames.map((_, index) => index + 1);
  return [
    deflatePart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    deflatePart(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflatePart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetNames.map((name, index) => `<sheet name="${name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    deflatePart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((n) => `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}</Relationships>`,
    ),
  ];
}

/** The answer sheet at its row bound, each row with an explanation of EXPLANATION_LENGTH characters. */
function answerSheet(unitCode: string, codes: string[], maxRows: number, run: number): ZipPart {
  const rows = [`<row r="1">${HEADER.map((title, column) => inlineCell(1, column, title)).join('')}</row>`];
  for (let row = 2; row <= maxRows + 1; row++) {
    const code = codes[(row - 2) % codes.length] as string;
    const words = `Lần ${run}, dòng ${row}: văn bản số ${row}/QĐ-UBND triển khai chuyển đổi số; `;
    const explanation = words.repeat(Math.ceil(EXPLANATION_LENGTH / words.length)).slice(0, EXPLANATION_LENGTH);
    const cells = [unitCode, 'Đơn vị thử', code, '', '', '', '', '0', '', '', explanation];
    rows.push(`<row r="${row}">${cells.map((text, column) => (text ? inlineCell(row, column, text) : '')).join('')}</row>`);
  }
  return deflatePart('xl/worksheets/sheet1.xml', SHEET_OPEN + rows.join('') + SHEET_CLOSE);
}

/** A notes sheet that fills the workbook to `bytes` unzipped: the server inflates it, then skips it. */
function paddingSheet(bytes: number): ZipPart {
  const rows: string[] = [];
  let size = SHEET_OPEN.length + SHEET_CLOSE.length;
  for (let row = 1; size < bytes - 200; row++) {
    const text = `<row r="${row}">${inlineCell(row, 0, `Ghi chú ${row}: ${randomBytes(12).toString('base64')}`)}</row>`;
    rows.push(text);
    size += Buffer.byteLength(text);
  }
  return deflatePart('xl/worksheets/sheet2.xml', SHEET_OPEN + rows.join('') + SHEET_CLOSE);
}

/** The issue's hostile file: `rows` answer rows of one unit, in shared strings as Excel writes them. */
function hostileWorkbook(unitCode: string, rows: number): Buffer {
  const strings = [unitCode, '1.1', 'có'];
  const sharedStrings = deflatePart(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`,
  );
  const chunks: string[] = [
    SHEET_OPEN,
    `<row r="1">${[0, 2, 6].map((column) => inlineCell(1, column, HEADER[column] as string)).join('')}</row>`,
  ];
  for (let row = 2; row <= rows + 1; row++) {
    chunks.push(
      `<row r="${row}"><c r="A${row}" t="s"><v>0</v></c><c r="C${row}" t="s"><v>1</v></c><c r="G${row}" t="s"><v>2</v></c></row>`,
    );
  }
  chunks.push(SHEET_CLOSE);
  const sheet = deflatePart('xl/worksheets/sheet1.xml', Buffer.from(chunks.join(''), 'utf8'));
  return zipOf([...workbookParts(['Nhập liệu']), sheet, sharedStrings]);
}

// ─── measuring ────────────────────────────────────────────────────────────────────────────────────

interface Sampled<T> {
  result: T;
  statusLatencies: number[];
  statusFailures: number;
  peakRss: number;
}

/** Runs `work` while polling /status one request at a time and sampling the server's RSS. */
async function whilePolling<T>(server: Server, work: () => Promise<T>): Promise<Sampled<T>> {
  const pid = server.process.pid as number;
  const latencies: number[] = [];
  let failures = 0;
  let peakRss = memoryOf(pid).rss;
  let running = true;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memoryOf(pid).rss);
  }, RSS_SAMPLE_MS);
  const poller = (async () => {
    while (running) {
      const started = performance.now();
      const ok = await fetch(`${server.base}/api/v1/status`, { signal: AbortSignal.timeout(30_000) }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status === 200;
        },
        () => false,
      );
      latencies.push(performance.now() - started);
      if (!ok) failures++;
      await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_GAP_MS));
    }
  })();
  try {
    const result = await work();
    return { result, statusLatencies: latencies, statusFailures: failures, peakRss: Math.max(peakRss, memoryOf(pid).rss) };
  } finally {
    running = false;
    clearInterval(sampler);
    await poller;
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

/** The server's RSS once set up and idle: the embedded database alone holds most of it. */
let idleRss = 0;

function printPolling(label: string, sampled: Sampled<unknown>): void {
  const { statusLatencies: latencies } = sampled;
  console.log(
    `  ${label}: /api/v1/status p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))} ` +
      `over ${latencies.length} polls (${sampled.statusFailures} failed); server peak RSS ${mb(sampled.peakRss)} ` +
      `(${sampled.peakRss >= idleRss ? '+' : ''}${mb(sampled.peakRss - idleRss)} over idle)`,
  );
}

async function main(): Promise<void> {
  const framework = compileFramework(loadBuiltinFramework(FRAMEWORK));
  const codes = framework.indicatorNodes.map((index) => framework.nodes[index]?.code as string);
  const maxRows = framework.indicatorNodes.length + framework.mainIndexNodes.length + SPARE_ROWS;
  console.log(
    `import bench: Node ${process.version}, ${cpus().length} cores, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded database'}, ${IMPORT_RUNS} runs of the largest allowed import`,
  );

  const server = await startServe();
  try {
    const { session, assessmentId, unitCode } = await prepareReporter(server);
    idleRss = memoryOf(server.process.pid as number).rss;
    console.log(`  (server RSS after set-up, idle: ${mb(idleRss)})`);
    printPolling('idle, 3 s', await whilePolling(server, () => new Promise((resolve) => setTimeout(resolve, 3_000))));
    // The first spreadsheet a process reads or writes loads exceljs (decision: not at start-up, for
    // the cold start); measured apart, so that the import's own figures are not that one-time load.
    const warmUp = await whilePolling(server, async () => {
      const response = await fetch(`${server.base}/api/v1/assessments/${assessmentId}/template.xlsx`, {
        headers: { cookie: session.cookie },
      });
      await response.arrayBuffer();
      return response.status;
    });
    printPolling(`first spreadsheet of the process (template download, ${warmUp.result})`, warmUp);

    const fixed = workbookParts(['Nhập liệu', 'Ghi chú']);
    const answersSize = answerSheet(unitCode, codes, maxRows, 0).size;
    const padding = paddingSheet(UNZIPPED_LIMIT - 1024 * 1024 - answersSize - fixed.reduce((sum, part) => sum + part.size, 0));
    const files = Array.from({ length: IMPORT_RUNS }, (_, run) =>
      zipOf([...fixed, answerSheet(unitCode, codes, maxRows, run + 1), padding]),
    );
    const unzipped = [...fixed, answerSheet(unitCode, codes, maxRows, 1), padding].reduce((sum, part) => sum + part.size, 0);
    console.log(
      `  largest allowed import: ${maxRows} answer rows × ${EXPLANATION_LENGTH.toLocaleString('en')}-character explanations, ` +
        `${((files[0]?.byteLength ?? 0) / 1024 / 1024).toFixed(1)} MB upload, ${(unzipped / 1024 / 1024).toFixed(1)} MB unzipped`,
    );
    const largest = await whilePolling(server, async () => {
      const outcomes = [];
      for (const [run, bytes] of files.entries())
        outcomes.push(await uploadImport(server.base, session, assessmentId, `lon-nhat-${run + 1}.xlsx`, bytes));
      return outcomes;
    });
    for (const outcome of largest.result) {
      const report =
        outcome.status === 200
          ? (JSON.parse(outcome.body) as { imported: number; unchanged: number; rejected: number })
          : undefined;
      console.log(
        `    ${outcome.status} in ${ms(outcome.ms)}` +
          (report
            ? ` (imported ${report.imported}, unchanged ${report.unchanged}, rejected ${report.rejected})`
            : `: ${outcome.body.slice(0, 200)}`),
      );
    }
    printPolling('during the largest allowed imports', largest);
    console.log('    targets: status p99 < 200 ms, RSS < 500 MB');

    const generated = performance.now();
    const hostile = hostileWorkbook(unitCode, HOSTILE_ROWS);
    console.log(
      `  hostile file: ${HOSTILE_ROWS.toLocaleString('en')} rows, ${(hostile.byteLength / 1024 / 1024).toFixed(1)} MB (generated in ${((performance.now() - generated) / 1000).toFixed(1)} s)`,
    );
    const refused = await whilePolling(server, () => uploadImport(server.base, session, assessmentId, 'thu-tai.xlsx', hostile));
    const error =
      refused.result.status === 400
        ? (JSON.parse(refused.result.body) as { error: { code: string; message: string } }).error
        : undefined;
    console.log(
      `    ${refused.result.status} ${error?.code ?? refused.result.body.slice(0, 200)} in ${ms(refused.result.ms)} (upload included): ${error?.message ?? ''}`,
    );
    printPolling('during the hostile upload', refused);
    console.log(`  server peak RSS over the whole run (VmHWM): ${mb(memoryOf(server.process.pid as number).peak)}`);
  } finally {
    await stopServe(server);
  }
}

await main();
