import { describe, expect, it } from 'vitest';
import {
  countByFilter,
  countByStage,
  describeScopes,
  filterQueue,
  matchesQueueFilter,
  type QueueItem,
  queueStage,
  sortQueue,
} from './queue-filters';

const main = (code: string, undecidedCodes: string[]) => ({
  code,
  indicators: 4,
  accepted: 4 - undecidedCodes.length,
  adjusted: 0,
  lowered: 0,
  awaitingSupplementation: 0,
  undecided: undecidedCodes.length,
  undecidedCodes,
});

function item(overrides: Partial<QueueItem> & { code: string; name: string; kind?: string }): QueueItem {
  const { code, name, kind, ...rest } = overrides;
  const mainIndices = rest.mainIndices ?? [main('1', ['1.1', '1.2']), main('6', ['6.3'])];
  return {
    state: 'inAppraisal',
    adjusted: 0,
    undecided: mainIndices.reduce((sum, entry) => sum + entry.undecided, 0),
    undecidedForYou: mainIndices.reduce((sum, entry) => sum + entry.undecided, 0),
    // As the server says it (core's state rules): the council may decide while requests are open.
    awaitsCouncil: ['submitted', 'inAppraisal', 'supplementationRequested', 'supplemented'].includes(rest.state ?? 'inAppraisal'),
    awaitingUnit: 0,
    assignedToYou: false,
    supplementation: { open: 0, answered: 0, overdue: 0, latestDueOn: null },
    unit: { id: code, code, name, kind: kind ?? 'district' },
    ...rest,
    mainIndices,
  };
}

const dbp = item({ code: 'DBP', name: 'Thành phố Điện Biên Phủ', adjusted: 2, assignedToYou: true });
const dbi = item({ code: 'DBI', name: 'Huyện Điện Biên', state: 'submitted' });
const mlay = item({
  code: 'MLAY',
  name: 'Thị xã Mường Lay',
  state: 'supplemented',
  supplementation: { open: 0, answered: 1, overdue: 0, latestDueOn: '2024-02-15' },
  mainIndices: [main('1', []), main('6', ['6.3'])],
});
const done = item({ code: 'STC', name: 'Sở Tài chính', kind: 'department', state: 'finalised', mainIndices: [main('1', [])] });
const waiting = item({
  code: 'SYT',
  name: 'Sở Y tế',
  kind: 'department',
  state: 'supplementationRequested',
  supplementation: { open: 2, answered: 0, overdue: 1, latestDueOn: '2024-02-15' },
  // Everything left (1.1, 1.2 and 6.3) waits for the unit: two open requests, one answered, not sent back.
  awaitingUnit: 3,
});
/** A request open on 6.3, but 1.1 and 1.2 are still the council's to decide. */
const partly = item({
  code: 'TCH',
  name: 'Huyện Tuần Giáo',
  state: 'supplementationRequested',
  supplementation: { open: 1, answered: 1, overdue: 0, latestDueOn: '2024-02-15' },
  awaitingUnit: 1,
});
const all = [dbp, dbi, mlay, done, waiting, partly];

/** The same queue as an appraiser of main index 1 receives it: the server counts what is theirs. */
const forMainIndex1 = all.map((entry) => ({
  ...entry,
  undecidedForYou: entry.mainIndices.filter((main) => main.code === '1').reduce((sum, main) => sum + main.undecided, 0),
}));

describe('matchesQueueFilter', () => {
  it.each([
    ['assigned', ['DBP']],
    ['mine', ['DBP', 'DBI', 'MLAY', 'SYT', 'TCH']],
    ['pending', ['DBP', 'DBI', 'MLAY', 'TCH']],
    ['adjusted', ['DBP']],
    ['supplemented', ['MLAY', 'TCH']],
  ] as const)('%s', (filter, codes) => {
    expect(all.filter((entry) => matchesQueueFilter(entry, filter)).map((entry) => entry.unit.code)).toEqual(codes);
  });

  it('mine follows the assignment: an appraiser of main index 1 has nothing left at Mường Lay', () => {
    expect(forMainIndex1.filter((entry) => matchesQueueFilter(entry, 'mine')).map((entry) => entry.unit.code)).toEqual([
      'DBP',
      'DBI',
      'SYT',
      'TCH',
    ]);
  });

  it('counts a unit waiting for its supplementation once: the unit’s turn, not the council’s', () => {
    expect(queueStage(waiting)).toBe('unit');
    expect(matchesQueueFilter(waiting, 'pending')).toBe(false);
    expect(matchesQueueFilter(waiting, 'supplemented')).toBe(false);
    expect(queueStage(partly)).toBe('council');
    expect(countByStage(all)).toEqual({ council: 4, unit: 1, finalised: 1, draft: 0 });
    expect(Object.values(countByStage(all)).reduce((sum, count) => sum + count, 0)).toBe(all.length);
  });
});

describe('filterQueue', () => {
  const query = { filters: [], search: '', unitKind: null };

  it('combines filters with "and"', () => {
    expect(filterQueue(forMainIndex1, { ...query, filters: ['mine', 'pending'] }).map((entry) => entry.unit.code)).toEqual([
      'DBP',
      'DBI',
      'TCH',
    ]);
  });

  it('searches unit names and codes without diacritics', () => {
    expect(filterQueue(all, { ...query, search: 'dien bien' }).map((entry) => entry.unit.code)).toEqual(['DBP', 'DBI']);
    expect(filterQueue(all, { ...query, search: 'MUONG' }).map((entry) => entry.unit.code)).toEqual(['MLAY']);
    expect(filterQueue(all, { ...query, search: 'syt' }).map((entry) => entry.unit.code)).toEqual(['SYT']);
  });

  it('keeps one cohort', () => {
    expect(filterQueue(all, { ...query, unitKind: 'department' }).map((entry) => entry.unit.code)).toEqual(['STC', 'SYT']);
  });

  it('counts what each filter keeps on its own', () => {
    expect(countByFilter(all)).toEqual({ assigned: 1, mine: 5, pending: 4, adjusted: 1, supplemented: 2 });
  });
});

describe('sortQueue and describeScopes', () => {
  it('orders cohort by cohort, then by Vietnamese name (Đ after D)', () => {
    const named = (code: string, name: string, kind: string) => item({ code, name, kind });
    const items = [
      named('DBD', 'Huyện Điện Biên Đông', 'district'),
      named('STC', 'Sở Tài chính', 'department'),
      named('DTV', 'Huyện Duyên Tư', 'district'),
      named('BDT', 'Ban Dân tộc', 'department'),
      named('X', 'Đơn vị khác', 'other'),
    ];
    expect(sortQueue(items, ['department', 'district']).map((entry) => entry.unit.code)).toEqual([
      'BDT',
      'STC',
      'DTV',
      'DBD',
      'X',
    ]);
  });

  it('tells main indices from indicators by the period’s frameworks', () => {
    expect(describeScopes(['1', '2', '6.1'], new Set(['1', '2', '6']))).toEqual({ mainIndices: ['1', '2'], indicators: ['6.1'] });
  });
});
