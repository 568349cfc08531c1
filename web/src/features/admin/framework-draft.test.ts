import type { FrameworkDocument } from '@opendti/core';
import { describe, expect, it } from 'vitest';
import {
  draftFromDocument,
  type FrameworkDraft,
  indicatorSum,
  mainIndexSum,
  readDraft,
  switchMethodType,
} from './framework-draft';

const DOCUMENT: FrameworkDocument = {
  id: 'thu-2025',
  name: 'Bộ chỉ số thử 2025',
  year: 2025,
  unitKind: 'commune',
  legalBasis: { document: '1/QĐ-UBND', date: '2025-01-02', issuer: 'UBND tỉnh' },
  aggregation: 'sum',
  maxPoints: 50,
  precision: 4,
  groups: [{ code: 'A', name: 'Nền tảng' }],
  mainIndices: [
    {
      code: '1',
      name: 'Nhận thức số',
      group: 'A',
      maxPoints: 30,
      indicators: [
        { code: '1.1', name: 'Trưởng ban', maxPoints: 10, method: { type: 'yesNo' }, guidance: 'Quyết định thành lập' },
        {
          code: '1.2',
          name: 'Số cuộc họp',
          maxPoints: 17.5,
          method: {
            type: 'thresholds',
            steps: [
              { atLeast: 4, points: 17.5 },
              { atLeast: 2, points: 7.5 },
            ],
          },
        },
        { code: '1.3', name: 'Tỷ lệ tập huấn', maxPoints: 2.5, method: { type: 'ratio', target: 0.9 } },
      ],
    },
    {
      code: '2',
      name: 'Thể chế số',
      group: 'A',
      maxPoints: 20,
      indicators: [{ code: '2.1', name: 'Kế hoạch', maxPoints: 20, method: { type: 'direct' } }],
    },
  ],
};

const edit = (change: (draft: FrameworkDraft) => void): FrameworkDraft => {
  const draft = draftFromDocument(structuredClone(DOCUMENT), 'vi');
  change(draft);
  return draft;
};
const at = (draft: FrameworkDraft, main: number, indicator: number) => {
  const found = draft.mainIndices[main]?.indicators[indicator];
  if (!found) throw new Error('no such indicator');
  return found;
};
const issuesOf = (draft: FrameworkDraft) => readDraft(draft, 'vi').issues.map((issue) => [issue.code, issue.key, issue.params]);

describe('framework drafts', () => {
  it('shows numbers with a decimal comma and percentages for ratio targets', () => {
    const draft = edit(() => {});
    expect(at(draft, 0, 1).maxPoints).toBe('17,5');
    expect(at(draft, 0, 1).method.steps).toEqual([
      { atLeast: '4', points: '17,5' },
      { atLeast: '2', points: '7,5' },
    ]);
    expect(at(draft, 0, 2).method.targetPercent).toBe('90');
    expect(indicatorSum(draft.mainIndices[0] as FrameworkDraft['mainIndices'][number])).toBe(30);
    expect(mainIndexSum(draft)).toBe(50);
  });

  it('gives back the same document when nothing changed, keeping every field it does not edit', () => {
    expect(
      readDraft(
        edit(() => {}),
        'vi',
      ),
    ).toEqual({ issues: [], document: DOCUMENT });
  });

  it('reads typed numbers (2,5 or 2.5) and edits names, points and methods', () => {
    const { document, issues } = readDraft(
      edit((draft) => {
        draft.name = ' Bộ chỉ số cấp xã 2025 ';
        at(draft, 0, 0).name = 'Người đứng đầu là Trưởng ban';
        at(draft, 0, 0).maxPoints = '12,5';
        at(draft, 0, 2).maxPoints = '0';
        at(draft, 0, 2).method = switchMethodType(at(draft, 0, 2).method, 'yesNo', '0');
        at(draft, 0, 1).method.steps = [
          { atLeast: '2', points: '5' },
          { atLeast: '5', points: '17.5' },
        ];
      }),
      'vi',
    );
    expect(issues).toEqual([]);
    expect(document?.name).toBe('Bộ chỉ số cấp xã 2025');
    expect(document?.mainIndices[0]?.indicators[0]).toEqual({
      code: '1.1',
      name: 'Người đứng đầu là Trưởng ban',
      maxPoints: 12.5,
      method: { type: 'yesNo' },
      guidance: 'Quyết định thành lập',
    });
    // Steps are kept highest first, as core expects.
    expect(document?.mainIndices[0]?.indicators[1]?.method).toEqual({
      type: 'thresholds',
      steps: [
        { atLeast: 5, points: 17.5 },
        { atLeast: 2, points: 5 },
      ],
    });
  });

  it('explains every problem and names the code it is about', () => {
    const draft = edit((draft) => {
      at(draft, 0, 0).name = ' ';
      at(draft, 0, 0).maxPoints = '12';
      at(draft, 0, 1).method.steps = [{ atLeast: '4', points: '20' }];
      at(draft, 0, 2).maxPoints = 'hai';
      at(draft, 1, 0).method = switchMethodType(at(draft, 1, 0).method, 'options', '20');
      (at(draft, 1, 0).method.options[0] as { label: string }).label = 'Người đứng đầu';
      at(draft, 1, 0).method.options.push({ code: 'full', label: 'Trùng', points: '5' });
      draft.maxPoints = '60';
    });
    expect(issuesOf(draft)).toEqual([
      ['1.1', 'issueNameRequired', { code: '1.1' }],
      ['1.2', 'issueStepAboveMax', { code: '1.2', atLeast: '4', points: '20', max: '17,5' }],
      ['1.3', 'issueNotANumber', { code: '1.3', value: 'hai' }],
      ['2.1', 'issueOptionDuplicate', { code: '2.1', option: 'full' }],
      ['', 'issueTotalMismatch', { code: '', sum: '50', max: '60' }],
    ]);
    expect(readDraft(draft, 'vi').document).toBeUndefined();
  });

  it('points at an unfinished threshold by its position', () => {
    const draft = edit((draft) => {
      at(draft, 0, 1).method.steps.push({ atLeast: '', points: '' });
    });
    expect(issuesOf(draft)).toEqual([['1.2', 'issueStepIncomplete', { code: '1.2', position: 3 }]]);
    const typo = edit((draft) => {
      (at(draft, 0, 1).method.steps[0] as { points: string }).points = '1O';
    });
    expect(issuesOf(typo)).toEqual([['1.2', 'issueNotANumber', { code: '1.2', value: '1O' }]]);
  });

  it('checks that indicators add up to their main index', () => {
    const draft = edit((draft) => {
      at(draft, 0, 0).maxPoints = '12,5';
    });
    expect(issuesOf(draft)).toEqual([['1', 'issuePointsMismatch', { code: '1', sum: '32,5', max: '30' }]]);
  });

  it('requires the maxima of a sum framework, a maximum for thresholds, and a positive ratio target', () => {
    const draft = edit((draft) => {
      (draft.mainIndices[1] as FrameworkDraft['mainIndices'][number]).maxPoints = '';
      at(draft, 0, 1).maxPoints = '';
      at(draft, 0, 2).method.targetPercent = '0';
    });
    expect(issuesOf(draft).map(([code, key]) => `${code} ${key}`)).toEqual([
      '1.2 issueMethodNeedsMax',
      '1.3 issueTargetInvalid',
      '2 issueMaxRequired',
    ]);
  });
});
