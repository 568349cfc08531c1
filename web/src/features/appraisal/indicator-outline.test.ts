import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from './api-types';
import {
  acceptableRemaining,
  acceptableRemainingInUnit,
  buildOutline,
  decideModeOf,
  decisionStatus,
  firstItemToAppraise,
  type IndicatorActions,
  neighbourCode,
  selfPointsOf,
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

  it('shows a value-scored main index’s self answer as points out of its maximum, an indicator’s as stored', () => {
    const [mainIndexItem] = outline[1]?.items ?? [];
    const [indicatorItem] = outline[0]?.items ?? [];
    if (!mainIndexItem || !indicatorItem) throw new Error('outline');
    expect(selfPointsOf(mainIndexItem, { selfPoints: 0.375 })).toBe(37.5);
    expect(selfPointsOf(indicatorItem, { selfPoints: 4 })).toBe(4);
    expect(selfPointsOf(mainIndexItem, undefined)).toBeNull();
  });
});

/** The server's verdicts for an appraiser assigned main indices `reach`, while the council decides. */
const ALLOWED = { allowed: true };
const OUTSIDE = { allowed: false, reason: 'missing-capability' as const, message: 'ngoài phạm vi' };
const LOCKED = { allowed: false, reason: 'wrong-state' as const, message: 'đã khoá' };
const AWAITING = { allowed: false, reason: 'awaiting-unit' as const, message: 'chờ đơn vị' };
function actionsFor(reach: string[], decide = ALLOWED) {
  return (code: string): IndicatorActions => {
    const inReach = reach.length === 0 || reach.some((scope) => code === scope || code.startsWith(`${scope}.`));
    const verdict = inReach ? decide : OUTSIDE;
    return {
      code,
      answer: OUTSIDE,
      supplement: OUTSIDE,
      decide: verdict,
      requestSupplementation: verdict,
      contest: OUTSIDE,
      answerContest: LOCKED,
      withdrawSupplementation: LOCKED,
    };
  };
}

describe('where to start and what to accept', () => {
  const outline = buildOutline(framework, 'vi');

  it("starts at the first open item within the user's reach, as the server says it", () => {
    const decided = [{ indicatorCode: '3', decision: 'accepted' as const }];
    expect(firstItemToAppraise(outline, decided, actionsFor(['3', '4']))).toBe('4.1');
    expect(firstItemToAppraise(outline, [], actionsFor(['3', '4']))).toBe('3');
    // A pending supplementation request still needs the council.
    expect(firstItemToAppraise(outline, [{ indicatorCode: '1.1', decision: 'supplementationRequested' }], actionsFor([]))).toBe(
      '1.1',
    );
    expect(firstItemToAppraise(outline, [], actionsFor(['9']))).toBe('1.1');
    // One waiting for the unit's supplementation is skipped: the council decides the others meanwhile.
    const awaitingOneOne = (code: string) => (code === '1.1' ? actionsFor([], AWAITING)(code) : actionsFor([])(code));
    const requested = [{ indicatorCode: '1.1', decision: 'supplementationRequested' as const }];
    expect(firstItemToAppraise(outline, requested, awaitingOneOne)).toBe('1.2');
    // Locked (finalised) items are still the user's: the page opens within the assignment.
    expect(firstItemToAppraise(outline, [], actionsFor(['4'], LOCKED))).toBe('4.1');
  });

  it('reads an indicator’s decision', () => {
    const rows = [{ indicatorCode: '1.1', decision: 'adjusted' as const }];
    expect(decisionStatus('1.1', rows)).toBe('adjusted');
    expect(decisionStatus('1.2', rows)).toBe('undecided');
  });

  it('offers to accept only the undecided items the user may decide now (never one waiting for supplementation)', () => {
    const main = outline[0];
    if (!main) throw new Error('no main index');
    expect(acceptableRemaining(main, [], actionsFor([]))).toEqual(['1.1', '1.2']);
    expect(acceptableRemaining(main, [{ indicatorCode: '1.1', decision: 'supplementationRequested' }], actionsFor([]))).toEqual([
      '1.2',
    ]);
    expect(acceptableRemaining(main, [], actionsFor(['1.2']))).toEqual(['1.2']);
    expect(acceptableRemaining(main, [], actionsFor(['4']))).toEqual([]);
    expect(acceptableRemaining(main, [], actionsFor([], LOCKED))).toEqual([]);
  });

  it('offers the whole unit, main index after main index, within the user’s reach', () => {
    const requested = [{ indicatorCode: '1.1', decision: 'supplementationRequested' as const }];
    expect(acceptableRemainingInUnit(outline, requested, actionsFor([]))).toEqual(['1.2', '3', '4.1']);
    expect(acceptableRemainingInUnit(outline, [], actionsFor(['1.2', '4']))).toEqual(['1.2', '4.1']);
    expect(acceptableRemainingInUnit(outline, [], actionsFor([], LOCKED))).toEqual([]);
  });
});

describe('decideModeOf', () => {
  it("offers the decision, or nothing with the server's reason (an indicator waiting for the unit)", () => {
    expect(decideModeOf(actionsFor([])('1.1'))).toEqual({ mode: 'full' });
    const awaiting = { ...actionsFor([], LOCKED)('1.1'), requestSupplementation: LOCKED };
    expect(decideModeOf(awaiting)).toEqual({ mode: 'none', message: LOCKED.message });
    expect(decideModeOf(actionsFor(['4'])('1.1'))).toEqual({ mode: 'none', message: 'ngoài phạm vi' });
    expect(decideModeOf(undefined)).toEqual({ mode: 'none', message: '' });
  });
});
