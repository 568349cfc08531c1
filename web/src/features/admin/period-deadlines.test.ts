import { describe, expect, it } from 'vitest';
import { defaultPublicationDue, defaultSelfAssessmentDeadline } from './period-deadlines';

describe('a period’s default schedule (seed 001)', () => {
  it('closes the self-assessment on 30 January of the following year', () => {
    expect(defaultSelfAssessmentDeadline(2024)).toBe('2025-01-30');
  });

  it('publishes by the end of the first quarter', () => {
    expect(defaultPublicationDue(2024)).toBe('2025-03-31');
  });
});
