/**
 * The body of a successful call. Older routes declare no response schema yet, so their generated
 * type is empty; the pages read them with the shapes of admin-records.ts.
 */
export function bodyOf<T>(result: { data?: unknown }): T {
  return result.data as T;
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
