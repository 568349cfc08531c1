import {
  analyseUnit,
  compileFramework,
  DomainError,
  formatLocaleNumber,
  type Locale,
  rankOpportunities,
  scoreCohort,
  simulateFullMarks,
} from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import { readScoreFile } from '../read-score-file.js';

export interface AnalyseOptions {
  framework: string;
  input: string;
  unit: string;
  whatIf?: string[];
  format: 'text' | 'json';
  locale: Locale;
}

/**
 * The per-unit analysis of seed 000 §1.3, computed: for each main index the indicators at full
 * marks, partial, zero and not assessed with the points lost; the indicators worth most; and
 * optionally a what-if projection.
 */
export async function runAnalyse(options: AnalyseOptions): Promise<string> {
  const framework = compileFramework(resolveFramework(options.framework));
  const { sheet, problems } = await readScoreFile(framework, options.input);
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  const scores = scoreCohort(sheet);
  if (!scores.units.some((unit) => unit.code === options.unit)) {
    throw new DomainError('not-found', [
      { code: 'cli.usage', params: { detail: `không có đơn vị "${options.unit}" trong ${options.input} (unit not found)` } },
    ]);
  }
  const analysis = analyseUnit(scores, options.unit);
  const opportunities = rankOpportunities(scores, options.unit, 10);
  const whatIf =
    options.whatIf && options.whatIf.length > 0 ? simulateFullMarks(scores, options.unit, options.whatIf) : undefined;
  if (options.format === 'json')
    return `${JSON.stringify({ unit: options.unit, mainIndices: analysis, opportunities, whatIf }, null, 2)}\n`;

  const vi = options.locale === 'vi';
  const n = (value: number | null, decimals = 2) => (value === null ? '–' : formatLocaleNumber(value, decimals, options.locale));
  const list = (items: { code: string; points: number; max: number }[]) =>
    items.map((item) => `${item.code} (${n(item.points)}/${n(item.max)})`).join(', ') || '–';
  const lines: string[] = [];
  const unitName = scores.units.find((unit) => unit.code === options.unit)?.name ?? options.unit;
  lines.push(`${unitName} (${options.unit}) — ${framework.document.name}`, '');
  for (const main of analysis) {
    lines.push(
      `${main.code}. ${main.name}: ${n(main.points)}/${n(main.max)} ${vi ? 'điểm' : 'points'}, ${vi ? 'hạng' : 'rank'} ${main.rank ?? '–'}, ${vi ? 'mất' : 'lost'} ${n(main.lost)}`,
      `   ${vi ? 'Đạt tối đa' : 'Full marks'}: ${list(main.full)}`,
      `   ${vi ? 'Đạt một phần' : 'Partial'}: ${list(main.partial)}`,
      `   ${vi ? 'Không đạt điểm' : 'Zero'}: ${list(main.zero)}`,
      `   ${vi ? 'Không đánh giá' : 'Not assessed'}: ${main.notAssessed.map((item) => item.code).join(', ') || '–'}`,
    );
  }
  lines.push('', vi ? 'Chỉ số thành phần nên ưu tiên cải thiện:' : 'Indicators worth most:');
  for (const item of opportunities) {
    lines.push(
      `   ${item.code}  +${n(item.valueGain * 100)} ${vi ? 'điểm phần trăm' : 'percentage points'}  (${vi ? 'mất' : 'lost'} ${n(item.lost)})  ${item.name}`,
    );
  }
  if (whatIf) {
    lines.push(
      '',
      `${vi ? 'Nếu đạt tối đa' : 'If at full marks'} ${whatIf.raised.join(', ') || '–'}: ${n(whatIf.points)}/${n(whatIf.max)}, ${vi ? 'chỉ số' : 'value'} ${n(whatIf.value, framework.precision)} (${vi ? 'hiện' : 'now'} ${n(whatIf.currentValue, framework.precision)}), ${vi ? 'hạng' : 'rank'} ${whatIf.rank ?? '–'} (${vi ? 'hiện' : 'now'} ${whatIf.currentRank ?? '–'})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
