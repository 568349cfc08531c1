/**
 * The decision that publishes a period's results (quyết định công bố): its number ("123/QĐ-UBND"),
 * the day it was signed and who signed it (name and title). A publication without one has no legal
 * standing, so publishing requires it; the public pages and the downloads cite it ("Công bố theo
 * Quyết định số … ngày … của …"). One rule for the server, which refuses a decision with a problem
 * per field (`publication.decision-invalid`, located at `/decision/<field>`), and for the web form,
 * which checks the same while the manager types, in the same words.
 */
import type { Locale, LocalizedText, Problem } from '../errors/problem.js';
import { formatCalendarDay, parseVietnameseDate } from './calendar-day.js';

export interface PublicationDecision {
  /** Số quyết định, e.g. "123/QĐ-UBND". */
  number: string;
  /** Ngày ký, yyyy-mm-dd. */
  date: string;
  /** Người ký, e.g. "Nguyễn Văn A". */
  signerName: string;
  /** Chức vụ người ký, e.g. "Phó Chủ tịch Ủy ban nhân dân tỉnh". */
  signerTitle: string;
}

export const PUBLICATION_DECISION_FIELDS = ['number', 'date', 'signerName', 'signerTitle'] as const;
export type PublicationDecisionField = (typeof PUBLICATION_DECISION_FIELDS)[number];

export const PUBLICATION_DECISION_LIMITS = { number: 60, signerName: 120, signerTitle: 200 } as const;

export const PUBLICATION_DECISION_NAMES: Readonly<Record<PublicationDecisionField, LocalizedText>> = {
  number: { vi: 'số quyết định', en: 'decision number' },
  date: { vi: 'ngày ký quyết định', en: 'date of the decision' },
  signerName: { vi: 'họ tên người ký', en: "signer's name" },
  signerTitle: { vi: 'chức vụ người ký', en: "signer's title" },
};

/**
 * A Vietnamese administrative document number: a number, a slash, then the document kind and the
 * issuer ("123/QĐ-UBND", "45/2025/QĐ-UBND", "01/QĐ-STTTT"). Anything may follow after a space
 * (a note such as "(dữ liệu mẫu)").
 */
const DECISION_NUMBER = /^\d{1,6}(\/\d{4})?\/[\p{L}\d]+(-[\p{L}\d]+)*(\s.*)?$/u;

export interface DecisionIssue {
  field: PublicationDecisionField;
  text: LocalizedText;
}

export type PublicationDecisionInput = Partial<Record<PublicationDecisionField, string | null | undefined>>;

/**
 * What is wrong with a decision, per field: each field is required; the number must read like
 * "123/QĐ-UBND"; the date must be a real day (dd/mm/yyyy or yyyy-mm-dd) and not after `today`
 * (yyyy-mm-dd, Vietnam): results are published under a decision already signed.
 */
export function publicationDecisionIssues(input: PublicationDecisionInput | undefined, today: string): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const value = (field: PublicationDecisionField) => (input?.[field] ?? '').trim();
  for (const field of PUBLICATION_DECISION_FIELDS) {
    const name = PUBLICATION_DECISION_NAMES[field];
    const text = value(field);
    if (text === '') {
      issues.push({ field, text: { vi: `Cần nhập ${name.vi}`, en: `Enter the ${name.en}` } });
      continue;
    }
    if (field !== 'date') {
      const limit = PUBLICATION_DECISION_LIMITS[field];
      if (text.length > limit) {
        issues.push({
          field,
          text: { vi: `${name.vi} dài quá ${limit} ký tự`, en: `The ${name.en} is longer than ${limit} characters` },
        });
        continue;
      }
    }
    if (field === 'number' && !DECISION_NUMBER.test(text)) {
      issues.push({
        field,
        text: {
          vi: `Số quyết định "${text}" không đúng dạng số/ký hiệu, ví dụ 123/QĐ-UBND`,
          en: `The decision number "${text}" does not read as number/symbol, e.g. 123/QĐ-UBND`,
        },
      });
    }
    if (field === 'date') {
      const day = parseVietnameseDate(text);
      if (!day) {
        issues.push({
          field,
          text: {
            vi: `Ngày ký "${text}" không phải ngày hợp lệ (dd/mm/yyyy)`,
            en: `The date "${text}" is not a valid day (dd/mm/yyyy)`,
          },
        });
      } else if (day > today) {
        issues.push({
          field,
          text: {
            vi: `Ngày ký quyết định (${formatCalendarDay(day)}) chưa đến: phải từ hôm nay (${formatCalendarDay(today)}) trở về trước`,
            en: `The date of the decision (${formatCalendarDay(day)}) is in the future: it must be today (${formatCalendarDay(today)}) or earlier`,
          },
        });
      }
    }
  }
  return issues;
}

/** The decision as stored: trimmed, its date as yyyy-mm-dd. Call only when `publicationDecisionIssues` found none. */
export function normalisePublicationDecision(input: PublicationDecisionInput): PublicationDecision {
  const text = (field: PublicationDecisionField) => (input[field] ?? '').trim();
  return {
    number: text('number'),
    date: parseVietnameseDate(text('date')) ?? text('date'),
    signerName: text('signerName'),
    signerTitle: text('signerTitle'),
  };
}

/** The issues as the API reports them: one problem per field, located at the field's path in the body. */
export function publicationDecisionProblems(issues: readonly DecisionIssue[]): Problem[] {
  return issues.map((issue) => ({
    code: 'publication.decision-invalid',
    params: { field: `decision.${issue.field}`, detail: issue.text },
    location: { path: `/decision/${issue.field}` },
  }));
}

/**
 * The decision as a download's title block names it: "Quyết định số 123/QĐ-UBND ngày 15/03/2026 của
 * Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn A".
 */
export function publicationDecisionReference(decision: PublicationDecision, locale: Locale): string {
  const day = formatCalendarDay(decision.date);
  return locale === 'vi'
    ? `Quyết định số ${decision.number} ngày ${day} của ${decision.signerTitle} ${decision.signerName}`
    : `Decision No. ${decision.number} of ${day}, signed by ${decision.signerName}, ${decision.signerTitle}`;
}

/**
 * The line the public pages print under a ranking: "Công bố theo Quyết định số 123/QĐ-UBND ngày
 * 15/03/2026 của Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn A".
 */
export function publicationDecisionLine(decision: PublicationDecision, locale: Locale): string {
  const reference = publicationDecisionReference(decision, locale);
  return locale === 'vi' ? `Công bố theo ${reference}` : `Published under ${reference}`;
}
