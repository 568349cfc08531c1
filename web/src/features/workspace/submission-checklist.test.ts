import { describe, expect, it } from 'vitest';
import { type AnswerContent, EMPTY_CONTENT } from './autosave-machine';
import { answerGroups } from './framework-items';
import { buildChecklist, groupProgress, indicatorStatus } from './submission-checklist';

const groups = answerGroups({
  aggregation: 'sum',
  mainIndices: [
    {
      code: '1',
      name: 'Nhận thức số',
      maxPoints: 20,
      indicators: [
        { code: '1.1', name: 'Trưởng ban', maxPoints: 5, method: 'yesNo' },
        { code: '1.2', name: 'Cuộc họp', maxPoints: 10 },
        { code: '1.3', name: 'Chuyên mục', maxPoints: 5, method: { type: 'yesNo' } },
      ],
    },
    // Collected, not scored: nothing to answer.
    { code: '2', name: 'Đô thị thông minh', maxPoints: 0, unscored: true, indicators: [{ code: '2.1', name: 'x' }] },
    // No indicator points published: answered as a whole, by its 0–1 value.
    { code: '3', name: 'Hạ tầng số', maxPoints: 100, indicators: [{ code: '3.1', name: 'Mạng' }] },
  ],
});

const answer = (extra: Partial<AnswerContent>): AnswerContent => ({ ...EMPTY_CONTENT, ...extra });

describe('what the unit answers', () => {
  it('follows the server: indicators, a value-scored main index, no unscored main index', () => {
    expect(groups.map((group) => [group.code, group.items.map((item) => [item.code, item.method.type])])).toEqual([
      [
        '1',
        [
          ['1.1', 'yesNo'],
          ['1.2', 'direct'],
          ['1.3', 'yesNo'],
        ],
      ],
      ['3', [['3', 'mainIndexValue']]],
    ]);
  });
});

describe('submission checklist', () => {
  const contents: Record<string, AnswerContent> = {
    '1.1': answer({ value: 'có' }),
    '1.2': answer({ value: '7.5' }),
    '1.3': answer({ notAssessed: true, notAssessedReason: '' }),
  };
  const evidence: Record<string, number> = { '1.1': 2 };
  const checklist = buildChecklist(
    groups,
    (code) => contents[code],
    (code) => evidence[code] ?? 0,
    (code) => code === '1.2',
  );

  it('lists unanswered, evidence-less, reason-less and unsaved indicators', () => {
    expect(checklist).toEqual({
      unanswered: ['3'],
      withoutEvidence: ['1.2'],
      notAssessedWithoutReason: ['1.3'],
      unsaved: ['1.2'],
      blocking: true,
      total: 4,
    });
  });

  it('lets a complete, saved assessment through even with zero-point gaps', () => {
    const complete = buildChecklist(
      groups,
      (code) => (code === '3' ? undefined : answer({ value: 'có' })),
      () => 1,
      () => false,
    );
    expect([complete.blocking, complete.unanswered]).toEqual([false, ['3']]);
  });

  it('counts progress per main index the way the server does', () => {
    expect(
      groupProgress(
        groups[0] as (typeof groups)[number],
        (code) => contents[code],
        (code) => evidence[code] ?? 0,
      ),
    ).toEqual({ code: '1', total: 3, answered: 3, evidenceMissing: 1 });
  });

  it.each<[string, AnswerContent | undefined, number, string]>([
    ['no answer', undefined, 0, 'empty'],
    ['a blank value', answer({ value: '  ' }), 3, 'empty'],
    ['points only', answer({ points: 2 }), 0, 'noEvidence'],
    ['answered with evidence', answer({ value: 'không' }), 1, 'complete'],
    ['not assessed', answer({ notAssessed: true, notAssessedReason: 'Không áp dụng' }), 0, 'notAssessed'],
  ])('status: %s', (_name, content, count, status) => {
    expect(indicatorStatus(content, count)).toBe(status);
  });
});
