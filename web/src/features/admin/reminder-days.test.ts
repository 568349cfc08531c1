import { describe, expect, it } from 'vitest';
import { readReminderDays } from './reminder-days';

describe('reminder days as typed', () => {
  it.each([
    ['7, 3, 1', [7, 3, 1]],
    ['1 3 7', [7, 3, 1]],
    ['', []],
    ['14;7', [14, 7]],
  ])('%j → %j', (text, days) => expect(readReminderDays(text)).toEqual(days));
  it.each(['0', '61', '2.5', 'a', '1,2,3,4,5,6'])('refuses %j', (text) => expect(readReminderDays(text)).toBeUndefined());
});
