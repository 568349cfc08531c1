import { randomUUID } from 'node:crypto';
import { DomainError, type DomainErrorKind, formatMessage, formatProblem, type Locale, type Problem } from '@opendti/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { wantsWebApp } from './web-app.js';

/** The one place where a domain error becomes an HTTP status. Routes never catch. */
const STATUS: Record<DomainErrorKind, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};

/** The one error shape of the API: `{ error: { code, message, problems? } }`, message in Vietnamese by default. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    problems?: { code: string; message: string; location?: Problem['location'] }[];
  };
}

export function requestLocale(request: FastifyRequest): Locale {
  const query = (request.query as { lang?: string } | undefined)?.lang;
  if (query === 'en' || query === 'vi') return query;
  return request.headers['accept-language']?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function errorBody(problems: Problem[], locale: Locale): ErrorBody {
  const first = problems[0] ?? { code: 'internal' as const };
  return {
    error: {
      code: first.code,
      message: problems.map((problem) => formatProblem(problem, locale)).join('; '),
      ...(problems.length > 1
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

export function registerErrorHandling(app: FastifyInstance, servesWebApp = false): void {
  app.setErrorHandler((error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(request);
    if (error instanceof DomainError) {
      const status = STATUS[error.kind];
      if (status >= 500) request.log.error({ err: error }, 'domain error');
      return reply.status(status).send(errorBody(error.problems, locale));
    }
    if (error.validation) {
      const detail = error.validation
        .map((issue) => `${error.validationContext ?? ''}${issue.instancePath || ''} ${issue.message ?? ''}`.trim())
        .join('; ');
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
        .send(errorBody([{ code: 'http.payload-too-large', params: { limit: 'giới hạn máy chủ' } }], locale));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(errorBody([{ code: 'http.validation', params: { detail: error.message } }], locale));
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
          [{ code: 'http.not-found', params: { what: `${request.method} ${request.url.split('?')[0]}` } }],
          requestLocale(request),
        ),
      );
  });
}
