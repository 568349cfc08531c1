import { ASSESSMENT_STATE_LABELS, type AssessmentState, vietnamDay } from '@opendti/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, evidence } from '../../db/schema/index.js';
import { formatDay } from '../../documents/format-values.js';
import { DOCUMENT_NAMES } from '../../documents/layouts.js';
import { type DocumentFormat, renderDocument } from '../../documents/render-document.js';
import { buildSelfAssessmentData } from '../../documents/self-assessment-data.js';
import type { AssessmentContext } from '../assessments/assessment-context.js';
import { readProvinceHeader, templateFor } from './document-settings.service.js';

/** The unit's self-assessment report, from its stored answers and evidence (not a published document). */
export async function renderSelfAssessment(db: Database, context: AssessmentContext, format: DocumentFormat) {
  const answerRows = await db
    .select({
      code: answers.indicatorCode,
      value: answers.value,
      selfPoints: answers.selfPoints,
      notAssessed: answers.notAssessed,
      explanation: answers.explanation,
    })
    .from(answers)
    .where(eq(answers.assessmentId, context.assessment.id));
  const evidenceRows = await db
    .select({
      code: evidence.indicatorCode,
      kind: evidence.kind,
      fileName: evidence.fileName,
      documentNumber: evidence.documentNumber,
      documentDate: evidence.documentDate,
      issuer: evidence.issuer,
      summary: evidence.summary,
      link: evidence.link,
    })
    .from(evidence)
    .where(and(eq(evidence.assessmentId, context.assessment.id), isNull(evidence.deletedAt)))
    .orderBy(evidence.createdAt);
  const state = context.assessment.state as AssessmentState;
  const submitted = context.assessment.submittedAt ? `, nộp ngày ${formatDay(vietnamDay(context.assessment.submittedAt))}` : '';
  const data = buildSelfAssessmentData({
    period: { name: context.period.name, year: context.period.year, publicationDecision: null },
    framework: context.framework,
    unit: { code: context.unit.code, name: context.unit.name },
    stateText: `${ASSESSMENT_STATE_LABELS[state]?.vi ?? state}${submitted}`,
    answers: answerRows,
    evidence: evidenceRows,
    header: await readProvinceHeader(db),
    day: vietnamDay(new Date()),
  });
  const template = await templateFor(db, 'unit-self-assessment');
  const rendered = await renderDocument('unit-self-assessment', data, format, { template: template.bytes });
  return {
    ...rendered,
    fileName: `${DOCUMENT_NAMES['unit-self-assessment'].file}-${context.period.year}-${context.unit.code}.${format}`,
  };
}
