import { type AnswerNode, compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { describe, expect, it } from 'vitest';
import type { AnswerRow } from './answers.service.js';
import { isUnchanged, readImportRow } from './offline-import.service.js';

const dti = compileFramework(loadBuiltinFramework('dti-province-2022'));
const district = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
const node = (framework: typeof dti, code: string): AnswerNode =>
  framework.nodes[framework.nodeByCode.get(code) as number] as AnswerNode;

const stored = (answer: Partial<AnswerRow>): AnswerRow => ({
  assessmentId: '00000000-0000-0000-0000-000000000000',
  indicatorCode: '1',
  value: null,
  selfPoints: null,
  rawNumber: null,
  notAssessed: false,
  notAssessedReason: null,
  explanation: null,
  version: 1,
  updatedBy: null,
  updatedAt: new Date(0),
  ...answer,
});

describe('readImportRow: a row over the answer stored now', () => {
  it('keeps a main index typed as points when the file has no points column (regression: its 0–1 value was divided by the maximum again)', () => {
    // Main index 1 of DTI 2022 has 100 points; 70,36 points were stored as the value 0,7036.
    const read = readImportRow(node(dti, '1'), { explanation: 'Đã cập nhật' }, stored({ selfPoints: 0.7036 }));
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    expect(read.selfPoints).toBeCloseTo(0.7036, 12);
    expect(read.answer.explanation).toBe('Đã cập nhật');
  });

  it('keeps typed indicator points, and refuses points above the maximum with core’s problem', () => {
    const kept = readImportRow(node(district, '1.2'), { explanation: 'x' }, stored({ indicatorCode: '1.2', selfPoints: 7 }));
    expect(kept).toMatchObject({ selfPoints: 7, answer: { points: 7 } });
    expect(readImportRow(node(district, '1.2'), { points: '11' }, undefined)).toEqual({
      problems: [
        {
          code: 'input.points-above-max',
          params: { points: { vi: '11', en: '11' }, max: { vi: '10', en: '10' }, indicator: '1.2' },
        },
      ],
    });
  });

  it('takes a main index typed again as the same points as unchanged (regression: its points were compared with its 0–1 value)', () => {
    const existing = stored({ selfPoints: 0.7036 });
    const read = readImportRow(node(dti, '1'), { value: '', points: '70,36' }, existing);
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    expect(isUnchanged(existing, read.answer, read.selfPoints)).toBe(true);
  });
});
