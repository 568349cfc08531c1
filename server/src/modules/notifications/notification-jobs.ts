import type { Job } from 'pg-boss';
import type { ServerConfig } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import { type JobQueue, RETRY_POLICY } from '../../jobs/job-queue.js';
import type { MailTransport } from '../../mail/notification-mail.js';
import { sendAppraisalReminders } from './appraisal-reminders.js';
import { REMINDER_QUEUE, REMINDER_SCHEDULE, sendDeadlineReminders } from './deadline-reminders.js';
import { DISPATCH_QUEUE, dispatchPendingEmails, EMAIL_QUEUE, sendNotificationEmail } from './email-delivery.js';
import { sendPlanReminders } from './plan-reminders.js';
import { postNotificationWebhook, WEBHOOK_QUEUE } from './webhook-delivery.js';

export interface NotificationJobDependencies {
  db: Database;
  config: Pick<ServerConfig, 'mail' | 'publicUrl' | 'webhook'>;
  transport: MailTransport | undefined;
  now?: () => Date;
}

/** The notification jobs: the minute's dispatch sweep, one e-mail per notification, the deadline reminders. */
export function defineNotificationJobs(
  queue: JobQueue,
  { db, config, transport, now = () => new Date() }: NotificationJobDependencies,
): void {
  queue.define({
    queue: DISPATCH_QUEUE,
    schedule: '* * * * *',
    // A sweep that fails is simply the next minute's.
    retry: { retryLimit: 0 },
    run: () => dispatchPendingEmails(db, queue.boss, transport !== undefined, config.webhook !== undefined),
  });
  queue.define<{ notificationId: string }>({
    queue: EMAIL_QUEUE,
    run: (data, job) => {
      const { retryCount, retryLimit } = job as Job<{ notificationId: string }> & { retryCount?: number; retryLimit?: number };
      const lastAttempt = (retryCount ?? 0) >= (retryLimit ?? RETRY_POLICY.retryLimit);
      return sendNotificationEmail(
        db,
        transport,
        { from: config.mail?.from ?? '', publicUrl: config.publicUrl, lastAttempt },
        data.notificationId,
        now(),
      );
    },
  });
  const webhook = config.webhook;
  if (webhook)
    queue.define<{ notificationId: string }>({
      queue: WEBHOOK_QUEUE,
      run: (data) => postNotificationWebhook(db, webhook, config.publicUrl, data.notificationId, now()),
    });
  queue.define({
    queue: REMINDER_QUEUE,
    schedule: REMINDER_SCHEDULE,
    // The council's and the plans' reminders ride on the same hourly schedule: one job, one place to look.
    run: async () =>
      (await sendDeadlineReminders(db, now())) + (await sendAppraisalReminders(db, now())) + (await sendPlanReminders(db, now())),
  });
}
