import { type TSchema, Type } from '@fastify/type-provider-typebox';

/** Every list endpoint pages the same way: ?page=1&pageSize=50 → { items, page, pageSize, total }. */
export const PageQuery = Type.Object({
  // Bounded so that the offset stays a number the database reads (page=1e300 would not be).
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

/** The response schema of a page of `item`. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    total: Type.Integer({ minimum: 0, description: 'Items in every page together' }),
  });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageOf<T>(all: T[], query: { page?: number; pageSize?: number }): Page<T> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
}
