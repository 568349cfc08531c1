import { describe, expect, it } from 'vitest';
import { forgetPublishedPeriod, type PublishedVersion, PublishedVersions } from './published-versions.js';

function counted(answer: PublishedVersion | undefined) {
  const calls: string[] = [];
  const versions = new PublishedVersions(async (periodId, unitKind) => {
    calls.push(`${periodId}/${unitKind}`);
    return answer;
  });
  return { versions, calls };
}

describe('PublishedVersions', () => {
  it('reads each cohort once while remembered, published or not', async () => {
    const { versions, calls } = counted({ etag: '"a"', key: '"a"@1' });
    expect(await versions.get('p1', 'district')).toEqual({ etag: '"a"', key: '"a"@1' });
    await versions.get('p1', 'district');
    await versions.get('p1', 'department');
    expect(calls).toEqual(['p1/district', 'p1/department']);

    const unpublished = counted(undefined);
    expect(await unpublished.versions.get('p2', 'district')).toBeUndefined();
    expect(await unpublished.versions.get('p2', 'district')).toBeUndefined();
    expect(unpublished.calls).toHaveLength(1);
    versions.dispose();
    unpublished.versions.dispose();
  });

  it('forgets a period after its transition, in every live cache, and only that period', async () => {
    const first = counted({ etag: '"a"', key: 'k' });
    const second = counted({ etag: '"b"', key: 'k' });
    for (const { versions } of [first, second]) {
      await versions.get('p1', 'district');
      await versions.get('p10', 'district');
    }
    forgetPublishedPeriod('p1');
    for (const { versions } of [first, second]) {
      await versions.get('p1', 'district');
      await versions.get('p10', 'district');
    }
    expect(first.calls).toEqual(['p1/district', 'p10/district', 'p1/district']);
    expect(second.calls).toEqual(['p1/district', 'p10/district', 'p1/district']);

    second.versions.dispose();
    forgetPublishedPeriod('p10');
    await second.versions.get('p10', 'district');
    expect(second.calls).toHaveLength(3); // a disposed cache no longer hears transitions
    first.versions.dispose();
  });
});
