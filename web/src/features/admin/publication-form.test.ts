import { describe, expect, it } from 'vitest';
import { EMPTY_PUBLICATION_FORM, publicationDecisionBody, validatePublicationForm } from './publication-form';

const NOW = new Date('2026-03-20T03:00:00Z');

describe('the publication decision form', () => {
  it('asks for every field, in core’s words', () => {
    expect(validatePublicationForm(EMPTY_PUBLICATION_FORM, NOW)).toEqual({
      number: { vi: 'Cần nhập số quyết định', en: 'Enter the decision number' },
      date: { vi: 'Cần nhập ngày ký quyết định', en: 'Enter the date of the decision' },
      signerName: { vi: 'Cần nhập họ tên người ký', en: "Enter the signer's name" },
      signerTitle: { vi: 'Cần nhập chức vụ người ký', en: "Enter the signer's title" },
    });
  });

  it('refuses a decision signed after today and sends a valid one with an ISO date', () => {
    const form = { number: '123/QĐ-UBND', date: '21/03/2026', signerName: 'Nguyễn Văn A', signerTitle: 'Chủ tịch UBND tỉnh' };
    expect(Object.keys(validatePublicationForm(form, NOW))).toEqual(['date']);
    const valid = { ...form, date: '20/03/2026' };
    expect(validatePublicationForm(valid, NOW)).toEqual({});
    expect(publicationDecisionBody(valid)).toEqual({ ...valid, date: '2026-03-20' });
  });
});
