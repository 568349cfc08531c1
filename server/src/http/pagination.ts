import { Type } from '@fastify/type-provider-typebox';

/** Every list endpoint pages the same way: ?page=1&pageSize=50 → { items, page, pageSize, total }. */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
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
