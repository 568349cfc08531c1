import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config/env.js';
import { lockDataDirectory } from './db/data-directory-lock.js';
import { type DatabaseHandle, openEmbeddedDatabase, openPostgresDatabase } from './db/database.js';
import { seedDemoData } from './demo/seed-demo-data.js';
import type { AppDependencies } from './http/api.js';
import type { BackgroundJobs } from './jobs/background-jobs.js';
import { installBuiltinFrameworks } from './modules/frameworks/frameworks.service.js';
import { startBackgroundJobs } from './start-background-jobs.js';
import { sweepTemporaryFiles } from './storage/local-evidence-storage.js';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: BackgroundJobs;
  address: string;
  /** Finishes requests in flight, closes the database, releases the data directory. */
  stop(): Promise<void>;
}

/**
 * Opens the database (embedded PGlite under DATA_DIR unless DATABASE_URL is set), applies the
 * committed migrations, installs the built-in frameworks, seeds the demo on first start, and listens.
 */
export async function openDatabase(config: ServerConfig): Promise<{ database: DatabaseHandle; release: () => void }> {
  if (config.databaseUrl) {
    return { database: await openPostgresDatabase(config.databaseUrl), release: () => {} };
  }
  const release = lockDataDirectory(config.dataDirectory);
  try {
    return { database: await openEmbeddedDatabase(join(config.dataDirectory, 'db')), release };
  } catch (error) {
    release();
    throw error;
  }
}

export async function startServer(config: ServerConfig, print: (line: string) => void): Promise<RunningServer> {
  const { database, release } = await openDatabase(config);
  let stopJobs = async () => {};
  try {
    await database.migrate();
    await installBuiltinFrameworks(database.db);
    // Temp files of uploads killed mid-write; with the embedded database this process alone uses DATA_DIR.
    if (!config.s3) await sweepTemporaryFiles(join(config.dataDirectory, 'files'), config.databaseUrl ? {} : { olderThanMs: 0 });
    if (config.demoData) {
      const seeded = await seedDemoData(database.db);
      if (seeded) {
        print('Dữ liệu mẫu (DEMO) đã được tạo. Tài khoản mẫu — chỉ in một lần, hãy đổi mật khẩu:');
        for (const account of seeded.accounts)
          print(`  ${account.role.padEnd(14)} ${account.username.padEnd(18)} ${account.password}`);
      }
    }
    const dependencies: AppDependencies = { config, database };
    const app = await buildApp(dependencies);
    // The job queue starts with the server: jobs left by a previous run (or a killed one) resume.
    // Routes read `dependencies.jobs` when they are called, after this.
    const jobs = await startBackgroundJobs(config, database, app.log);
    dependencies.jobs = jobs;
    stopJobs = () => jobs.stop();
    const address = await app.listen({ port: config.port, host: config.host });
    return {
      app,
      database,
      jobs,
      address,
      stop: async () => {
        // A client that stalls in the middle of its request or of its download (a mobile link gone
        // without closing) would hold the shutdown for ever: after the grace period its connection is cut.
        const cutStragglers = setTimeout(() => {
          app.log.warn({ graceMs: config.shutdownGraceMs }, 'shutdown grace period over: closing the connections still open');
          app.server.closeAllConnections();
        }, config.shutdownGraceMs);
        try {
          await app.close();
        } finally {
          clearTimeout(cutStragglers);
        }
        // Jobs in flight finish within the same grace; one cut short is retried at the next start.
        await jobs.stop(config.shutdownGraceMs);
        await database.close();
        release();
      },
    };
  } catch (error) {
    await stopJobs().catch(() => {});
    await database.close().catch(() => {});
    release();
    throw error;
  }
}
