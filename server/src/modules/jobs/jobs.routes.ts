import { Type } from '@fastify/type-provider-typebox';
import type { Api, AppDependencies } from '../../http/api.js';
import { authorize } from '../../http/authenticate.js';
import { errorResponses } from '../../http/error-schema.js';
import { JobParams, JobStatusSchema } from '../notifications/notification-schemas.js';
import { readJobStatus, retryFailedJob } from './jobs.service.js';

/** The administrator's view of the background jobs: e-mail on or off, failed jobs and their retry. */
export function registerJobRoutes(api: Api, dependencies: AppDependencies): void {
  const db = dependencies.database.db;
  api.get(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Tác vụ nền và e-mail / background jobs and e-mail',
        operationId: 'getJobStatus',
        description:
          'Whether the job queue runs and e-mail is on (SMTP_URL), e-mails waiting or failed, and the last 100 failed jobs with their errors. Administrator only.',
        response: { 200: JobStatusSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'job.manage');
      return readJobStatus(db, dependencies.jobs, dependencies.config.mail?.from);
    },
  );
  api.post(
    '/jobs/:queue/:jobId/retry',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Chạy lại tác vụ lỗi / retry a failed job',
        operationId: 'createJobRetry',
        description: 'Puts a failed job back in its queue for one more attempt. Administrator only.',
        params: JobParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      authorize(request, 'job.manage');
      await retryFailedJob(db, dependencies.jobs, request.params.queue, request.params.jobId);
      return reply.status(204).send();
    },
  );
}
