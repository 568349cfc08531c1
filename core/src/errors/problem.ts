/**
 * One error vocabulary for the whole project.
 *
 * A `Problem` is one thing wrong with some input: a closed `code`, the parameters that make the
 * message specific, and where it is (file, row, column, framework code). Messages are rendered from
 * a catalogue in Vietnamese (default) or English, so the CLI, the server and the web app all say the
 * same thing. A `DomainError` carries one or more problems; the server maps its `kind` to an HTTP
 * status in one place.
 */

export type Locale = 'vi' | 'en';

/** Where a problem is. Every field is optional; the more is known, the more precise the message. */
export interface ProblemLocation {
  file?: string;
  /** 1-based row in a spreadsheet or CSV, counting the header as row 1. */
  row?: number;
  column?: string;
  /** A framework node code (indicator, main index, group) or unit code. */
  code?: string;
  /** A JSON path inside a document, e.g. "/mainIndices/2/indicators/0/maxPoints". */
  path?: string;
}

type Params = Record<string, string | number>;

/** message templates: {name} is replaced by params.name */
const catalogue = {
  // framework files
  'framework.unreadable': {
    vi: 'không đọc được tệp bộ chỉ số: {detail}',
    en: 'cannot read the framework file: {detail}',
  },
  'framework.schema': {
    vi: 'sai cấu trúc: {detail}',
    en: 'invalid structure: {detail}',
  },
  'framework.duplicate-code': {
    vi: 'mã "{code}" bị trùng (đã dùng cho {first})',
    en: 'code "{code}" is used twice (first for {first})',
  },
  'framework.points-mismatch': {
    vi: 'các chỉ số thành phần cộng lại được {sum} điểm nhưng chỉ số chính "{code}" có điểm tối đa {max}',
    en: 'indicators add up to {sum} points, but main index "{code}" has {max}',
  },
  'framework.total-mismatch': {
    vi: 'các chỉ số chính cộng lại được {sum} điểm nhưng bộ chỉ số có điểm tối đa {max}',
    en: 'main indices add up to {sum} points, but the framework has {max}',
  },
  'framework.missing-max': {
    vi: 'chỉ số chính "{code}" thiếu điểm tối đa (maxPoints), bắt buộc khi tính điểm cộng dồn',
    en: 'main index "{code}" has no maxPoints, which a sum framework requires',
  },
  'framework.missing-total': {
    vi: 'bộ chỉ số thiếu tổng điểm tối đa (maxPoints), bắt buộc khi tính điểm cộng dồn',
    en: 'the framework has no maxPoints, which a sum framework requires',
  },
  'framework.bad-method-parameter': {
    vi: 'chỉ số "{code}", phương pháp {method}: {detail}',
    en: 'indicator "{code}", method {method}: {detail}',
  },
  'framework.unknown-method': {
    vi: 'chỉ số "{code}": phương pháp chấm điểm "{method}" không tồn tại (có: {known})',
    en: 'indicator "{code}": unknown scoring method "{method}" (known: {known})',
  },
  'framework.unknown-group': {
    vi: 'chỉ số chính "{code}" thuộc nhóm "{group}" không có trong danh sách nhóm',
    en: 'main index "{code}" names group "{group}", which is not defined',
  },
  'framework.unknown-main-index': {
    vi: 'trụ cột "{code}" nhắc đến chỉ số chính "{mainIndex}" không tồn tại',
    en: 'pillar "{code}" names main index "{mainIndex}", which does not exist',
  },
  'framework.not-found': {
    vi: 'không có bộ chỉ số "{id}" (có: {known})',
    en: 'no framework "{id}" (available: {known})',
  },
  // score input
  'input.unreadable': {
    vi: 'không đọc được tệp dữ liệu: {detail}',
    en: 'cannot read the input file: {detail}',
  },
  'input.missing-column': {
    vi: 'thiếu cột "{column}" (tiêu đề cần có: {expected})',
    en: 'missing column "{column}" (expected headers: {expected})',
  },
  'input.empty': {
    vi: 'tệp không có dòng dữ liệu nào',
    en: 'the file has no data rows',
  },
  'input.unknown-indicator': {
    vi: 'mã chỉ số "{indicator}" không có trong bộ chỉ số {framework}',
    en: 'indicator "{indicator}" is not in framework {framework}',
  },
  'input.not-a-number': {
    vi: '"{value}" không phải là số',
    en: '"{value}" is not a number',
  },
  'input.bad-value': {
    vi: 'giá trị "{value}" không hợp lệ cho phương pháp {method}: {expected}',
    en: 'value "{value}" does not fit method {method}: {expected}',
  },
  'input.points-above-max': {
    vi: 'điểm {points} vượt điểm tối đa {max} của "{indicator}"',
    en: 'points {points} exceed the maximum {max} of "{indicator}"',
  },
  'input.negative-points': {
    vi: 'điểm {points} âm',
    en: 'points {points} are negative',
  },
  'input.duplicate-row': {
    vi: 'đơn vị "{unit}", chỉ số "{indicator}" đã có ở dòng {firstRow}',
    en: 'unit "{unit}", indicator "{indicator}" already given on row {firstRow}',
  },
  'input.missing-unit': {
    vi: 'thiếu mã đơn vị',
    en: 'the unit code is empty',
  },
  'input.unit-name-conflict': {
    vi: 'đơn vị "{unit}" có tên "{name}" khác với tên "{firstName}" ở dòng {firstRow}',
    en: 'unit "{unit}" is named "{name}", but "{firstName}" on row {firstRow}',
  },
  'input.bad-flag': {
    vi: '"{value}" không hợp lệ cho "không đánh giá" (dùng x, true, 1 hoặc để trống)',
    en: '"{value}" is not a valid not-assessed flag (use x, true, 1 or leave empty)',
  },
  'input.value-level': {
    vi: '"{indicator}" là {kind}: chỉ nhận giá trị 0–1 hoặc điểm, không nhận "{value}"',
    en: '"{indicator}" is a {kindEn}: give a 0–1 value or points, not "{value}"',
  },
  'input.no-max-for-indicator': {
    vi: 'chỉ số "{indicator}" không có điểm tối đa công bố; hãy nhập giá trị của chỉ số chính "{mainIndex}"',
    en: 'indicator "{indicator}" has no published maximum; give the value of main index "{mainIndex}" instead',
  },
  'input.missing-main-index-value': {
    vi: 'đơn vị "{unit}" chưa có giá trị của chỉ số chính "{mainIndex}" (bộ chỉ số không công bố điểm từng chỉ số thành phần); nhập giá trị 0–1 hoặc đánh dấu "không đánh giá"',
    en: 'unit "{unit}" has no value for main index "{mainIndex}" (its indicator points are not published); give a 0–1 value or mark it not assessed',
  },
  'input.previous-unreadable': {
    vi: 'không đọc được kết quả năm trước: {detail}',
    en: 'cannot read the previous results: {detail}',
  },
  'input.too-many-problems': {
    vi: 'còn {count} lỗi khác không hiển thị',
    en: '{count} more problems not shown',
  },
  'input.duplicate-unit': {
    vi: 'mã đơn vị "{unit}" bị trùng (đã có ở dòng {firstRow})',
    en: 'unit code "{unit}" is listed twice (first on row {firstRow})',
  },
  // command line
  'cli.usage': {
    vi: '{detail}',
    en: '{detail}',
  },
  'cli.output-unwritable': {
    vi: 'không ghi được tệp kết quả: {detail}',
    en: 'cannot write the output: {detail}',
  },
  // HTTP API
  'http.validation': {
    vi: 'dữ liệu gửi lên không hợp lệ: {detail}',
    en: 'invalid request: {detail}',
  },
  'http.malformed-body': {
    vi: 'nội dung gửi lên không đọc được (JSON sai cú pháp)',
    en: 'the request body is not valid JSON',
  },
  'http.payload-too-large': {
    vi: 'dữ liệu gửi lên quá lớn (tối đa {limit})',
    en: 'the request is too large (at most {limit})',
  },
  'http.not-found': {
    vi: 'không tìm thấy {what}',
    en: '{what} not found',
  },
  'http.unauthenticated': {
    vi: 'cần đăng nhập',
    en: 'sign-in required',
  },
  'http.forbidden': {
    vi: 'không có quyền thực hiện thao tác này',
    en: 'not allowed',
  },
  'http.csrf': {
    vi: 'thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang',
    en: 'missing or wrong CSRF token; reload the page',
  },
  'http.stale-version': {
    vi: '{what} đã được người khác thay đổi (phiên bản {current}, bạn sửa từ phiên bản {based}); hãy xem bản mới rồi sửa lại',
    en: '{what} was changed by someone else (version {current}, you edited version {based}); review the new version and edit again',
  },
  'http.rate-limited': {
    vi: 'quá nhiều lần thử; hãy thử lại sau {seconds} giây',
    en: 'too many attempts; try again in {seconds} seconds',
  },
  internal: {
    vi: 'lỗi hệ thống, vui lòng báo cho quản trị viên (mã tra cứu {reference})',
    en: 'internal error, please tell the administrator (reference {reference})',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ProblemCode = keyof typeof catalogue;

export interface Problem {
  code: ProblemCode;
  params?: Params;
  location?: ProblemLocation;
}

/** The class of failure; the server maps each to one HTTP status. */
export type DomainErrorKind = 'invalid-input' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'internal';

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly problems: Problem[];

  constructor(kind: DomainErrorKind, problems: Problem[]) {
    super(problems.map((problem) => formatProblem(problem, 'en')).join('\n'));
    this.name = 'DomainError';
    this.kind = kind;
    this.problems = problems;
  }
}

export function invalidInput(problems: Problem[]): DomainError {
  return new DomainError('invalid-input', problems);
}

const locationLabels: Record<Locale, { row: string; column: string }> = {
  vi: { row: 'dòng', column: 'cột' },
  en: { row: 'row', column: 'column' },
};

export function formatMessage(problem: Problem, locale: Locale): string {
  const template: string = catalogue[problem.code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = problem.params?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** "file.csv, row 12, column value: "abc" is not a number" */
export function formatProblem(problem: Problem, locale: Locale): string {
  const where: string[] = [];
  const location = problem.location ?? {};
  const labels = locationLabels[locale];
  if (location.file) where.push(location.file);
  if (location.row !== undefined) where.push(`${labels.row} ${location.row}`);
  if (location.column) where.push(`${labels.column} ${location.column}`);
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  return prefix + formatMessage(problem, locale);
}
