import { DomainError, named } from '@opendti/core';
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { notifications } from '../../db/schema/index.js';
import type { BackgroundJobs } from '../../jobs/background-jobs.js';
import { QUEUE_SCHEMA } from '../../jobs/job-queue.js';

interface FailedJobRow {
  id: string;
  name: string;
  data: unknown;
  output: unknown;
  retry_count: number;
  created_on: Date | string;
  completed_on: Date | string | null;
}

/** The message of a failed job's output: pg-boss stores the thrown error, serialised. */
function errorOf(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String((output as { message: unknown }).message);
  return output === null || output === undefined ? '' : JSON.stringify(output);
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * The administrator's view of the background work: whether it runs and e-mail is on, how many
 * e-mails wait or failed, and the last 100 failed jobs with their errors. Read from pg-boss's job
 * table (decision 0015), which holds failed jobs until its retention ends.
 */
export async function readJobStatus(db: Database, jobs: BackgroundJobs | undefined, mailFrom: string | undefined) {
  const exists = await db.execute(sql`select to_regclass(${`${QUEUE_SCHEMA}.job`}) is not null as present`);
  const present = (exists as unknown as { rows: { present: boolean }[] }).rows[0]?.present === true;
  const failedRows: FailedJobRow[] = present
    ? (
        (await db.execute(
          sql.raw(
            `select id, name, data, output, retry_count, created_on, completed_on from ${QUEUE_SCHEMA}.job where state = 'failed' order by completed_on desc nulls last limit 100`,
          ),
        )) as unknown as { rows: FailedJobRow[] }
      ).rows
    : [];
  const failedJobs = present
    ? Number(
        (
          (await db.execute(sql.raw(`select count(*)::int as n from ${QUEUE_SCHEMA}.job where state = 'failed'`))) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n ?? 0,
      )
    : 0;
  const byStatus = await db
    .select({ status: notifications.emailStatus, n: count() })
    .from(notifications)
    .where(sql`${notifications.emailStatus} in ('pending', 'queued', 'sending', 'failed')`)
    .groupBy(notifications.emailStatus);
  const of = (status: string) => byStatus.find((row) => row.status === status)?.n ?? 0;
  return {
    running: jobs?.queue.started === true,
    email: { enabled: jobs?.mailEnabled === true, from: jobs?.mailEnabled ? (mailFrom ?? null) : null },
    counts: { pendingEmails: of('pending') + of('queued') + of('sending'), failedEmails: of('failed'), failedJobs },
    failed: failedRows.map((row) => ({
      id: row.id,
      queue: row.name,
      data: row.data,
      error: errorOf(row.output),
      attempts: row.retry_count + 1,
      createdAt: asDate(row.created_on),
      failedAt: row.completed_on === null ? null : asDate(row.completed_on),
    })),
  };
}

/** Puts a failed job back in its queue for one more attempt; a job that is not failed is not found. */
export async function retryFailedJob(
  db: Database,
  jobs: BackgroundJobs | undefined,
  queue: string,
  jobId: string,
): Promise<void> {
  if (!jobs?.queue.started) throw new DomainError('conflict', [{ code: 'job.queue-stopped' }]);
  if (!jobs.queue.queueNames.includes(queue))
    throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('failedJob', jobId) } }]);
  const result = (await jobs.queue.boss.retry(queue, jobId)) as { affected?: number; requested?: number };
  if (!result.affected)
    throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('failedJob', jobId) } }]);
  // An e-mail's row waits again rather than showing the failure it had.
  if (queue === 'notification-email')
    await db.update(notifications).set({ emailStatus: 'queued' }).where(eq(notifications.id, jobId));
}
