import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider, useLocale } from '../../i18n/locale';
import type { AnswerItem } from './framework-items';
import { MethodFields } from './method-fields';
import { inputFromValue, inputProblem, type MethodInput, problemMessage } from './method-input';

afterEach(cleanup);

/** The fields as the indicator panel wires them: core's problem for what is typed, shown at the field. */
function Fields({ item }: { item: AnswerItem }) {
  const { locale } = useLocale();
  const [input, setInput] = useState<MethodInput>(() => inputFromValue(item.method, null));
  const problem = inputProblem(item, input);
  return (
    <MethodFields
      item={item}
      input={input}
      onChange={setInput}
      disabled={false}
      readOnly={false}
      error={problem ? problemMessage(problem, locale) : undefined}
    />
  );
}

function renderFields(item: AnswerItem) {
  render(
    <LocaleProvider>
      <MantineProvider>
        <Fields item={item} />
      </MantineProvider>
    </LocaleProvider>,
  );
}

const direct: AnswerItem = {
  code: '2.1',
  name: 'Kế hoạch',
  level: 'indicator',
  mainIndexCode: '2',
  maxPoints: 10,
  method: { type: 'direct' },
};

/** Types `text` one key at a time, as a clerk does: a clamp would cut it short on the way. */
function typeInto(field: HTMLElement, text: string) {
  for (let end = 1; end <= text.length; end++) fireEvent.change(field, { target: { value: text.slice(0, end) } });
}

describe('the fields of an indicator refuse impossible input where it is typed', () => {
  // Before: the points field clamped strictly to its maximum, so "12" in a 0–10 field kept "1" and said nothing.
  it('keeps "12" in a 0–10 points field and says it exceeds the maximum', () => {
    renderFields(direct);
    const field = screen.getByRole('textbox', { name: /Điểm/ });
    typeInto(field, '12');
    expect((field as HTMLInputElement).value).toBe('12');
    expect(screen.getByText('Điểm 12 vượt điểm tối đa 10 của "2.1"')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a ratio of 120 to 100 and says that a cannot exceed b', () => {
    renderFields({ ...direct, code: '3.1', method: { type: 'ratio' }, denominatorLabel: 'Tổng số cán bộ' });
    typeInto(screen.getByRole('textbox', { name: /Số đạt được/ }), '120');
    typeInto(screen.getByRole('textbox', { name: /Tổng số \(b\)/ }), '100');
    expect((screen.getByRole('textbox', { name: /Số đạt được/ }) as HTMLInputElement).value).toBe('120');
    expect(screen.getByText('Tỷ lệ 120/100 của "3.1" vượt 100%: tử số a (120) không được lớn hơn mẫu số b (100)')).toBeTruthy();
    // What b counts, as the framework says it.
    expect(screen.getByText('Tổng số cán bộ')).toBeTruthy();
  });

  it('lets a negative count be typed, and refuses it', () => {
    renderFields({
      ...direct,
      code: '1.2',
      method: { type: 'thresholds', steps: [{ atLeast: 1, points: 10 }] },
    });
    const field = screen.getByRole('textbox', { name: /Số lượng|Số/ });
    typeInto(field, '-1');
    expect((field as HTMLInputElement).value).toBe('-1');
    expect(screen.getByText('Giá trị -1 của "1.2" không được âm')).toBeTruthy();
  });

  it('states the step of a stepped indicator and refuses points off it', () => {
    renderFields({ ...direct, maxPoints: 2, pointsStep: 0.25 });
    expect(screen.getByText('Theo bước 0,25 điểm')).toBeTruthy();
    typeInto(screen.getByRole('textbox', { name: /Điểm/ }), '1,3');
    expect(screen.getByText('Điểm 1,3 của "2.1" không theo bước 0,25 điểm (gần nhất: 1,25 hoặc 1,5)')).toBeTruthy();
  });
});
