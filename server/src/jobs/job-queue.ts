import type { FastifyBaseLogger } from 'fastify';
import { fromPglite, type Job, type JobResult, PgBoss, type WorkOptions } from 'pg-boss';
import type { DatabaseHandle } from '../db/database.js';

/** Vietnam time for every schedule, whatever the server's own zone (issue 12). */
export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** pg-boss keeps its tables in this schema, beside the application's (decision 0015). */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * Retries with backoff: 30 s, 1 min, 2 min … capped at an hour, five times; then the job stays
 * `failed` with its error, for the administrator to see and retry (GET /jobs/failed).
 */
export const RETRY_POLICY = { retryLimit: 5, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 } as const;

export interface JobDefinition<Data extends object = object> {
  queue: string;
  /** Runs one job; a throw is a failed attempt, retried by the policy. */
  run(data: Data, job: Job<Data>): Promise<unknown>;
  /** A cron line in Vietnam time, for a job the queue starts by itself. */
  schedule?: string;
  /** Overrides of the retry policy (a sweep that runs every minute need not retry). */
  retry?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; retryDelayMax?: number };
}

export interface JobQueueOptions {
  /** How often an idle worker looks for work; pg-boss's default is 2 s. */
  pollingIntervalSeconds?: number;
  /** Off in tests that run jobs by hand. */
  schedules?: boolean;
  /** Overrides of every queue's retry policy (tests retry within a second). */
  retry?: JobDefinition['retry'];
}

/**
 * The job queue: pg-boss over the database the server uses (decision 0015). On PGlite it runs on
 * the server's own instance; on PostgreSQL it has a small pool of its own, and every process of the
 * installation works the same queues, each job run by one of them.
 */
export class JobQueue {
  readonly boss: PgBoss;
  readonly #definitions: JobDefinition[] = [];
  readonly #log: Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>;
  readonly #options: JobQueueOptions;
  #started = false;

  constructor(database: DatabaseHandle, log: Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>, options: JobQueueOptions = {}) {
    this.#log = log;
    this.#options = options;
    const connection = database.connection;
    this.boss =
      connection.kind === 'pglite'
        ? new PgBoss({
            db: fromPglite(connection.client),
            backend: 'pglite',
            schema: QUEUE_SCHEMA,
            schedule: options.schedules ?? true,
          })
        : new PgBoss({
            connectionString: connection.url,
            schema: QUEUE_SCHEMA,
            max: 4,
            application_name: 'opendti-jobs',
            schedule: options.schedules ?? true,
          });
    // The queue's own troubles (a lost connection, a slow query) are logged, never thrown: a
    // notification that waits must not take the server down with it.
    this.boss.on('error', (error) => this.#log.error({ err: error }, 'job queue error'));
    this.boss.on('warning', (warning) => this.#log.warn({ warning: warning.message }, 'job queue warning'));
  }

  /** Adds a job kind; before start(). */
  define<Data extends object>(definition: JobDefinition<Data>): void {
    if (this.#started) throw new Error(`define ${definition.queue} before the queue starts`);
    this.#definitions.push(definition as unknown as JobDefinition);
  }

  /** Creates pg-boss's schema (migrating it when pg-boss is newer), the queues, the schedules, and starts working. */
  async start(): Promise<void> {
    await this.boss.start();
    for (const definition of this.#definitions) {
      const { retryDelayMax, ...fixed } = { ...RETRY_POLICY, ...this.#options.retry, ...definition.retry };
      // pg-boss takes a cap only for growing delays.
      const policy = fixed.retryBackoff ? { ...fixed, retryDelayMax } : fixed;
      await this.boss.createQueue(definition.queue, policy);
      // createQueue leaves an existing queue as it was: a changed policy is applied here.
      await this.boss.updateQueue(definition.queue, policy);
      // Up to 20 jobs a fetch, run one after the other, each settled on its own (a failure retries
      // that job only); while fetches come back full the worker fetches again at once (a backlog
      // of reminders drains without waiting for the poll).
      const work = {
        pollingIntervalSeconds: this.#options.pollingIntervalSeconds ?? 2,
        batchSize: 20,
        burstWhenBatchFull: true,
        includeMetadata: true,
        perJobResults: true,
      } as const satisfies WorkOptions;
      await this.boss.work<object>(definition.queue, work, async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          try {
            results.push({
              id: job.id,
              status: 'completed',
              output: { result: (await definition.run(job.data ?? {}, job)) ?? null },
            });
          } catch (error) {
            const failure = error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
            results.push({ id: job.id, status: 'failed', output: failure });
          }
        }
        return results;
      });
      if (definition.schedule && (this.#options.schedules ?? true)) {
        await this.boss.schedule(definition.queue, definition.schedule, null, { tz: SCHEDULE_TIME_ZONE });
      }
    }
    this.#started = true;
  }

  /** Lets jobs in flight finish (up to `timeoutMs`), then stops working. Jobs not finished stay in the database. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }

  /** The queues this server defines. */
  get queueNames(): string[] {
    return this.#definitions.map((definition) => definition.queue);
  }

  get started(): boolean {
    return this.#started;
  }
}
