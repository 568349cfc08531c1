import { type CompiledFramework, createScoreSheet, presentCohort, scoreCohort } from '@opendti/core';
import type { DocumentData } from './fill-template.js';
import { formatDay, formatPoints, formatValue } from './format-values.js';
import { headerFields, type ProvinceHeader } from './province-header.js';
import type { PeriodFacts } from './published-cohort.js';
import { NOT_ASSESSED_TEXT, readingOrder } from './score-sheet-data.js';

export interface SelfAnswer {
  code: string;
  value: string | null;
  selfPoints: number | null;
  notAssessed: boolean;
  explanation: string | null;
}

export interface SelfEvidence {
  code: string;
  kind: string;
  fileName: string | null;
  documentNumber: string | null;
  documentDate: string | null;
  issuer: string | null;
  summary: string | null;
  link: string | null;
}

export interface SelfAssessmentInput {
  period: PeriodFacts;
  framework: CompiledFramework;
  unit: { code: string; name: string };
  stateText: string;
  answers: SelfAnswer[];
  evidence: SelfEvidence[];
  header: ProvinceHeader;
  day: string;
}

/**
 * What the unit's leader signs when submitting (issue 13, document 4): each answer with its self
 * points and explanation, the evidence list (file names, document numbers and dates), and the totals
 * scored by core's engine over the stored self points (the rule of the index, once).
 */
export function buildSelfAssessmentData(input: SelfAssessmentInput): DocumentData {
  const { framework } = input;
  const byCode = new Map(input.answers.map((answer) => [answer.code, answer]));
  const sheet = createScoreSheet(framework, [input.unit]);
  framework.indicatorNodes.forEach((nodeIndex, position) => {
    const answer = byCode.get(framework.nodes[nodeIndex]?.code ?? '');
    if (!answer) return;
    sheet.notAssessed[position] = answer.notAssessed ? 1 : 0;
    sheet.selfPoints[position] = answer.selfPoints ?? Number.NaN;
  });
  const [unit] = presentCohort(scoreCohort(sheet)).units;
  const precision = framework.precision;
  const answers = readingOrder(framework).map((index): DocumentData => {
    const node = framework.nodes[index];
    if (!node) return {};
    if (node.level === 'mainIndex') {
      const main = unit?.mainIndices.find((candidate) => candidate.code === node.code);
      return {
        code: node.code,
        name: node.name.toLocaleUpperCase('vi'),
        max: formatPoints(main?.max ?? node.maxPoints),
        value: '',
        selfPoints: formatPoints(main?.selfPoints),
        explanation: '',
      };
    }
    const answer = byCode.get(node.code);
    return {
      code: node.code,
      name: node.name,
      max: formatPoints(node.maxPoints),
      value: answer?.notAssessed ? NOT_ASSESSED_TEXT : (answer?.value ?? ''),
      selfPoints: answer?.notAssessed ? NOT_ASSESSED_TEXT : formatPoints(answer?.selfPoints),
      explanation: answer?.explanation ?? '',
    };
  });
  const order = new Map(readingOrder(framework).map((index, position) => [framework.nodes[index]?.code ?? '', position]));
  const evidence = [...input.evidence].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  return {
    ...headerFields(input.header, input.day, '       /BC'),
    // The unit issues its own report: its name is the issuing body under the province.
    issuingBody: input.unit.name.toLocaleUpperCase('vi'),
    signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    periodName: input.period.name,
    periodYear: String(input.period.year),
    frameworkName: framework.document.name,
    unitCode: input.unit.code,
    unitName: input.unit.name,
    stateText: input.stateText,
    answers,
    selfTotal: formatPoints(unit?.selfPoints),
    effectiveMax: formatPoints(unit?.max),
    selfIndex: formatValue(unit?.value, precision),
    unitLeaderName: '',
    evidence: evidence.map(
      (item, position): DocumentData => ({
        stt: String(position + 1),
        code: item.code,
        document: item.kind === 'file' ? (item.fileName ?? '') : [item.issuer, item.link].filter(Boolean).join(' – '),
        numberAndDate: [item.documentNumber, item.documentDate ? formatDay(item.documentDate) : null].filter(Boolean).join(', '),
        summary: item.summary ?? '',
      }),
    ),
  };
}
