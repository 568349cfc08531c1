import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  COHORT_LABELS,
  type CohortScores,
  compareWithPrevious,
  compileFramework,
  DomainError,
  presentCohort,
  type ResultSet,
  scoreCohort,
  type UnitKind,
  vietnamDay,
} from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import { checkTemplate } from '../../documents/check-template.js';
import type { DocumentKind } from '../../documents/document-layout.js';
import { LAYOUTS } from '../../documents/layouts.js';
import { DEFAULT_PROVINCE_HEADER, type ProvinceHeader } from '../../documents/province-header.js';
import type { PublishedCohort } from '../../documents/published-cohort.js';
import { type DocumentFormat, type RenderedDocument, renderDocument } from '../../documents/render-document.js';
import { buildDecisionAppendixData, buildResultReportData } from '../../documents/result-report-data.js';
import { buildScoreSheetData } from '../../documents/score-sheet-data.js';
import { readScoreFile } from '../read-score-file.js';
import { writeOutputFile } from '../write-output-file.js';
import { readPreviousResults } from './score-command.js';

export interface ReportOptions {
  framework: string;
  input: string;
  format: DocumentFormat;
  output: string;
  previous?: string;
  template?: string;
  title?: string;
  unit?: string;
  kind: 'report' | 'appendix';
  header?: string;
}

const usage = (detail: string) => new DomainError('invalid-input', [{ code: 'cli.usage', params: { detail } }]);

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw usage(`không đọc được ${path} (${(error as NodeJS.ErrnoException).code ?? error}) / cannot read ${path}`);
  }
}

/** A province header from a JSON file (the fields of ProvinceHeader), over the defaults. */
async function readHeader(path: string | undefined): Promise<ProvinceHeader> {
  if (!path) return DEFAULT_PROVINCE_HEADER;
  try {
    return { ...DEFAULT_PROVINCE_HEADER, ...(JSON.parse((await readBytes(path)).toString('utf8')) as Partial<ProvinceHeader>) };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw usage(`${basename(path)}: không phải JSON / not JSON`);
  }
}

/** The cohort from an answers table (scored here, with per-indicator points) or from a results.json (totals only). */
async function readCohort(options: ReportOptions): Promise<{ results: ResultSet; scores?: CohortScores; unitKind: UnitKind }> {
  const framework = compileFramework(resolveFramework(options.framework));
  const unitKind = framework.document.unitKind;
  if (extname(options.input).toLowerCase() === '.json') {
    if (options.unit) throw usage('--unit cần tệp trả lời (CSV/XLSX), không phải results.json / --unit needs the answers file');
    return { results: readPreviousResults(options.input), unitKind };
  }
  const { sheet, problems } = await readScoreFile(framework, options.input);
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  const scores = scoreCohort(sheet);
  return { results: presentCohort(scores), scores, unitKind };
}

/**
 * `opendti report`: the result report (or the decision appendix) of one cohort from the same inputs
 * as `opendti score`, or with --unit that unit's score sheet; .docx or PDF. Returns which program
 * made the file (the PDF renderer is said, decision 0014).
 */
export async function runReport(options: ReportOptions): Promise<RenderedDocument & { kind: DocumentKind }> {
  const kind: DocumentKind = options.unit
    ? 'unit-score-sheet'
    : options.kind === 'appendix'
      ? 'decision-appendix'
      : 'result-report';
  const template = options.template ? await readBytes(options.template) : undefined;
  if (template) checkTemplate(LAYOUTS[kind], template);
  const header = await readHeader(options.header);
  const { results: scored, scores, unitKind } = await readCohort(options);
  const previous = options.previous ? readPreviousResults(options.previous) : undefined;
  const results = previous ? compareWithPrevious(scored, previous) : scored;
  const year = results.framework.year;
  const period = { name: options.title ?? `Đánh giá chỉ số chuyển đổi số năm ${year}`, year, publicationDecision: null };
  const cohortName = COHORT_LABELS[unitKind].vi;
  const day = vietnamDay(new Date());
  let data: ReturnType<typeof buildResultReportData>;
  if (kind === 'unit-score-sheet') {
    const unitCode = options.unit ?? '';
    if (!scores || !results.units.some((unit) => unit.code === unitCode)) {
      throw new DomainError('not-found', [{ code: 'document.unit-not-in-results', params: { unit: unitCode } }]);
    }
    data = buildScoreSheetData({ period, cohortName, results, scores, unitCode, reasons: new Map(), header, day });
  } else {
    const cohort: PublishedCohort = {
      unitKind,
      cohortName,
      results,
      scores,
      previousYear: previous ? previous.framework.year : undefined,
    };
    data =
      kind === 'decision-appendix'
        ? buildDecisionAppendixData(period, [cohort], header, day)
        : buildResultReportData(period, [cohort], header, day);
  }
  const rendered = await renderDocument(kind, data, options.format, { template });
  await writeOutputFile(options.output, rendered.bytes);
  return { ...rendered, kind };
}
