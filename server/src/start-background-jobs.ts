import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from './config/env.js';
import type { DatabaseHandle } from './db/database.js';
import type { BackgroundJobs } from './jobs/background-jobs.js';
import { JobQueue, type JobQueueOptions } from './jobs/job-queue.js';
import { type CommitListener, listenForCommits } from './jobs/listen-for-commits.js';
import { createMailTransport, type MailTransport } from './mail/notification-mail.js';
import { dispatchPendingEmails } from './modules/notifications/email-delivery.js';
import { defineNotificationJobs } from './modules/notifications/notification-jobs.js';
import { NOTIFICATIONS_CHANNEL } from './modules/notifications/notify.js';

/**
 * The server's background work, started and stopped with it: the job queue with the notification
 * jobs and schedules, the e-mail transport, and the wake-up on committed notifications.
 */
export async function startBackgroundJobs(
  config: ServerConfig,
  database: DatabaseHandle,
  log: Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>,
  options: JobQueueOptions & { transport?: MailTransport; now?: () => Date } = {},
): Promise<BackgroundJobs> {
  const queue = new JobQueue(database, log, options);
  const transport = options.transport ?? (config.mail ? createMailTransport(config.mail) : undefined);
  defineNotificationJobs(queue, { db: database.db, config, transport, ...(options.now ? { now: options.now } : {}) });
  if (!transport) log.warn('SMTP_URL is not set: e-mail notifications are off (in-app notifications work)');
  await queue.start();
  const dispatchNow = () => dispatchPendingEmails(database.db, queue.boss, transport !== undefined, config.webhook !== undefined);
  // Wake-ups are coalesced: a burst of commits is one dispatch, and one runs at a time.
  let running: Promise<unknown> | undefined;
  let again = false;
  const wake = () => {
    if (running) {
      again = true;
      return;
    }
    running = dispatchNow()
      .catch((error) => log.warn({ err: error }, 'notification dispatch failed; the minute sweep will retry'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  let listener: CommitListener | undefined;
  try {
    listener = await listenForCommits(database, NOTIFICATIONS_CHANNEL, wake, log);
  } catch (error) {
    log.warn({ err: error }, 'no wake-up on commit: notifications are e-mailed by the minute sweep');
  }
  // What was committed before this start (a seed, a crash between a commit and its dispatch) goes now.
  wake();
  return {
    queue,
    mailEnabled: transport !== undefined,
    dispatchNow,
    stop: async (timeoutMs) => {
      await listener?.close();
      await running;
      await queue.stop(timeoutMs);
      transport?.close();
    },
  };
}
