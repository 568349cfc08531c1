import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { readConfig } from '../config/env.js';
import type { DatabaseHandle } from '../db/database.js';
import { type SeededDemo, seedDemoData } from '../demo/seed-demo-data.js';
import type { AppDependencies } from '../http/api.js';
import type { BackgroundJobs } from '../jobs/background-jobs.js';
import type { JobQueueOptions } from '../jobs/job-queue.js';
import { installBuiltinFrameworks } from '../modules/frameworks/frameworks.service.js';
import { startBackgroundJobs } from '../start-background-jobs.js';
import { openTestDatabase } from './test-databases.js';

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  demo: SeededDemo;
  /** Signs in a demo account by username through the real login route. */
  signIn(username: string): Promise<Session>;
  /** An HTTP call through app.inject, as that session (or anonymously), with the CSRF header on writes. */
  call(
    session: Session | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** The job queue and e-mail, when the test asked for them. */
  jobs: BackgroundJobs | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Starts the job queue (fast polling and retries, no schedules), e-mailing to `smtpUrl` when given. */
  jobs?: JobQueueOptions & { smtpUrl?: string; now?: () => Date; env?: Record<string, string> };
}

/** A server over a fresh migrated database holding the Điện Biên demo (units, one account per role, 2022 published, 2023 open). */
export async function createTestApp(kind: 'pglite' | 'postgres', options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  await installBuiltinFrameworks(database.db);
  const demo = (await seedDemoData(database.db)) as SeededDemo;
  const config = readConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://opendti.test',
    ...(options.jobs?.smtpUrl ? { SMTP_URL: options.jobs.smtpUrl, MAIL_FROM: 'OpenDTI <no-reply@opendti.test>' } : {}),
    ...options.jobs?.env,
  });
  const dependencies: AppDependencies = { config, database, logger: false };
  const app = await buildApp(dependencies);
  let jobs: BackgroundJobs | undefined;
  if (options.jobs) {
    const silent = { info: () => {}, warn: () => {}, error: () => {} };
    jobs = await startBackgroundJobs(config, database, silent, {
      pollingIntervalSeconds: 0.5,
      schedules: false,
      retry: { retryDelay: 1, retryBackoff: false },
      ...options.jobs,
    });
    dependencies.jobs = jobs;
  }
  const call: TestApp['call'] = (session, method, url, body) =>
    app.inject({
      method,
      url,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  return {
    app,
    database,
    demo,
    call,
    async signIn(username) {
      const account = demo.accounts.find((candidate) => candidate.username === username);
      if (!account) throw new Error(`no demo account ${username}`);
      const response = await call(undefined, 'POST', '/api/v1/auth/login', { username, password: account.password });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((candidate) => candidate.name === 'opendti_session');
      return { cookie: `opendti_session=${cookie?.value}`, csrfToken: response.json().csrfToken, userId: response.json().id };
    },
    jobs,
    async close() {
      await jobs?.stop(2000);
      await app.close();
      await database.close();
    },
  };
}
