import type { Locale } from '@opendti/core';
import type { FastifySchemaValidationError } from 'fastify';

/**
 * Schema errors as a sentence the user can act on, in the user's language: which field, and what it
 * must be. Ajv's own messages are English and name JSON pointers ("body/baseVersion must be
 * integer"), and a union adds one line per branch ("must be number; must be null; must match a
 * schema in anyOf"); here the errors of one field become one clause.
 */

type Words = Readonly<Record<Locale, string>>;

const TYPE_NAMES: Readonly<Record<string, Words>> = {
  integer: { vi: 'số nguyên', en: 'an integer' },
  number: { vi: 'số', en: 'a number' },
  string: { vi: 'chuỗi ký tự', en: 'text' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'đối tượng JSON', en: 'a JSON object' },
  array: { vi: 'danh sách', en: 'a list' },
  null: { vi: 'null', en: 'null' },
};

const FORMAT_NAMES: Readonly<Record<string, Words>> = {
  uuid: { vi: 'mã UUID', en: 'a UUID' },
  date: { vi: 'một ngày có thật, dạng yyyy-mm-dd', en: 'a real date written yyyy-mm-dd' },
  'date-time': { vi: 'thời điểm dạng ISO 8601', en: 'an ISO 8601 date and time' },
};

/** How the part of the request that holds the field is named, and the field itself. */
const PARTS: Readonly<Record<string, { whole: Words; field: Words }>> = {
  body: { whole: { vi: 'nội dung gửi lên', en: 'the request body' }, field: { vi: 'trường', en: 'field' } },
  params: { whole: { vi: 'đường dẫn', en: 'the path' }, field: { vi: 'tham số', en: 'parameter' } },
  querystring: { whole: { vi: 'chuỗi truy vấn', en: 'the query string' }, field: { vi: 'tham số', en: 'parameter' } },
  headers: { whole: { vi: 'tiêu đề', en: 'the headers' }, field: { vi: 'tiêu đề', en: 'header' } },
};

/** Keywords that say what was wrong with a value of the right type: they tell more than a type mismatch of another branch. */
const CONSTRAINTS = new Set([
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
]);

function fieldOf(issue: FastifySchemaValidationError): string {
  const segments = issue.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (issue.keyword === 'required') segments.push(String(issue.params.missingProperty));
  return segments.join('.');
}

function constraintClause(subject: string, issue: FastifySchemaValidationError, locale: Locale): string {
  const limit = String(issue.params.limit);
  const vi = locale === 'vi';
  switch (issue.keyword) {
    case 'format': {
      const format = String(issue.params.format);
      return `${subject} ${vi ? 'phải là' : 'must be'} ${FORMAT_NAMES[format]?.[locale] ?? format}`;
    }
    case 'pattern':
      return vi ? `${subject} không đúng định dạng` : `${subject} has the wrong format`;
    case 'minimum':
      return vi ? `${subject} phải từ ${limit} trở lên` : `${subject} must be at least ${limit}`;
    case 'exclusiveMinimum':
      return vi ? `${subject} phải lớn hơn ${limit}` : `${subject} must be greater than ${limit}`;
    case 'maximum':
      return vi ? `${subject} không được lớn hơn ${limit}` : `${subject} must be at most ${limit}`;
    case 'exclusiveMaximum':
      return vi ? `${subject} phải nhỏ hơn ${limit}` : `${subject} must be less than ${limit}`;
    case 'minLength':
      if (limit === '1') return vi ? `${subject} không được để trống` : `${subject} must not be empty`;
      return vi ? `${subject} cần ít nhất ${limit} ký tự` : `${subject} needs at least ${limit} characters`;
    case 'maxLength':
      return vi ? `${subject} dài quá ${limit} ký tự` : `${subject} is longer than ${limit} characters`;
    case 'minItems':
      return vi ? `${subject} cần ít nhất ${limit} mục` : `${subject} needs at least ${limit} items`;
    default:
      return vi ? `${subject} có quá ${limit} mục` : `${subject} has more than ${limit} items`;
  }
}

function clauseOf(subject: string, issues: FastifySchemaValidationError[], locale: Locale): string {
  const vi = locale === 'vi';
  if (issues.some((issue) => issue.keyword === 'required')) return vi ? `thiếu ${subject}` : `${subject} is missing`;
  const constraint = issues.find((issue) => CONSTRAINTS.has(issue.keyword));
  if (constraint) return constraintClause(subject, constraint, locale);
  const allowed = issues.flatMap((issue) => {
    if (issue.keyword === 'const') return [String(issue.params.allowedValue)];
    if (issue.keyword === 'enum') return (issue.params.allowedValues as unknown[]).map(String);
    return [];
  });
  if (allowed.length > 0) return `${subject} ${vi ? 'phải là một trong' : 'must be one of'}: ${[...new Set(allowed)].join(', ')}`;
  const types = issues.flatMap((issue) => {
    if (issue.keyword !== 'type') return [];
    const type = issue.params.type as string | string[];
    return Array.isArray(type) ? type : type.split(',');
  });
  if (types.length > 0) {
    // Nullable fields list null first in their schema (see common-schemas.ts); people read "a number or null".
    const ordered = [...new Set(types)].sort((a, b) => Number(a === 'null') - Number(b === 'null'));
    const names = ordered.map((type) => TYPE_NAMES[type]?.[locale] ?? type);
    return `${subject} ${vi ? 'phải là' : 'must be'} ${names.join(vi ? ' hoặc ' : ' or ')}`;
  }
  const [first] = issues;
  return vi ? `${subject} không hợp lệ (${first?.message ?? ''})` : `${subject} is not valid (${first?.message ?? ''})`;
}

/** One clause per field, e.g. `trường "baseVersion" phải là số nguyên` / `field "baseVersion" must be an integer`. */
export function describeValidation(issues: FastifySchemaValidationError[], context: string | undefined, locale: Locale): string {
  const part = PARTS[context ?? 'body'] ?? (PARTS.body as (typeof PARTS)[string]);
  const byField = new Map<string, FastifySchemaValidationError[]>();
  for (const issue of issues) {
    const field = fieldOf(issue);
    byField.set(field, [...(byField.get(field) ?? []), issue]);
  }
  return [...byField]
    .map(([field, fieldIssues]) => clauseOf(field ? `${part.field[locale]} "${field}"` : part.whole[locale], fieldIssues, locale))
    .join('; ');
}
