import type { FastifySchema } from 'fastify';
import { SESSION_COOKIE, UNSAFE_METHODS } from './authenticate.js';

/**
 * The parts of the OpenAPI document that no single route owns: how a client authenticates, the
 * tags that group the operations, where the API lives. Each route's own schema says what it does
 * (operationId, summary, description) and, when it is open to the public, `security: []`.
 */

/** The session cookie set by `login`, and the CSRF token (from `login` / `getCurrentUser`) that every write sends back. */
export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'Phiên đăng nhập: cookie do `login` đặt (HttpOnly). / The session cookie that `login` sets (HttpOnly); every operation that is not public needs it.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'Mã chống giả mạo yêu cầu, gửi kèm mọi thao tác ghi. / The csrfToken of the session (in the answer of `login` and `getCurrentUser`), required on every POST, PUT, PATCH and DELETE made with the session cookie.',
  },
} as const;

/** Global tags, in the order a reader meets them; a tag used by a route but missing here fails the lint. */
export const API_TAGS = [
  { name: 'health', description: 'Trạng thái máy chủ / server status' },
  { name: 'auth', description: 'Đăng nhập, phiên, mật khẩu / sign-in, session, password' },
  { name: 'users', description: 'Tài khoản và vai trò (quản trị) / accounts and roles (administrator)' },
  {
    name: 'units',
    description: 'Đơn vị được đánh giá: sở, ngành, huyện, xã / the assessed units: departments, districts, communes',
  },
  { name: 'unit-maps', description: 'Bản đồ ranh giới của các nhóm đơn vị / boundary maps of the cohorts' },
  {
    name: 'frameworks',
    description:
      'Bộ chỉ số: chỉ số chính, chỉ số thành phần, điểm, phương pháp / frameworks: main indices, indicators, points, methods',
  },
  { name: 'periods', description: 'Kỳ đánh giá và quy trình của kỳ / assessment periods and their workflow' },
  {
    name: 'assessments',
    description:
      'Tự đánh giá của đơn vị: trả lời, nộp, giải trình / a unit’s self-assessment: answers, submission, supplementation',
  },
  { name: 'appraisal', description: 'Thẩm định của hội đồng / appraisal by the council' },
  { name: 'evidence', description: 'Tài liệu kiểm chứng: tệp và văn bản dẫn chứng / evidence: files and document references' },
  { name: 'results', description: 'Kết quả tạm tính trước khi công bố / provisional results before publication' },
  {
    name: 'plans',
    description:
      'Kế hoạch nâng cao chỉ số: nhiệm vụ, chỉ tiêu, phân công theo dõi chỉ số / improvement plans: tasks, targets, indicator ownership',
  },
  { name: 'audit', description: 'Nhật ký thay đổi / audit log' },
  { name: 'notifications', description: 'Thông báo trong ứng dụng và qua e-mail / in-app and e-mail notifications' },
  {
    name: 'jobs',
    description: 'Tác vụ nền: gửi e-mail, nhắc hạn (quản trị) / background jobs: e-mail, reminders (administrator)',
  },
  {
    name: 'documents',
    description:
      'Văn bản Word/PDF theo Nghị định 30/2020/NĐ-CP, mẫu văn bản và thông tin cơ quan ban hành / official Word and PDF documents, templates and header settings',
  },
  {
    name: 'public',
    description: 'Cổng công khai: kết quả đã công bố, không cần đăng nhập / the public portal: published results, no sign-in',
  },
];

interface DocumentedRoute {
  schema: FastifySchema;
  url: string;
  route: { method: string | string[]; config?: { withoutCsrfToken?: true } };
}

/**
 * The security requirement of an operation, derived the way `registerAuthentication` decides it:
 * a route is private unless its schema says `security: []` (default deny, as in the policy); a
 * write needs the CSRF header as well, unless the route is marked `withoutCsrfToken` (signing in).
 * Deriving it here keeps the document and the hook from drifting apart.
 */
export function addSecurityRequirement({ schema, url, route }: DocumentedRoute): { schema: FastifySchema; url: string } {
  // A route without a schema (none in /api/v1) has nothing to document.
  if (!schema || schema.security) return { schema, url };
  const methods = typeof route.method === 'string' ? [route.method] : route.method;
  const writes = methods.some((method) => UNSAFE_METHODS.has(method)) && !route.config?.withoutCsrfToken;
  return { schema: { ...schema, security: [writes ? { session: [], csrfToken: [] } : { session: [] }] }, url };
}
