import { describe, expect, it } from 'vitest';
import { groupMainIndices } from './framework-outline';

describe('groupMainIndices', () => {
  it('puts main indices under their groups, keeping their positions, and the ungrouped last', () => {
    const sections = groupMainIndices<{ code: string; group?: string }>(
      [
        { code: 'NT', name: 'Nền tảng' },
        { code: 'HD', name: 'Hoạt động' },
        { code: 'TRONG', name: 'Nhóm trống' },
      ],
      [
        { code: '1', group: 'NT' },
        { code: '2', group: 'HD' },
        { code: '3', group: 'NT' },
        { code: '4' },
        { code: '5', group: 'XX' },
      ],
    );
    expect(
      sections.map((section) => [section.code, section.mainIndices.map(({ item, position }) => `${item.code}@${position}`)]),
    ).toEqual([
      ['NT', ['1@0', '3@2']],
      ['HD', ['2@1']],
      [null, ['4@3', '5@4']],
    ]);
  });

  it('makes one section of a framework without groups', () => {
    expect(groupMainIndices<{ code: string; group?: string }>([], [{ code: '1' }, { code: '2' }])).toHaveLength(1);
  });
});
