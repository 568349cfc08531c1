/**
 * The province's header settings, filled into every document (Decree 30/2020/NĐ-CP: the issuing
 * body under its parent body, the place in the date line, the signer's authority and name, the
 * recipients). An administrator edits them; until then these defaults print.
 */
export interface ProvinceHeader {
  /** The body above the issuer, e.g. "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN". */
  parentBody: string;
  /** The issuing body, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuingBody: string;
  /** The issuer's abbreviation in document symbols, e.g. "SKHCN" (…/BC-SKHCN). */
  symbol: string;
  /** The place in "Điện Biên, ngày … tháng … năm …". */
  place: string;
  /** The signer's authority, one line each, e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
  /** Who signs the score sheets for the appraisal council. */
  councilChairName: string;
  /** "Nơi nhận", one recipient each, e.g. "UBND tỉnh (b/c)". */
  recipients: string[];
}

export const DEFAULT_PROVINCE_HEADER: ProvinceHeader = {
  parentBody: 'ỦY BAN NHÂN DÂN TỈNH',
  issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  symbol: 'SKHCN',
  place: '',
  signerTitle: 'GIÁM ĐỐC',
  signerName: '',
  councilChairName: '',
  recipients: ['Như trên', 'Lưu: VT'],
};

/** yyyy-mm-dd (the document's day in Vietnam) → the header's fields, with the document number. */
export function headerFields(header: ProvinceHeader, day: string, documentNumber: string) {
  const [year = '', month = '', date = ''] = day.split('-');
  return {
    parentBody: header.parentBody.toLocaleUpperCase('vi'),
    issuingBody: header.issuingBody.toLocaleUpperCase('vi'),
    documentNumber,
    place: header.place || '……',
    day: date,
    // Decree 30: months below 3 are written with a leading zero (01, 02), the others without.
    month: Number(month) < 3 ? month : String(Number(month)),
    year,
    signerTitle: header.signerTitle.toLocaleUpperCase('vi'),
    signerName: header.signerName,
    councilChairName: header.councilChairName,
    recipients: header.recipients.map((recipient) => ({ recipient })),
  };
}

/** "      /BC-SKHCN": the number is left blank for the clerk who registers the document. */
export function blankNumber(kindCode: string, header: ProvinceHeader): string {
  return `       /${kindCode}${header.symbol ? `-${header.symbol}` : ''}`;
}
