import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  compareWithPrevious,
  compileFramework,
  DomainError,
  type Locale,
  presentCohort,
  type ResultSet,
  scoreCohort,
  sortByRank,
} from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import { writeResultsWorkbook } from '../../spreadsheets/write-results-workbook.js';
import { renderResultsCsv, renderResultsTable } from '../present-results.js';
import { readScoreFile } from '../read-score-file.js';
import { writeOutputFile } from '../write-output-file.js';

export type ScoreFormat = 'table' | 'json' | 'csv' | 'xlsx';

export interface ScoreOptions {
  framework: string;
  input: string;
  format: ScoreFormat;
  output?: string;
  previous?: string;
  locale: Locale;
}

/** Reads, scores and ranks one cohort's answers; returns the results (with year-over-year change). */
export async function scoreFile(options: Pick<ScoreOptions, 'framework' | 'input' | 'previous'>): Promise<ResultSet> {
  const framework = compileFramework(resolveFramework(options.framework));
  const { sheet, problems, omittedProblems } = await readScoreFile(framework, options.input);
  if (problems.length > 0) {
    throw new DomainError('invalid-input', [
      ...problems,
      ...(omittedProblems > 0 ? [{ code: 'input.too-many-problems' as const, params: { count: omittedProblems } }] : []),
    ]);
  }
  const results = presentCohort(scoreCohort(sheet));
  const compared = options.previous ? compareWithPrevious(results, readPreviousResults(options.previous)) : results;
  return { ...compared, units: sortByRank(compared.units) };
}

export async function runScore(options: ScoreOptions): Promise<string | undefined> {
  if (options.format === 'xlsx' && !options.output) {
    throw new DomainError('invalid-input', [
      { code: 'cli.usage', params: { detail: '--format xlsx cần --output <tệp.xlsx> (needs --output <file.xlsx>)' } },
    ]);
  }
  const results = await scoreFile(options);
  if (options.format === 'xlsx' && options.output) {
    await writeOutputFile(options.output, await writeResultsWorkbook(results));
    return undefined;
  }
  const text =
    options.format === 'json'
      ? `${JSON.stringify(results, null, 2)}\n`
      : options.format === 'csv'
        ? renderResultsCsv(results)
        : renderResultsTable(results, options.locale);
  if (!options.output) return text;
  try {
    writeFileSync(options.output, text);
  } catch (error) {
    throw new DomainError('invalid-input', [
      {
        code: 'cli.output-unwritable',
        params: { detail: (error as NodeJS.ErrnoException).code ?? String(error) },
        location: { file: options.output },
      },
    ]);
  }
  return undefined;
}

/** A results.json written by an earlier `opendti score --format json`. */
export function readPreviousResults(path: string): ResultSet {
  const label = basename(path);
  const unreadable = (detail: string): DomainError =>
    new DomainError('invalid-input', [{ code: 'input.previous-unreadable', params: { detail }, location: { file: label } }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw unreadable((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  const units = (parsed as { units?: unknown })?.units;
  if (!Array.isArray(units) || !(parsed as { framework?: unknown }).framework) {
    throw unreadable('không phải tệp kết quả của "opendti score --format json" (thiếu framework/units)');
  }
  units.forEach((unit, index) => {
    const candidate = unit as { code?: unknown; value?: unknown; rank?: unknown };
    if (typeof candidate?.code !== 'string' || !(typeof candidate.value === 'number' || candidate.value === null)) {
      throw unreadable(`units[${index}] thiếu code hoặc value`);
    }
  });
  const result = parsed as ResultSet;
  return {
    ...result,
    units: result.units.map((unit) => ({
      ...unit,
      groups: unit.groups ?? [],
      mainIndices: unit.mainIndices ?? [],
      pillars: unit.pillars ?? [],
    })),
  };
}
