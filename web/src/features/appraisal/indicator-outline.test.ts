import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from './api-types';
import {
  acceptableRemaining,
  buildOutline,
  decideMode,
  decisionStatus,
  effectiveScopes,
  firstItemToAppraise,
  isInScope,
  neighbourCode,
} from './indicator-outline';

const indicator = (code: string, maxPoints?: number) => ({
  code,
  name: `Chỉ số ${code}`,
  nameEn: `Indicator ${code}`,
  ...(maxPoints === undefined ? {} : { maxPoints }),
  method: { type: 'direct' as const },
});

const framework = {
  id: 'f',
  name: 'Bộ chỉ số',
  mainIndices: [
    {
      code: '1',
      name: 'Nhận thức số',
      nameEn: 'Digital awareness',
      maxPoints: 15,
      indicators: [indicator('1.1', 5), indicator('1.2', 10)],
    },
    { code: '2', name: 'Đô thị thông minh', maxPoints: 0, unscored: true, indicators: [indicator('2.1', 0)] },
    // National DTI style: no points per indicator, so the main index is decided as one value.
    { code: '3', name: 'Hạ tầng số', maxPoints: 100, indicators: [indicator('3.1'), indicator('3.2')] },
    { code: '4', name: 'Nhân lực số', maxPoints: 20, indicators: [indicator('4.1', 20)] },
  ],
} as unknown as FrameworkDocument;

describe('buildOutline', () => {
  const outline = buildOutline(framework, 'vi');

  it('groups indicators by main index, skips unscored ones, and decides a value-scored main index as one item', () => {
    expect(outline.map((main) => [main.code, main.items.map((item) => item.code)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['3', ['3']],
      ['4', ['4.1']],
    ]);
    expect(outline[0]?.items[1]).toMatchObject({ code: '1.2', mainIndexCode: '1', maxPoints: 10, name: 'Chỉ số 1.2' });
    expect(outline[1]?.items[0]).toMatchObject({ code: '3', mainIndexCode: '3', maxPoints: 100 });
  });

  it('uses English names when there are any', () => {
    expect(buildOutline(framework, 'en')[0]).toMatchObject({ name: 'Digital awareness' });
    expect(buildOutline(framework, 'en')[1]).toMatchObject({ name: 'Hạ tầng số' });
  });

  it('moves to the next and previous item across main indices, stopping at the ends', () => {
    expect(neighbourCode(outline, '1.2', 1)).toBe('3');
    expect(neighbourCode(outline, '3', -1)).toBe('1.2');
    expect(neighbourCode(outline, '4.1', 1)).toBeUndefined();
    expect(neighbourCode(outline, '1.1', -1)).toBeUndefined();
    expect(neighbourCode(outline, 'unknown', 1)).toBe('1.1');
  });
});

describe('scopes and where to start', () => {
  const outline = buildOutline(framework, 'vi');

  it('follows core: no assignment means everything; a main index covers its indicators', () => {
    expect(isInScope([], '1.2', '1')).toBe(true);
    expect(isInScope(['1'], '1.2', '1')).toBe(true);
    expect(isInScope(['1.1'], '1.2', '1')).toBe(false);
    expect(isInScope(['1.2'], '1.2', '1')).toBe(true);
  });

  it('limits only appraisers', () => {
    expect(effectiveScopes({ role: 'appraiser', assignedScopes: ['1'] })).toEqual(['1']);
    expect(effectiveScopes({ role: 'councilChair', assignedScopes: ['1'] })).toEqual([]);
    expect(effectiveScopes(null)).toEqual([]);
  });

  it('starts at the first open item within the assignment', () => {
    const decided = [{ indicatorCode: '3', decision: 'accepted' as const }];
    expect(firstItemToAppraise(outline, decided, ['3', '4'])).toBe('4.1');
    expect(firstItemToAppraise(outline, [], ['3', '4'])).toBe('3');
    // A pending supplementation request still needs the council.
    expect(firstItemToAppraise(outline, [{ indicatorCode: '1.1', decision: 'supplementationRequested' }], [])).toBe('1.1');
    expect(firstItemToAppraise(outline, [], ['9'])).toBe('1.1');
  });

  it('reads an indicator’s decision', () => {
    const rows = [{ indicatorCode: '1.1', decision: 'adjusted' as const }];
    expect(decisionStatus('1.1', rows)).toBe('adjusted');
    expect(decisionStatus('1.2', rows)).toBe('undecided');
  });

  it('offers to accept only the undecided items within the assignment (never one waiting for supplementation)', () => {
    const main = outline[0];
    if (!main) throw new Error('no main index');
    expect(acceptableRemaining(main, [], [])).toEqual(['1.1', '1.2']);
    expect(acceptableRemaining(main, [{ indicatorCode: '1.1', decision: 'supplementationRequested' }], [])).toEqual(['1.2']);
    expect(acceptableRemaining(main, [], ['1.2'])).toEqual(['1.2']);
    expect(acceptableRemaining(main, [], ['4'])).toEqual([]);
  });
});

describe('decideMode', () => {
  const base = {
    role: 'appraiser' as const,
    scopes: ['1'],
    periodState: 'appraisal' as const,
    state: 'inAppraisal' as const,
    code: '1.2',
    mainIndexCode: '1',
  };

  it.each([
    [{}, { mode: 'full' }],
    [{ state: 'submitted' }, { mode: 'full' }],
    [{ state: 'supplemented' }, { mode: 'full' }],
    [{ state: 'supplementationRequested' }, { mode: 'requestsOnly' }],
    [{ state: 'finalised' }, { mode: 'none', reason: 'finalised' }],
    [{ state: 'draft' }, { mode: 'none', reason: 'notSubmitted' }],
    [{ periodState: 'selfAssessment' }, { mode: 'none', reason: 'periodState' }],
    [
      { code: '6.1', mainIndexCode: '6' },
      { mode: 'none', reason: 'scope' },
    ],
    [{ role: 'councilChair', code: '6.1', mainIndexCode: '6' }, { mode: 'full' }],
    [{ role: 'periodManager' }, { mode: 'none', reason: 'role' }],
    [{ role: 'unitLeader' }, { mode: 'none', reason: 'role' }],
  ] as const)('%j → %j', (change, expected) => {
    expect(decideMode({ ...base, ...change })).toEqual(expected);
  });
});
