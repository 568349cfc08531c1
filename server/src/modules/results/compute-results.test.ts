import { compileFramework, presentCohort, scoreCohort } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { describe, expect, it } from 'vitest';
import { fillScoreSheet } from './compute-results.js';

// The national DTI framework is scored from main-index values: each main index is answered as one
// item (the unit types a 0–1 value, stored as such) and the council adjusts it in points out of 100.
const dti = compileFramework(loadBuiltinFramework('dti-province-2022'));
const rows = [{ assessmentId: 'a1', code: 'DBI', name: 'Điện Biên' }];
const unitIndex = new Map([['a1', 0]]);
const answer = (code: string, value: number) => ({
  assessmentId: 'a1',
  indicatorCode: code,
  notAssessed: false,
  selfPoints: value,
  rawNumber: null,
});

function mainIndexPoints(decisions: Parameters<typeof fillScoreSheet>[4]) {
  const answers = dti.mainIndexNodes.map((nodeIndex) => answer(dti.nodes[nodeIndex]?.code ?? '', 0.5));
  const sheet = fillScoreSheet(dti, rows, unitIndex, answers, decisions);
  return presentCohort(scoreCohort(sheet)).units[0];
}

describe('fillScoreSheet', () => {
  it('reads a council adjustment of a main index as points out of its maximum, not as its value', () => {
    const accepted = mainIndexPoints([]);
    const adjusted = mainIndexPoints([{ assessmentId: 'a1', indicatorCode: '1', decision: 'adjusted', appraisedPoints: 60 }]);
    // Main index 1 answered 0,5 of 100 points (50) and adjusted to 60 points: +10 points overall.
    expect(accepted?.points).toBeGreaterThan(0);
    expect((adjusted?.points ?? 0) - (accepted?.points ?? 0)).toBeCloseTo(10, 6);
  });
});
