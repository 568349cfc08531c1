/**
 * The job queue (decision 0015) on the embedded database: a job survives a restart of the database
 * and the server, a failed attempt is retried after a delay, schedules are kept in Vietnam time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openEmbeddedDatabase } from '../db/database.js';
import { JobQueue, SCHEDULE_TIME_ZONE } from './job-queue.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('the job queue on PGlite', () => {
  const directories: string[] = [];
  afterAll(async () => {
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  });

  it('keeps a job across a restart and runs it once, then', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'opendti-jobs-'));
    directories.push(directory);
    const runs: unknown[] = [];
    const start = async () => {
      const database = await openEmbeddedDatabase(directory);
      const queue = new JobQueue(database, silent, { pollingIntervalSeconds: 0.5, schedules: false });
      queue.define<{ n: number }>({ queue: 'probe', run: async (data) => runs.push(data.n) });
      await queue.start();
      return { database, queue };
    };
    const first = await start();
    // Due in a few seconds: the server stops before it runs.
    await first.queue.boss.send('probe', { n: 1 }, { startAfter: 3 });
    await first.queue.stop(1000);
    await first.database.close();
    expect(runs).toEqual([]);

    const second = await start();
    try {
      await vi.waitFor(() => expect(runs).toEqual([1]), { timeout: 15_000, interval: 200 });
    } finally {
      await second.queue.stop(1000);
      await second.database.close();
    }
  }, 30_000);

  it('retries a failed attempt after its delay and keeps schedules in Vietnam time', async () => {
    const database = await openEmbeddedDatabase(undefined);
    const attempts: number[] = [];
    const queue = new JobQueue(database, silent, { pollingIntervalSeconds: 0.5, retry: { retryDelay: 1, retryBackoff: false } });
    queue.define({
      queue: 'flaky',
      schedule: '0 7 * * *',
      run: async () => {
        attempts.push(Date.now());
        if (attempts.length === 1) throw new Error('lần đầu lỗi');
      },
    });
    await queue.start();
    try {
      const id = await queue.boss.send('flaky', {});
      await vi.waitFor(() => expect(attempts).toHaveLength(2), { timeout: 15_000, interval: 200 });
      expect((attempts[1] as number) - (attempts[0] as number)).toBeGreaterThanOrEqual(900);
      await vi.waitFor(async () => expect((await queue.boss.getJobById('flaky', id as string))?.state).toBe('completed'));
      const [schedule] = await queue.boss.getSchedules('flaky');
      expect(schedule).toMatchObject({ cron: '0 7 * * *' });
      expect(JSON.stringify(schedule)).toContain(SCHEDULE_TIME_ZONE);
    } finally {
      await queue.stop(1000);
      await database.close();
    }
  }, 30_000);
});
