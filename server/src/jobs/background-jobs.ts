import type { JobQueue } from './job-queue.js';

/** The server's background work as the routes see it (started by start-background-jobs.ts). */
export interface BackgroundJobs {
  queue: JobQueue;
  /** Whether notification e-mails are sent (SMTP_URL set), for the administrator's page. */
  mailEnabled: boolean;
  /** Hands committed notifications to the e-mail queue now (what a commit's NOTIFY triggers). */
  dispatchNow(): Promise<number>;
  /** Lets jobs in flight finish (up to `timeoutMs`), then stops. */
  stop(timeoutMs?: number): Promise<void>;
}
