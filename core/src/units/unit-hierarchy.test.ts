import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.js';
import { endsBeforeItBegins, parentLoop } from './unit-hierarchy.js';

describe('parentLoop', () => {
  const tree = new Map<string, string | null>([
    ['province', null],
    ['district', 'province'],
    ['commune', 'district'],
  ]);

  it.each([
    ['a unit under itself', 'district', 'district', ['district']],
    ['a unit under its child', 'district', 'commune', ['commune', 'district']],
    ['the root under a grandchild', 'province', 'commune', ['commune', 'district', 'province']],
    ['a unit under its parent again', 'commune', 'district', undefined],
    ['a unit made a root', 'commune', null, undefined],
    ['a unit under an unrelated unit', 'district', 'elsewhere', undefined],
  ])('%s', (_, unit, parent, loop) => {
    expect(parentLoop(tree, unit, parent)).toEqual(loop);
  });

  it('stops on a loop already in the data that does not pass through the unit', () => {
    const broken = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(parentLoop(broken, 'c', 'a')).toBeUndefined();
  });

  it('never lets random re-parenting make a loop: 200 random trees, 200 moves each', () => {
    const random = createSeededRandom(9);
    for (let round = 0; round < 200; round++) {
      const size = 2 + Math.floor(random() * 30);
      const parentOf = new Map<string, string | null>();
      for (let unit = 0; unit < size; unit++) {
        parentOf.set(`u${unit}`, unit === 0 || random() < 0.1 ? null : `u${Math.floor(random() * unit)}`);
      }
      for (let move = 0; move < 200; move++) {
        const unit = `u${Math.floor(random() * size)}`;
        const parent = random() < 0.1 ? null : `u${Math.floor(random() * size)}`;
        if (!parentLoop(parentOf, unit, parent)) parentOf.set(unit, parent);
      }
      // Every unit reaches a root within `size` steps: there is no loop.
      for (const start of parentOf.keys()) {
        let current: string | null | undefined = start;
        let steps = 0;
        while (current && steps <= size) {
          current = parentOf.get(current);
          steps++;
        }
        expect(current ?? null, `round ${round}, from ${start}`).toBeNull();
      }
    }
  });
});

describe('endsBeforeItBegins', () => {
  it.each([
    ['2025-07-01', '2025-06-30', true],
    ['2025-07-01', '2025-07-01', false],
    [null, '2025-06-30', false],
    ['2025-07-01', null, false],
  ])('from %s to %s: %s', (from, to, expected) => {
    expect(endsBeforeItBegins(from, to)).toBe(expected);
  });
});
