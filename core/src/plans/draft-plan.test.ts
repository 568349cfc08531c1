import { describe, expect, it } from 'vitest';
import { readScoreRows } from '../scoring/read-score-rows.js';
import { scoreCohort } from '../scoring/score-cohort.js';
import { tableOf, tinyCohortScores, tinyFramework } from '../test-support/tiny-framework.js';
import { defaultDueOn, draftPlan, draftToPlan } from './draft-plan.js';
import { taskProblems } from './validate-plan.js';

const framework = tinyFramework();
const scores = tinyCohortScores();
const owners = [{ indicator: '3.2', lead: 'VP', coordinating: ['STTTT', 'SNV'] }];

describe('draftPlan for a cohort', () => {
  const draft = draftPlan(scores, { owners });

  it('lists every indicator with points lost, by points lost summed over the units, then units losing, then framework order', () => {
    // 3.2: U1 15 + U3 7.5; 1.3: U2 10 + U3 5 (U1 not assessed); 2.1: U2 5 + U3 10; 1.1: U3; 1.2: U1; 3.1: U1 7.5.
    expect(draft.tasks.map((task) => [task.order, task.code, task.lost, task.unitsLosing, task.unitsAssessed])).toEqual([
      [1, '3.2', 22.5, 2, 3],
      [2, '1.3', 15, 2, 2],
      [3, '2.1', 15, 2, 3],
      [4, '1.1', 10, 1, 3],
      [5, '1.2', 10, 1, 3],
      [6, '3.1', 7.5, 1, 3],
    ]);
    expect(draft.scope).toBe('cohort');
    expect(draft.year).toBe(2025);
    expect(draft.tasks.every((task) => task.whatIf === null && task.dueOn === '2025-12-31')).toBe(true);
  });

  it('counts the reasons and names the main one', () => {
    const byCode = new Map(draft.tasks.map((task) => [task.code, task]));
    expect(byCode.get('3.2')?.reasons).toEqual({ notAssessed: 1, notAccepted: 0, zero: 0, partial: 1 });
    expect(byCode.get('2.1')?.reasons).toEqual({ notAssessed: 0, notAccepted: 1, zero: 0, partial: 1 });
    expect(byCode.get('1.1')?.reason).toBe('zero');
    expect(byCode.get('3.2')?.analysis.vi).toBe(
      '2/3 đơn vị mất điểm, tổng 22,5 điểm (bình quân đạt 7,5/15 điểm); chủ yếu do không có số liệu, tài liệu kiểm chứng (1 đơn vị).',
    );
  });

  it('pre-fills the owner from the ownership table and groups tasks by main index', () => {
    expect(draft.tasks[0]).toMatchObject({ lead: 'VP', coordinating: ['STTTT', 'SNV'] });
    expect(draft.tasks[1]).toMatchObject({ lead: null, coordinating: [] });
    expect(draft.mainIndices).toEqual([
      { code: '1', name: 'Nhận thức số', lost: 35, tasks: ['1.3', '1.1', '1.2'] },
      { code: '2', name: 'Thể chế số', lost: 15, tasks: ['2.1'] },
      { code: '3', name: 'Hoạt động', lost: 30, tasks: ['3.2', '3.1'] },
    ]);
  });
});

describe('draftPlan for one unit', () => {
  it('orders by the value full marks would add, with the projected rank', () => {
    // U1 57.5/90 = 0.6389 (rank 3 behind U2 0.85 and U3 0.675).
    const draft = draftPlan(scores, { unitCode: 'U1', dueOn: '2025-06-30' });
    expect(draft.unit).toMatchObject({ code: 'U1', rank: 3 });
    expect(draft.tasks.map((task) => [task.code, task.lost, task.whatIf?.valueGain, task.whatIf?.projectedRank])).toEqual([
      ['3.2', 15, 0.1667, 2],
      ['1.2', 10, 0.1111, 2],
      ['3.1', 7.5, 0.0833, 2],
    ]);
    expect(draft.tasks[0]?.analysis).toEqual({
      vi: 'Đạt 0/15 điểm; mất 15 điểm do không có số liệu, tài liệu kiểm chứng.',
      en: 'Scored 0/15 points; lost 15 points because there was no answer or evidence.',
    });
    expect(draft.tasks[1]?.analysis.vi).toBe('Đạt 10/20 điểm; mất 10 điểm do mới đáp ứng một phần yêu cầu của chỉ số.');
    expect(draft.tasks.every((task) => task.dueOn === '2025-06-30')).toBe(true);
  });

  it('says when the council did not accept the self-assessed points', () => {
    const draft = draftPlan(scores, { unitCode: 'U3' });
    const task = draft.tasks.find((candidate) => candidate.code === '2.1');
    expect(task).toMatchObject({ reason: 'notAccepted', points: 20, selfPoints: 30 });
    expect(task?.analysis.vi).toBe(
      'Đạt 20/30 điểm (tự đánh giá 30); mất 10 điểm do Hội đồng thẩm định không công nhận đủ điểm tự đánh giá.',
    );
    expect(task?.text.vi).toBe('Nâng chỉ số 2.1 "Kế hoạch chuyển đổi số" lên tối đa 30 điểm; bổ sung đầy đủ tài liệu kiểm chứng');
  });

  it('refuses a unit outside the cohort', () => {
    expect(() => draftPlan(scores, { unitCode: 'NOPE' })).toThrow(RangeError);
  });
});

describe('defaultDueOn', () => {
  it('is the end of the year after the results', () => {
    expect(defaultDueOn(2022)).toBe('2023-12-31');
  });
});

describe('draftToPlan', () => {
  it('turns the draft into tasks not started and targets at full marks, which pass the task checks', () => {
    const draft = draftPlan(scores, { owners, unitCode: 'U1' });
    const { tasks, targets } = draftToPlan(draft);
    expect(tasks[0]).toEqual({
      id: '1',
      text: 'Nâng chỉ số 3.2 "Chủ trì" lên tối đa 15 điểm; bổ sung đầy đủ tài liệu kiểm chứng',
      indicators: ['3.2'],
      lead: 'VP',
      coordinating: ['STTTT', 'SNV'],
      product: 'Kế hoạch thực hiện và tài liệu kiểm chứng',
      startOn: null,
      dueOn: '2025-12-31',
      state: 'notStarted',
    });
    expect(targets.map((target) => [target.code, target.baseline, target.target])).toEqual([
      ['3.2', 0, 15],
      ['1.2', 10, 20],
      ['3.1', 7.5, 15],
    ]);
    const problems = taskProblems(tasks, {
      frameworkId: 'tiny',
      indicatorCodes: new Set(framework.indicatorNodes.map((node) => framework.nodes[node]?.code ?? '')),
      units: new Map(['VP', 'STTTT', 'SNV'].map((code) => [code, { code }])),
      plan: { year: 2025, date: '2025-02-01' },
    });
    expect(problems).toEqual([]);
  });
});

describe('draftPlan where main-index values were supplied', () => {
  it('works on the main index, not its indicators', () => {
    const mixed = scoreCohort(
      readScoreRows(
        framework,
        tableOf([
          ['V1', '1', '1'],
          ['V1', '2', '0,5'],
          ['V1', '3', '1'],
          ['V2', '1', '1'],
          ['V2', '2.1', '', '25'],
          ['V2', '3', '1'],
        ]),
      ).sheet,
    );
    const draft = draftPlan(mixed);
    // Main index 2: V1 supplied 0,5 (15 of 30 lost), V2 scored 25 on 2.1 (5 lost).
    expect(draft.tasks.map((task) => [task.level, task.code, task.lost, task.unitsLosing])).toEqual([['mainIndex', '2', 20, 2]]);
    expect(draft.tasks[0]?.text.vi).toBe('Nâng chỉ số chính 2 "Thể chế số" lên tối đa 30 điểm tại 2 đơn vị còn mất điểm');
  });
});
