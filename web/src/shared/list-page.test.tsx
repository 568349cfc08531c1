import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale';
import { ListPage } from './list-page';
import { type ListColumn, ListTable } from './list-table';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
  role: string;
  reason: string | null;
}

const columns: ListColumn<Row>[] = [
  { header: 'Tên', alone: true, cell: (row) => row.name },
  { header: 'Vai trò', cell: (row) => row.role },
  { header: 'Lý do', alone: (row) => !row.reason, cell: (row) => row.reason ?? '' },
  { header: 'Thao tác', hiddenHeader: true, cell: () => <button type="button">Sửa</button> },
];

function renderPage(query: { error: unknown; data: Row[] | undefined }) {
  render(
    <LocaleProvider>
      <MantineProvider>
        <ListPage
          title="Người dùng"
          query={query}
          render={(rows) => <ListTable rows={rows} columns={columns} rowKey={(row) => row.id} minWidth={600} empty="Không có" />}
        />
      </MantineProvider>
    </LocaleProvider>,
  );
}

describe('the list pattern', () => {
  it('labels each cell of a card with its column, except the cells that stand alone', () => {
    renderPage({
      error: null,
      data: [
        { id: '1', name: 'Nguyễn Văn A', role: 'Quản trị', reason: 'Đổi đơn vị' },
        { id: '2', name: 'Trần Thị B', role: 'Lãnh đạo', reason: null },
      ],
    });
    expect(screen.getByRole('heading', { name: 'Người dùng' })).toBeTruthy();
    expect(screen.getByText('Nguyễn Văn A').closest('td')?.dataset.label).toBeUndefined();
    expect(screen.getByText('Quản trị').closest('td')?.dataset.label).toBe('Vai trò');
    expect(screen.getByText('Đổi đơn vị').closest('td')?.dataset.label).toBe('Lý do');
    const rows = screen.getAllByRole('row');
    expect(rows[2]?.querySelectorAll('td[data-label]').length).toBe(1);
    // The actions column has a name for screen readers and none on the card.
    expect(screen.getByRole('columnheader', { name: 'Thao tác' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Sửa' })[0]?.closest('td')?.dataset.label).toBeUndefined();
  });

  it('says when the list is empty, across the whole row', () => {
    renderPage({ error: null, data: [] });
    expect(screen.getByText('Không có').closest('td')?.getAttribute('colspan')).toBe('4');
  });

  it('shows a loader while the list comes, and the server’s error when it fails', () => {
    renderPage({ error: null, data: undefined });
    expect(screen.getByRole('status')).toBeTruthy();
    cleanup();
    renderPage({ error: new Error('Máy chủ không trả lời'), data: undefined });
    expect(screen.getByRole('alert').textContent).toContain('Máy chủ không trả lời');
  });
});
