import { ApiError } from '../../api/client';

/**
 * The body of a successful call. Older routes declare no response schema yet, so their generated
 * type is empty; the pages read them with the shapes of admin-records.ts.
 */
export function bodyOf<T>(result: { data?: unknown }): T {
  return result.data as T;
}

/** A server problem as the error body carries it: its code, its message, and where it is (row, framework code). */
export interface ServerProblem {
  code: string;
  message: string;
  location?: { file?: string; row?: number; column?: string; code?: string; path?: string };
}

/**
 * Every problem of a refused request: the `problems` list when the server sent several, else the
 * single problem in the message.
 */
export function problemsOf(error: unknown): ServerProblem[] {
  if (!(error instanceof ApiError)) return error instanceof Error ? [{ code: 'error', message: error.message }] : [];
  if (error.problems.length > 0) return error.problems as ServerProblem[];
  return [{ code: error.code, message: error.message }];
}

/** Fetches every page of a paged list (pages hold at most 200 items). */
export async function fetchAllPages<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; total: number; pageSize: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}
