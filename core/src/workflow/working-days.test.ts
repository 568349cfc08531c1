import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days.js';

describe('working days (Monday–Friday)', () => {
  it('knows weekends', () => {
    expect(isWorkingDay('2025-06-06')).toBe(true); // Friday
    expect(isWorkingDay('2025-06-07')).toBe(false); // Saturday
    expect(isWorkingDay('2025-06-08')).toBe(false); // Sunday
    expect(isWorkingDay('2025-06-09')).toBe(true); // Monday
  });

  it('counts a window from the working day after the day it opens', () => {
    expect(addWorkingDays('2025-06-02', 5)).toBe('2025-06-09'); // Monday → next Monday
    expect(addWorkingDays('2025-06-06', 5)).toBe('2025-06-13'); // Friday → next Friday
    expect(addWorkingDays('2025-06-07', 1)).toBe('2025-06-09'); // Saturday → Monday
    expect(addWorkingDays('2025-06-04', 3)).toBe('2025-06-09'); // Wednesday → Monday over the weekend
    expect(addWorkingDays('2025-06-04', 0)).toBe('2025-06-04');
  });

  it('crosses months and years', () => {
    expect(addWorkingDays('2025-12-30', 5)).toBe('2026-01-06');
    expect(addWorkingDays('2024-02-27', 3)).toBe('2024-03-01'); // leap year
  });

  it('counts public holidays as working days (no holiday calendar yet)', () => {
    expect(addWorkingDays('2025-04-29', 2)).toBe('2025-05-01'); // 30/4 and 1/5 are holidays in Vietnam
  });

  it('refuses bad input', () => {
    expect(() => addWorkingDays('2025-02-30', 1)).toThrow(TypeError);
    expect(() => addWorkingDays('2025-06-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-06-02', 1.5)).toThrow(RangeError);
    expect(() => isWorkingDay('06/06/2025')).toThrow(TypeError);
  });
});
