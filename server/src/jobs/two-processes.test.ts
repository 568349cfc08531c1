/**
 * Issue 12, "done when": two `opendti serve` processes on one PostgreSQL and a real SMTP server; a
 * deadline reminder is sent exactly once to each unit not yet submitted, although both processes
 * run the reminder job (it is sent four times here, and each process also runs its hourly schedule).
 * Runs when TEST_DATABASE_URL names a PostgreSQL server (`.ci/run` sets it), on the built CLI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Actor, addDays, vietnamDay } from '@opendti/core';
import { eq, inArray } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { assessments, units, users } from '../db/schema/index.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { installBuiltinFrameworks } from '../modules/frameworks/frameworks.service.js';
import { REMINDER_QUEUE } from '../modules/notifications/deadline-reminders.js';
import { createPeriod, transitionPeriod } from '../modules/periods/periods.service.js';
import { createUser } from '../modules/users/users.service.js';
import { buildIfStale, CLI, freePort } from '../test-support/built-cli.js';
import { openTestDatabase } from '../test-support/test-databases.js';
import { startTestSmtpServer, type TestSmtpServer } from '../test-support/test-smtp-server.js';
import { QUEUE_SCHEMA } from './job-queue.js';

const SUBMITTED = ['DBP', 'MLA', 'DBI'];

describe.runIf(process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL', () => {
  let database: DatabaseHandle;
  let smtp: TestSmtpServer;
  const children: ChildProcess[] = [];
  const outputs: string[] = [];
  let waiting: { code: string; email: string }[] = [];
  let submitted: string[] = [];

  beforeAll(async () => {
    buildIfStale();
    database = await openTestDatabase('postgres');
    const db = database.db;
    await installBuiltinFrameworks(db);
    const demo = await seedDemoData(db);
    if (!demo) throw new Error('the demo seeds an empty database');
    const [managerRow] = await db.select().from(users).where(eq(users.username, 'quanly'));
    const manager: Actor = { userId: managerRow?.id as string, role: 'periodManager' };
    const districts = await db.select().from(units).where(eq(units.kind, 'district'));
    // One reporter with an address per district (the demo's DBP accounts have none).
    for (const unit of districts) {
      await createUser(db, undefined, {
        username: `bao-cao.${unit.code.toLowerCase()}`,
        displayName: `Cán bộ ${unit.name}`,
        role: 'unitReporter',
        unitId: unit.id,
        email: `${unit.code.toLowerCase()}@don-vi.test`,
        password: 'Mat-khau-kiem-thu-2024!',
      });
    }
    // Seven days before the deadline is today, in Vietnam.
    const period = await createPeriod(db, manager, {
      year: 2098,
      name: 'Kỳ hai tiến trình',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: districts.map((unit) => unit.id),
      selfAssessmentDeadline: addDays(vietnamDay(new Date()), 7),
      rebuttalEnabled: false,
    });
    await transitionPeriod(db, manager, period.id, 'openSelfAssessment', undefined, new Date());
    const submittedIds = districts.filter((unit) => SUBMITTED.includes(unit.code)).map((unit) => unit.id);
    await db.update(assessments).set({ state: 'submitted' }).where(inArray(assessments.unitId, submittedIds));
    submitted = SUBMITTED.map((code) => `${code.toLowerCase()}@don-vi.test`);
    waiting = districts
      .filter((unit) => !SUBMITTED.includes(unit.code))
      .map((unit) => ({ code: unit.code, email: `${unit.code.toLowerCase()}@don-vi.test` }));

    smtp = await startTestSmtpServer();
    const url = (database.connection as { url: string }).url;
    for (let index = 0; index < 2; index++) {
      const port = await freePort();
      const child = spawn(process.execPath, [CLI, 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: String(port),
          SMTP_URL: smtp.url,
          MAIL_FROM: 'OpenDTI <no-reply@dienbien.test>',
          PUBLIC_URL: 'http://dti.dienbien.test',
          DEMO_DATA: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      outputs[index] = '';
      child.stdout?.on('data', (chunk) => {
        outputs[index] += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        outputs[index] += chunk;
      });
      await vi.waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`server ${index} exited:\n${outputs[index]}`);
          expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
        },
        { timeout: 60_000, interval: 250 },
      );
    }
  }, 240_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await smtp?.close();
    await database?.close();
  }, 60_000);

  it('sends each unit not yet submitted exactly one reminder, and each opening e-mail once', async () => {
    // The reminder job, sent four times: both processes take some; the notifications' keys decide.
    const url = (database.connection as { url: string }).url;
    const client = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, supervise: false, schedule: false, migrate: false });
    client.on('error', () => {});
    await client.start();
    for (let round = 0; round < 4; round++) await client.send(REMINDER_QUEUE, {});
    await client.stop({ graceful: false, close: true });

    const reminders = () => smtp.received.filter((mail) => mail.parsed.subject?.startsWith('Còn 7 ngày đến hạn nộp'));
    await vi.waitFor(() => expect(reminders().length).toBeGreaterThanOrEqual(waiting.length), { timeout: 60_000, interval: 250 });
    // Anything late or doubled would arrive within a few seconds more.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const recipients = reminders().flatMap((mail) => mail.to);
    expect(recipients.sort()).toEqual(waiting.map((unit) => unit.email).sort());
    for (const address of submitted) expect(recipients).not.toContain(address);
    const link = /Xem trên OpenDTI: (\S+)/.exec(reminders()[0]?.parsed.text ?? '')?.[1] ?? '';
    expect(link).toMatch(/^http:\/\/dti\.dienbien\.test\/don-vi\/[0-9a-f-]{36}$/);

    // The opening of the period, written before the servers started, was e-mailed once to each of the ten.
    const openings = smtp.received.filter((mail) => mail.parsed.subject?.startsWith('Mở kỳ tự đánh giá: Kỳ hai tiến trình'));
    expect(openings.flatMap((mail) => mail.to).sort()).toEqual([...waiting.map((unit) => unit.email), ...submitted].sort());
    for (const output of outputs) expect(output).not.toMatch(/"level":50/);
  }, 120_000);
});
