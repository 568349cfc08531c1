import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale';
import { buildRankingRows, type ResultUnit } from './ranking-rows';
import { RankingTable } from './ranking-table';

afterEach(cleanup);

const unit = (code: string, name: string, value: number, rank: number, mainRank: number): ResultUnit => ({
  code,
  name,
  value,
  rank,
  percent: Math.round(value * 10000) / 100,
  points: value * 500,
  max: 500,
  mainIndices: [{ code: '1', name: 'Nhận thức số', points: null, max: 50, value: 1 - mainRank / 10, rank: mainRank }],
});

const rows = buildRankingRows(
  {
    framework: { precision: 4 },
    units: [unit('DBP', 'Thành phố Điện Biên Phủ', 0.8482, 1, 2), unit('MLA', 'Thị xã Mường Lay', 0.6829, 2, 1)],
  },
  { framework: { precision: 4 }, units: [unit('DBP', '', 0.8, 4, 1)] },
);

function renderTable(onSort = vi.fn(), mainView: 'values' | 'ranks' = 'ranks') {
  render(
    <LocaleProvider>
      <MantineProvider>
        <MemoryRouter>
          <RankingTable
            rows={rows}
            mainIndices={[{ code: '1', name: 'Nhận thức số' }]}
            mainView={mainView}
            sort={{ column: 'value', direction: 'desc' }}
            onSort={onSort}
            precision={4}
            withChange
            caption="Xếp hạng thử"
            unitHref={(code) => `/ket-qua/p/district/${code}`}
          />
        </MemoryRouter>
      </MantineProvider>
    </LocaleProvider>,
  );
  return onSort;
}

describe('RankingTable', () => {
  it('prints Vietnamese numbers, links each unit to its page and says rank changes in words', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Xếp hạng thử' });
    const dbp = within(table).getByRole('row', { name: /Thành phố Điện Biên Phủ/ });
    expect(within(dbp).getByText('0,8482')).toBeTruthy();
    expect(within(dbp).getByText('84,82%')).toBeTruthy();
    expect(within(dbp).getByText('tăng 3 hạng')).toBeTruthy();
    expect(within(dbp).getByText('+0,0482')).toBeTruthy();
    expect(within(dbp).getByRole('link', { name: 'Thành phố Điện Biên Phủ' }).getAttribute('href')).toBe(
      '/ket-qua/p/district/DBP',
    );
    const mla = within(table).getByRole('row', { name: /Thị xã Mường Lay/ });
    expect(within(mla).getByText('Mới')).toBeTruthy();
  });

  it('marks the sorted column for assistive technology and sorts from any header button', () => {
    const onSort = renderTable();
    const sorted = screen.getAllByRole('columnheader').filter((header) => header.getAttribute('aria-sort'));
    expect(sorted.map((header) => [header.textContent, header.getAttribute('aria-sort')])).toEqual([['Chỉ số↓', 'descending']]);
    fireEvent.click(screen.getByRole('button', { name: /Đơn vị/ }));
    fireEvent.click(screen.getByRole('button', { name: /1\. Nhận thức số/ }));
    expect(onSort.mock.calls).toEqual([['name'], ['main:1']]);
  });

  it('shows main-index values at the framework precision by default, and ranks when switched', () => {
    renderTable(vi.fn(), 'values');
    let table = screen.getByRole('table', { name: 'Xếp hạng thử' });
    expect(within(table).getByRole('columnheader', { name: 'Chỉ số chính' })).toBeTruthy();
    let dbp = within(table).getByRole('row', { name: /Thành phố Điện Biên Phủ/ });
    expect(within(dbp).getAllByRole('cell').at(-1)?.textContent).toBe('0,8000');
    cleanup();

    const onSort = renderTable(vi.fn(), 'ranks');
    table = screen.getByRole('table', { name: 'Xếp hạng thử' });
    expect(within(table).getByRole('columnheader', { name: 'Hạng theo chỉ số chính' })).toBeTruthy();
    dbp = within(table).getByRole('row', { name: /Thành phố Điện Biên Phủ/ });
    expect(within(dbp).getAllByRole('cell').at(-1)?.textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: /1\. Nhận thức số/ }));
    expect(onSort.mock.calls).toEqual([['main:1']]);
  });

  it('sorts a values column by the main index value', () => {
    const onSort = renderTable(vi.fn(), 'values');
    fireEvent.click(screen.getByRole('button', { name: /1\. Nhận thức số/ }));
    expect(onSort.mock.calls).toEqual([['mainValue:1']]);
  });

  it('shows the pillars instead of the main indices where asked', () => {
    const onSort = vi.fn();
    const withPillars = buildRankingRows({
      framework: { precision: 4 },
      units: [
        {
          ...unit('HN', 'Hà Nội', 0.7, 1, 1),
          pillars: [{ code: 'CQS', name: 'Chính quyền số', points: null, max: null, value: 0.6123, rank: 3 }],
        },
      ],
    });
    render(
      <LocaleProvider>
        <MantineProvider>
          <MemoryRouter>
            <RankingTable
              rows={withPillars}
              mainIndices={[{ code: '1', name: 'Nhận thức số' }]}
              pillars={[{ code: 'CQS', name: 'Chính quyền số' }]}
              nodeColumns="pillars"
              sort={{ column: 'rank', direction: 'asc' }}
              onSort={onSort}
              precision={4}
              withChange={false}
              caption="Trụ cột"
              unitHref={(code) => `/ket-qua/p/province/${code}`}
            />
          </MemoryRouter>
        </MantineProvider>
      </LocaleProvider>,
    );
    const table = screen.getByRole('table', { name: 'Trụ cột' });
    expect(within(table).getByRole('columnheader', { name: 'Trụ cột' })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: /Nhận thức số/ })).toBeNull();
    expect(within(table).getAllByRole('cell').at(-1)?.textContent).toBe('0,6123');
    fireEvent.click(within(table).getByRole('button', { name: /CQS\. Chính quyền số/ }));
    expect(onSort.mock.calls).toEqual([['pillarValue:CQS']]);
  });
});
