import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { LocaleProvider } from '../../i18n/locale';
import { TaskEditor } from './task-editor';
import { emptyTaskForm } from './task-form';

afterEach(cleanup);

const units = [{ group: 'Sở, ban, ngành', items: [{ value: 'SYT', label: 'Sở Y tế (SYT)' }] }];

function renderEditor(overrides: Partial<Parameters<typeof TaskEditor>[0]> = {}) {
  const props = {
    title: 'Nhiệm vụ mới',
    initial: emptyTaskForm({ year: 2023, date: '2023-01-01' }),
    plan: { date: '2023-01-01' },
    indicatorOptions: [],
    unitOptions: units,
    saving: false,
    error: null,
    onSave: vi.fn(),
    onCancel: vi.fn(),
    onReload: vi.fn(),
    ...overrides,
  };
  render(
    <MantineProvider>
      <LocaleProvider>
        <TaskEditor {...props} />
      </LocaleProvider>
    </MantineProvider>,
  );
  return props;
}

describe('the task row editor', () => {
  it('says in Vietnamese what is missing and where, and saves nothing', () => {
    const props = renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: /^Thời hạn/ }), { target: { value: '31/12/2022' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nhiệm vụ' }));
    expect(screen.getByText('Vui lòng nhập thông tin này.')).toBeTruthy();
    expect(screen.getByText('Thời hạn không được trước ngày của kế hoạch (01/01/2023).')).toBeTruthy();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('saves what was typed, and leaves the row on Escape', () => {
    const props = renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: /^Nhiệm vụ/ }), { target: { value: 'Ban hành quy chế' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nhiệm vụ' }));
    expect(props.onSave).toHaveBeenCalledWith(expect.objectContaining({ text: 'Ban hành quy chế', dueOn: '31/12/2023' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: /^Nhiệm vụ/ }), { key: 'Escape' });
    expect(props.onCancel).toHaveBeenCalled();
  });

  it('shows the server’s refusal at its field, and a stale version as a reload', () => {
    const refusal = new ApiError(400, 'plan.task-lead-inactive', 'x', [
      { code: 'plan.task-lead-inactive', message: 'đơn vị SYT không hoạt động trong năm 2023', location: { path: 'lead' } },
    ] as never);
    renderEditor({ error: refusal });
    expect(screen.getByText('Đơn vị SYT không hoạt động trong năm 2023')).toBeTruthy();
    cleanup();
    const props = renderEditor({ error: new ApiError(409, 'http.stale-version', 'cũ') });
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại kế hoạch' }));
    expect(props.onReload).toHaveBeenCalled();
  });
});
