import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorNotice, PageLoader } from '../app/page-states';
import { PageHeader } from './page-header';

/** The query a list shows: a TanStack Query result has these fields (no data while pending). */
interface ListQuery<Data> {
  error: unknown;
  data: Data | undefined;
}

interface ListPageProps<Data> {
  title: string;
  description?: string;
  /** The page's main actions (add, import), under its description. */
  actions?: ReactNode;
  /** Problems of those actions (an import refused, an update failed), above the filters. */
  notices?: ReactNode;
  /** The filters: usually a ListFilters row; the audit log brings its own panel. */
  filters?: ReactNode;
  query: ListQuery<Data>;
  /** The list once loaded: a ListTable, or the units' tree. */
  render: (data: Data) => ReactNode;
  /** What the page opens over the list: its forms and confirmations. */
  children?: ReactNode;
}

/**
 * The one pattern of a list page: heading, actions, notices, filters, then the list, or a loader
 * while it comes, or the server's error. Every administration list (frameworks, units, users,
 * periods, the audit log) is one of these, so they load, fail and read alike.
 */
export function ListPage<Data>({ title, description, actions, notices, filters, query, render, children }: ListPageProps<Data>) {
  return (
    <Stack>
      <PageHeader title={title} description={description} actions={actions} />
      {notices}
      {filters}
      {query.error ? <ErrorNotice error={query.error} /> : query.data === undefined ? <PageLoader /> : render(query.data)}
      {children}
    </Stack>
  );
}

/** A row of filters (a search box, a select, a checkbox) aligned on their inputs, wrapping on a phone. */
export function ListFilters({ children }: { children: ReactNode }) {
  return <Group align="flex-end">{children}</Group>;
}
