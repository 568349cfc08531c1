import type { Dictionary } from '../i18n/locale';

/**
 * The words of the shared form parts (the dd/mm/yyyy date field, the server's refusal listed
 * problem by problem), used by every feature that has forms: the administration and the plans.
 */
type FormKey = 'datePlaceholder' | 'errorDate' | 'serverRefused' | 'problemCount' | 'problemAbout' | 'rowNumber' | 'close';

export const formMessages: Dictionary<FormKey> = {
  vi: {
    datePlaceholder: 'dd/mm/yyyy',
    errorDate: 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 30/01/2026',
    serverRefused: 'Máy chủ từ chối',
    problemCount: '{count} vấn đề',
    problemAbout: 'Mã chỉ số hoặc đơn vị liên quan',
    rowNumber: 'dòng {row}',
    close: 'Đóng',
  },
  en: {
    datePlaceholder: 'dd/mm/yyyy',
    errorDate: 'Not a valid date; type dd/mm/yyyy, e.g. 30/01/2026',
    serverRefused: 'The server refused',
    problemCount: '{count} problems',
    problemAbout: 'The indicator or unit concerned',
    rowNumber: 'row {row}',
    close: 'Close',
  },
};
