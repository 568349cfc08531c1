import { describe, expect, it } from 'vitest';
import { formatProblem } from '../errors/problem.js';
import {
  normalisePublicationDecision,
  publicationDecisionIssues,
  publicationDecisionLine,
  publicationDecisionProblems,
} from './publication-decision.js';

const TODAY = '2026-03-20';
const VALID = { number: '123/QĐ-UBND', date: '15/03/2026', signerName: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch UBND tỉnh' };

describe('publicationDecisionIssues', () => {
  it('accepts a complete decision, in either date form, with a note after the number', () => {
    expect(publicationDecisionIssues(VALID, TODAY)).toEqual([]);
    expect(publicationDecisionIssues({ ...VALID, date: '2026-03-20' }, TODAY)).toEqual([]);
    expect(publicationDecisionIssues({ ...VALID, number: '45/2025/QĐ-UBND' }, TODAY)).toEqual([]);
    expect(publicationDecisionIssues({ ...VALID, number: '01/QĐ-UBND (dữ liệu mẫu)' }, TODAY)).toEqual([]);
  });

  it('requires every field', () => {
    expect(publicationDecisionIssues(undefined, TODAY).map((issue) => issue.field)).toEqual([
      'number',
      'date',
      'signerName',
      'signerTitle',
    ]);
    expect(publicationDecisionIssues({ ...VALID, signerName: '   ' }, TODAY)).toEqual([
      { field: 'signerName', text: { vi: 'Cần nhập họ tên người ký', en: "Enter the signer's name" } },
    ]);
  });

  it('refuses a number that is not number/symbol, an unreal day and a day not yet come', () => {
    expect(publicationDecisionIssues({ ...VALID, number: 'QĐ 123' }, TODAY)[0]?.text.vi).toBe(
      'Số quyết định "QĐ 123" không đúng dạng số/ký hiệu, ví dụ 123/QĐ-UBND',
    );
    expect(publicationDecisionIssues({ ...VALID, date: '31/02/2026' }, TODAY)[0]?.field).toBe('date');
    expect(publicationDecisionIssues({ ...VALID, date: '21/03/2026' }, TODAY)[0]?.text.vi).toBe(
      'Ngày ký quyết định (21/03/2026) chưa đến: phải từ hôm nay (20/03/2026) trở về trước',
    );
  });

  it('reports problems located at /decision/<field>', () => {
    const [problem] = publicationDecisionProblems(publicationDecisionIssues({ ...VALID, number: '' }, TODAY));
    expect(problem?.location).toEqual({ path: '/decision/number' });
    expect(problem && formatProblem(problem, 'vi')).toBe('trường decision.number: Cần nhập số quyết định');
    expect(problem && formatProblem(problem, 'en')).toBe('field decision.number: Enter the decision number');
  });

  it('stores the decision trimmed with an ISO day, and cites it', () => {
    const decision = normalisePublicationDecision({ ...VALID, number: ' 123/QĐ-UBND ' });
    expect(decision).toEqual({
      number: '123/QĐ-UBND',
      date: '2026-03-15',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'Phó Chủ tịch UBND tỉnh',
    });
    expect(publicationDecisionLine(decision, 'vi')).toBe(
      'Công bố theo Quyết định số 123/QĐ-UBND ngày 15/03/2026 của Phó Chủ tịch UBND tỉnh Nguyễn Văn A',
    );
    expect(publicationDecisionLine(decision, 'en')).toBe(
      'Published under Decision No. 123/QĐ-UBND of 15/03/2026, signed by Nguyễn Văn A, Phó Chủ tịch UBND tỉnh',
    );
  });
});
