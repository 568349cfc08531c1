import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type DomainErrorKind,
  formatMessage,
  formatProblem,
  type Locale,
  named,
  type Problem,
  type ProblemCode,
} from '@opendti/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { describeValidation } from './validation-message.js';
import { wantsWebApp } from './web-app.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The largest file a multipart route accepts, named in its 413 message. */
    uploadLimitBytes?: number;
  }
}

/** The one place where a domain error becomes an HTTP status. Routes never catch. */
const STATUS: Record<DomainErrorKind, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};

/** SQLSTATEs of text the database cannot hold: 22021 (a NUL byte in text), 22P05 (\u0000 in jsonb). */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** Problems whose status is not their kind's: a throttled client may come back later (429, with Retry-After). */
const STATUS_BY_CODE: Partial<Record<ProblemCode, number>> = { 'http.rate-limited': 429, 'map.too-large': 413 };

/** The one error shape of the API: `{ error: { code, message, problems? } }`, message in Vietnamese by default. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    problems?: { code: string; message: string; location?: Problem['location'] }[];
  };
}

export function requestLocale(request: FastifyRequest): Locale {
  // Any route's request, whatever its query schema: `lang` is read, not declared.
  const query: unknown = request.query;
  const lang = typeof query === 'object' && query !== null && 'lang' in query ? query.lang : undefined;
  if (lang === 'en' || lang === 'vi') return lang;
  return request.headers['accept-language']?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function errorBody(problems: Problem[], locale: Locale): ErrorBody {
  const first = problems[0] ?? { code: 'internal' as const };
  return {
    error: {
      code: first.code,
      message: problems.map((problem) => formatProblem(problem, locale)).join('; '),
      // One problem goes in the list too when it points at a field, so a form can show it there.
      ...(problems.length > 1 || problems[0]?.location?.path !== undefined
        ? {
            problems: problems.map((problem) => ({
              code: problem.code,
              message: formatMessage(problem, locale),
              ...(problem.location ? { location: problem.location } : {}),
            })),
          }
        : {}),
    },
  };
}

/**
 * The limit a 413 names: the route's file limit (a multipart file, or a file carried as JSON text,
 * whose body limit leaves room for escaping), else the body limit, or (a count of files or parts)
 * the server's.
 */
function sizeLimit(request: FastifyRequest, error: FastifyError, locale: Locale): string {
  const bytes =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? (request.routeOptions.config?.uploadLimitBytes ?? request.routeOptions.bodyLimit)
      : error.code === 'FST_REQ_FILE_TOO_LARGE'
        ? request.routeOptions.config?.uploadLimitBytes
        : undefined;
  if (bytes === undefined) return locale === 'vi' ? 'giới hạn của máy chủ' : "the server's limit";
  const megabytes = Math.round((bytes / 1024 / 1024) * 10) / 10;
  return `${locale === 'vi' ? String(megabytes).replace('.', ',') : megabytes} MB`;
}

/** What the router refuses before any hook or route runs, by Fastify's code. */
const ROUTER_REFUSALS: Readonly<Record<string, { status: number; detail: Readonly<Record<Locale, string>> }>> = {
  FST_ERR_BAD_URL: { status: 400, detail: { vi: 'đường dẫn không đọc được', en: 'the path cannot be decoded' } },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    detail: { vi: 'một tham số của đường dẫn dài quá 100 ký tự', en: 'a path parameter is longer than 100 characters' },
  },
};

/**
 * Fastify's `frameworkErrors`: an undecodable URL or a path parameter over 100 characters gets the
 * one error shape too, instead of Fastify's own `{ error, code, message, statusCode }` echoing the URL.
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const locale = requestLocale(request);
  const refusal = ROUTER_REFUSALS[error.code];
  if (refusal) {
    reply
      .status(refusal.status)
      .send(errorBody([{ code: 'http.validation', params: { detail: refusal.detail[locale] } }], locale));
    return;
  }
  const reference = randomUUID().slice(0, 8);
  request.log.error({ err: error, reference }, 'router error');
  reply.status(500).send(errorBody([{ code: 'internal', params: { reference } }], locale));
}

export function registerErrorHandling(app: FastifyInstance, servesWebApp = false): void {
  app.setErrorHandler((error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(request);
    if (error instanceof DomainError) {
      const first = error.problems[0];
      const status = (first && STATUS_BY_CODE[first.code]) ?? STATUS[error.kind];
      if (status >= 500) request.log.error({ err: error }, 'domain error');
      if (status === 429 && first?.params?.seconds !== undefined) reply.header('retry-after', String(first.params.seconds));
      return reply.status(status).send(errorBody(error.problems, locale));
    }
    if (error.validation) {
      const detail = describeValidation(error.validation, error.validationContext, locale);
      return reply.status(400).send(errorBody([{ code: 'http.validation', params: { detail } }], locale));
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      (error.statusCode === 400 && error instanceof SyntaxError)
    ) {
      return reply.status(400).send(errorBody([{ code: 'http.malformed-body' }], locale));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return reply
        .status(413)
        .send(errorBody([{ code: 'http.payload-too-large', params: { limit: sizeLimit(request, error, locale) } }], locale));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(errorBody([{ code: 'http.validation', params: { detail: error.message } }], locale));
    }
    if (UNSTORABLE_TEXT.has(String((error as { cause?: { code?: unknown } }).cause?.code))) {
      // PostgreSQL stores no NUL character (U+0000) in text or JSON, wherever in the request it came
      // from (a name, a query parameter, a user name at sign-in): the input is wrong, not the server.
      const detail =
        locale === 'vi' ? 'văn bản chứa ký tự NUL (\\u0000), không lưu được' : 'text contains a NUL character (\\u0000)';
      return reply.status(400).send(errorBody([{ code: 'http.validation', params: { detail } }], locale));
    }
    if (request.raw.aborted || request.raw.destroyed) {
      // The client went away mid-request (a closed tab, a lost connection during an upload): nothing
      // is wrong with the server and no one is left to answer. Not an error in the logs.
      request.log.info({ code: error.code }, 'client closed the connection before the request was read');
      return reply.status(400).send(errorBody([{ code: 'http.malformed-body' }], locale));
    }
    // Anything else is a bug: log it whole, show the user a reference only.
    const reference = randomUUID().slice(0, 8);
    request.log.error({ err: error, reference }, 'unhandled error');
    return reply.status(500).send(errorBody([{ code: 'internal', params: { reference } }], locale));
  });

  app.setNotFoundHandler((request, reply) => {
    if (servesWebApp && wantsWebApp(request)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .status(404)
      .send(
        errorBody(
          [{ code: 'http.not-found', params: { what: named('route', `${request.method} ${request.url.split('?')[0]}`) } }],
          requestLocale(request),
        ),
      );
  });
}
