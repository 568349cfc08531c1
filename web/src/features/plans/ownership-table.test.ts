import { describe, expect, it } from 'vitest';
import {
  assignedCount,
  assignGroup,
  commonOwner,
  isOwnershipDirty,
  ownershipGaps,
  ownershipGroups,
  ownershipStateOf,
  ownersToSave,
  setOwner,
} from './ownership-table';

const groups = ownershipGroups({
  mainIndices: [
    {
      code: '1',
      name: 'Nhận thức số',
      indicators: [
        { code: '1.1', name: 'a', method: { type: 'yesNo' } },
        { code: '1.2', name: 'b', method: { type: 'yesNo' } },
      ],
    },
    // A main index answered as its own value (national DTI) stands for itself.
    { code: '2', name: 'Thể chế số', indicators: [] },
  ],
});

describe('the ownership table', () => {
  it('lists every indicator by main index, a main index without indicators as its own row', () => {
    expect(groups.map((group) => group.indicators.map((indicator) => indicator.code))).toEqual([['1.1', '1.2'], ['2']]);
  });

  it('assigns a whole main index at once, or only its unassigned indicators; the lead never also coordinates', () => {
    const saved = [{ indicator: '1.2', lead: 'SNV', coordinating: [] }];
    const state = ownershipStateOf(groups, saved);
    const group = groups[0] as (typeof groups)[number];
    const all = assignGroup(state, group, { lead: 'STTTT', coordinating: ['STTTT', 'SNV'] });
    expect(all['1.1']).toEqual({ lead: 'STTTT', coordinating: ['SNV'] });
    expect(all['1.2']).toEqual({ lead: 'STTTT', coordinating: ['SNV'] });
    expect(commonOwner(group, all)).toEqual({ lead: 'STTTT', coordinating: ['SNV'] });
    const gaps = assignGroup(state, group, { lead: 'STTTT', coordinating: [] }, true);
    expect(gaps['1.2']).toEqual({ lead: 'SNV', coordinating: [] });
    expect(assignedCount(group, gaps)).toBe(2);
    expect(commonOwner(group, gaps)).toBeUndefined();
  });

  it('saves the indicators with a lead, in the framework’s order, and knows when nothing changed', () => {
    const saved = [{ indicator: '2', lead: 'SNV', coordinating: [] }];
    let state = ownershipStateOf(groups, saved);
    expect(isOwnershipDirty(groups, state, saved)).toBe(false);
    state = setOwner(state, '1.2', { lead: 'SYT', coordinating: ['SYT', 'STC'] });
    expect(ownersToSave(groups, state)).toEqual([
      { indicator: '1.2', lead: 'SYT', coordinating: ['STC'] },
      { indicator: '2', lead: 'SNV', coordinating: [] },
    ]);
    expect(isOwnershipDirty(groups, state, saved)).toBe(true);
  });

  it('finds coordinating units left without a lead', () => {
    const state = setOwner(ownershipStateOf(groups, []), '1.1', { lead: null, coordinating: ['SNV'] });
    expect(ownershipGaps(state)).toEqual(['1.1']);
  });
});
