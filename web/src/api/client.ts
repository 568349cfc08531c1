import createClient, { type Middleware } from 'openapi-fetch';
import { startSentence } from '../shared/format';
import type { paths } from './schema';

/**
 * The typed API client. Types come from the server's OpenAPI document (`npm run api:types`), never
 * written by hand. Every write carries the session's CSRF token; every error becomes an ApiError
 * holding the server's Vietnamese (or English) message.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: { code: string; message: string }[];

  /** The server's messages start lower-case (they are also used mid-sentence); shown alone, they start a sentence. */
  constructor(status: number, code: string, message: string, problems: { code: string; message: string }[] = []) {
    super(startSentence(message));
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems.map((problem) => ({ ...problem, message: startSentence(problem.message) }));
  }
}

let csrfToken: string | undefined;
let language: 'vi' | 'en' = 'vi';

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function setApiLanguage(locale: 'vi' | 'en'): void {
  language = locale;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    if (csrfToken && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok || response.status === 304) return response;
    let body: { error?: { code?: string; message?: string; problems?: { code: string; message: string }[] } } = {};
    try {
      body = await response.clone().json();
    } catch {
      // Not our error shape (a proxy's page): fall back to the status line.
    }
    throw new ApiError(
      response.status,
      body.error?.code ?? `http.${response.status}`,
      body.error?.message ?? (language === 'vi' ? `Lỗi máy chủ (${response.status})` : `Server error (${response.status})`),
      body.error?.problems,
    );
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(headers);
