/**
 * Official documents (issue 13: "a 150-unit cohort report (with charts) in under 3 s; all 150 score
 * sheets as a ZIP in under 15 s, streaming, memory under 300 MB"). Synthetic cohort like the plan
 * bench's: 150 units × 70 indicators (7 main indices), 3 % not assessed, 15 % appraised. Prints the
 * median of repeated runs for the report (.docx with its chart; PDF by pdfmake), the ZIP of 150 sheets
 * (.docx, and PDFs by pdfmake) streamed into a sink, and the process's peak RSS.
 * Run: npm run build -w bench && node bench/dist/documents-bench.js
 */
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  compileFramework,
  createScoreSheet,
  createSeededRandom,
  type FrameworkDocument,
  presentCohort,
  scoreCohort,
  validateFramework,
} from '@opendti/core';
import {
  buildResultReportData,
  buildScoreSheetData,
  DEFAULT_PROVINCE_HEADER,
  renderDocument,
  writeZip,
  type ZipEntry,
} from '@opendti/server/documents';
import { benchFramework } from './bench-framework.js';

const UNITS = 150;
const MAIN_INDICES = 7;
const RUNS = 5;

const full = benchFramework();
const document: FrameworkDocument = {
  ...full,
  id: 'bench-70',
  maxPoints: MAIN_INDICES * 100,
  mainIndices: full.mainIndices.slice(0, MAIN_INDICES).map((main, m) => ({ ...main, group: m < 4 ? 'NT' : 'HD' })),
  pillars: [{ code: 'CQS', name: 'Chính quyền số', mainIndices: ['1', '2', '3', '4', '5', '6', '7'] }],
};
const framework = compileFramework(validateFramework(document, 'bench-70'));
const indicatorCount = framework.indicatorNodes.length;
const units = Array.from({ length: UNITS }, (_, u) => ({ code: `X${u}`, name: `Xã Mường Nhé số ${u}` }));
const random = createSeededRandom(42);
const sheet = createScoreSheet(framework, units);
for (let cell = 0; cell < UNITS * indicatorCount; cell++) {
  const position = cell % indicatorCount;
  const method = framework.nodes[framework.indicatorNodes[position] as number]?.method?.type;
  if (random() < 0.03) sheet.notAssessed[cell] = 1;
  else if (method === 'relativeToBest') sheet.rawValues[cell] = Math.floor(random() * 5000);
  else {
    sheet.selfPoints[cell] = Math.round(random() * 20) / 2;
    if (random() < 0.15) sheet.appraisedPoints[cell] = Math.round(random() * 20) / 2;
  }
}
const scores = scoreCohort(sheet);
const results = presentCohort(scores);
const period = {
  name: 'Đánh giá năm 2025',
  year: 2025,
  publicationDecision: { number: '123/QĐ-UBND', date: '2026-03-15', signerName: 'Nguyễn Văn A', signerTitle: 'Chủ tịch' },
};
const cohort = { unitKind: 'commune', cohortName: 'Xã, phường', results, scores };
const header = { ...DEFAULT_PROVINCE_HEADER, place: 'Điện Biên' };
const day = '2026-03-20';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** A sink that counts bytes, as a slow-enough client would take them. */
function countingSink() {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { sink, bytes: () => bytes };
}

async function zipOfSheets(format: 'docx' | 'pdf') {
  const { sink, bytes } = countingSink();
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const unit of results.units) {
      const data = buildScoreSheetData({
        period,
        cohortName: 'Xã, phường',
        results,
        scores,
        unitCode: unit.code,
        reasons: new Map(),
        header,
        day,
      });
      const rendered = await renderDocument('unit-score-sheet', data, format, { pdfRenderer: 'pdfmake' });
      yield { name: `${unit.code}.${format}`, bytes: rendered.bytes, compress: format === 'pdf' };
    }
  }
  await writeZip(entries(), sink);
  return bytes();
}

/** The ZIP measured in a process of its own, so that its peak RSS is the ZIP's and nothing else's. */
async function zipOnly(format: 'docx' | 'pdf') {
  const times: number[] = [];
  let size = 0;
  for (let run = 0; run < 3; run++) {
    const [ms, bytes] = await timed(() => zipOfSheets(format));
    times.push(ms);
    size = bytes;
  }
  console.log(
    `ZIP of ${UNITS} score sheets (${format}${format === 'pdf' ? ', pdfmake' : ''}), streamed: ${median(times).toFixed(0)} ms (median of 3), ${(size / 1024 / 1024).toFixed(1)} MB, peak RSS of its process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

async function reports() {
  const reportDocx: number[] = [];
  const reportPdf: number[] = [];
  let docxSize = 0;
  let pdfSize = 0;
  for (let run = 0; run < RUNS; run++) {
    const [docxMs, docx] = await timed(async () =>
      renderDocument('result-report', buildResultReportData(period, [cohort], header, day), 'docx'),
    );
    reportDocx.push(docxMs);
    docxSize = docx.bytes.length;
    const [pdfMs, pdf] = await timed(async () =>
      renderDocument('result-report', buildResultReportData(period, [cohort], header, day), 'pdf', { pdfRenderer: 'pdfmake' }),
    );
    reportPdf.push(pdfMs);
    pdfSize = pdf.bytes.length;
  }
  console.log(`result report, ${UNITS} units × ${indicatorCount} indicators, with chart (median of ${RUNS}):`);
  console.log(`  .docx ${median(reportDocx).toFixed(0)} ms (${(docxSize / 1024).toFixed(0)} KB)`);
  console.log(`  PDF (pdfmake) ${median(reportPdf).toFixed(0)} ms (${(pdfSize / 1024).toFixed(0)} KB)`);
  try {
    const [loMs, lo] = await timed(async () =>
      renderDocument('result-report', buildResultReportData(period, [cohort], header, day), 'pdf', {
        pdfRenderer: 'libreoffice',
      }),
    );
    console.log(
      `  PDF (LibreOffice, one run, process start included) ${loMs.toFixed(0)} ms (${(lo.bytes.length / 1024).toFixed(0)} KB)`,
    );
  } catch {
    console.log('  PDF (LibreOffice): not installed');
  }

  console.log(`peak RSS of the reports' process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

const [mode, format] = process.argv.slice(2);
if (mode === 'zip') {
  await zipOnly(format === 'pdf' ? 'pdf' : 'docx');
} else {
  await reports();
  for (const zipFormat of ['docx', 'pdf']) {
    process.stdout.write(execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'zip', zipFormat]));
  }
}
