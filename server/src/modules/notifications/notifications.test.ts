/**
 * Notifications (issue 12) over HTTP and a real SMTP server: events written with their change, the
 * bell's list and count, e-mails once per notification through the job queue, deadline reminders
 * once per unit, and the administrator's failed-job view. On PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assessments as assessmentsTable, notifications, periods, users } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { startTestSmtpServer, type TestSmtpServer } from '../../test-support/test-smtp-server.js';
import { sendAppraisalReminders } from './appraisal-reminders.js';
import { sendDeadlineReminders } from './deadline-reminders.js';
import { EMAIL_QUEUE, sendNotificationEmail } from './email-delivery.js';
import { raiseResultsPublished } from './raise-events.js';

interface Listed {
  id: string;
  event: string;
  vi: { title: string; body: string };
  en: { title: string; body: string };
  link: string | null;
  readAt: string | null;
  emailStatus: string;
}

describe.each(TEST_DATABASE_KINDS)('notifications on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: Session;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let periodId: string;
  let dbpAssessment: string;
  const emails: Record<string, string> = {
    'nhaplieu.dbp': 'nhaplieu.dbp@dienbien.test',
    'lanhdao.dbp': 'lanhdao.dbp@dienbien.test',
    thamdinh: 'thamdinh@dienbien.test',
    quanly: 'quanly@dienbien.test',
  };

  let holderId: string;
  /** The messages that arrived for `address`, once there are `count` of them. */
  const mailsTo = async (address: string, count: number) => {
    await vi.waitFor(
      () => expect(smtp.received.filter((mail) => mail.to.includes(address)).length).toBeGreaterThanOrEqual(count),
      {
        timeout: 15_000,
        interval: 100,
      },
    );
    return smtp.received.filter((mail) => mail.to.includes(address));
  };
  const mine = async (session: Session) =>
    (await t.call(session, 'GET', '/api/v1/notifications?pageSize=200')).json() as {
      items: Listed[];
      unread: number;
      total: number;
    };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp(kind, { jobs: { smtpUrl: smtp.url } });
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    leader = await t.signIn('lanhdao.dbp');
    appraiser = await t.signIn('thamdinh');
    // The demo's own notifications (its periods were opened and published by the seed) are handed to
    // the e-mail queue at start, when nobody has an address yet: let them settle first.
    await t.jobs?.dispatchNow();
    await vi.waitFor(
      async () => {
        const rows = await t.database.db.select().from(notifications);
        expect(rows.filter((row) => ['pending', 'queued', 'sending'].includes(row.emailStatus))).toEqual([]);
      },
      { timeout: 15_000, interval: 100 },
    );
    for (const [username, email] of Object.entries(emails)) {
      const account = (await t.call(admin, 'GET', '/api/v1/users?pageSize=200'))
        .json()
        .items.find((user: { username: string }) => user.username === username);
      expect((await t.call(admin, 'PATCH', `/api/v1/users/${account.id}`, { email })).json().email).toBe(email);
    }
    const unitList = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ thử thông báo',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: unitList.filter((unit) => unit.code === 'DBP' || unit.code === 'DBI').map((unit) => unit.id),
      selfAssessmentDeadline: '2099-01-30',
      rebuttalEnabled: false,
    });
    expect(created.statusCode).toBe(201);
    periodId = created.json().id;
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('opening the self-assessment notifies the units’ reporters and leaders, in the app and by e-mail', async () => {
    const before = (await mine(reporter)).total;
    const opened = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    expect(opened.statusCode).toBe(200);
    const list = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    dbpAssessment = list.find((item) => item.unit.code === 'DBP')?.id as string;

    const reporterList = await mine(reporter);
    expect(reporterList.total).toBe(before + 1);
    const [opening] = reporterList.items;
    expect(opening).toMatchObject({ event: 'period.selfAssessmentOpened', link: `/don-vi/${dbpAssessment}`, readAt: null });
    expect(opening?.vi.body).toContain('Hạn nộp: 30/01/2099');
    expect(opening?.en.title).toBe('Self-assessment open: Kỳ thử thông báo');
    expect((await t.call(reporter, 'GET', '/api/v1/notifications/unread-count')).json().unread).toBe(reporterList.unread);
    expect((await mine(leader)).items[0]?.event).toBe('period.selfAssessmentOpened');
    // Neither the council nor the manager is a unit.
    expect((await mine(appraiser)).items.some((item) => item.event === 'period.selfAssessmentOpened')).toBe(false);

    // Two e-mails (DBP's reporter and leader; DBI's accounts have no address), each once.
    const toReporter = await mailsTo(emails['nhaplieu.dbp'] as string, 1);
    await mailsTo(emails['lanhdao.dbp'] as string, 1);
    expect(toReporter).toHaveLength(1);
    const mail = toReporter[0]?.parsed;
    expect(mail?.subject).toBe('Mở kỳ tự đánh giá: Kỳ thử thông báo / Self-assessment open: Kỳ thử thông báo');
    expect(mail?.text).toContain(`Xem trên OpenDTI: http://opendti.test/don-vi/${dbpAssessment}`);
    expect(mail?.text?.indexOf('— English —')).toBeGreaterThan(mail?.text?.indexOf('Hạn nộp') ?? 0);
    expect(mail?.html).toContain(`href="http://opendti.test/don-vi/${dbpAssessment}"`);
    expect(mail?.from?.text).toContain('no-reply@opendti.test');
    await expect.poll(async () => (await mine(reporter)).items[0]?.emailStatus).toBe('sent');
  });

  it('marks read one at a time or all at once; another user’s notification is not found', async () => {
    const [first] = (await mine(reporter)).items;
    expect((await t.call(leader, 'POST', `/api/v1/notifications/${first?.id}/read`)).statusCode).toBe(404);
    expect((await t.call(reporter, 'POST', `/api/v1/notifications/${first?.id}/read`)).statusCode).toBe(204);
    expect((await mine(reporter)).items[0]?.readAt).not.toBeNull();
    const all = await t.call(reporter, 'POST', '/api/v1/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect((await t.call(reporter, 'GET', '/api/v1/notifications/unread-count')).json().unread).toBe(0);
    expect((await t.call(undefined, 'GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
  });

  it('supplementation requested notifies the unit; answered notifies the appraiser who asked', async () => {
    expect(
      (await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/1.1`, { value: 'có', baseVersion: 0 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.call(leader, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'submit' })).statusCode,
    ).toBe(200);
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(200);
    const request = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.1`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung kế hoạch đã ký',
      dueOn: '2099-02-15',
      baseVersion: 0,
    });
    expect(request.statusCode).toBe(200);
    const [asked] = (await mine(leader)).items;
    expect(asked).toMatchObject({ event: 'supplementation.requested', link: `/don-vi/${dbpAssessment}` });
    expect(asked?.vi.body).toContain('trước ngày 15/02/2099');

    const { supplementationRequests } = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    const answer = (response: string) =>
      t.call(reporter, 'POST', `/api/v1/assessments/${dbpAssessment}/supplementation/${supplementationRequests[0].id}/response`, {
        response,
      });
    expect((await answer('Đã bổ sung Kế hoạch số 12/KH-UBND')).statusCode).toBe(204);
    // A corrected answer is not a second event.
    expect((await answer('Đã bổ sung Kế hoạch số 12/KH-UBND ngày 10/3')).statusCode).toBe(204);
    const answered = (await mine(appraiser)).items.filter((item) => item.event === 'supplementation.answered');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ link: `/tham-dinh/${dbpAssessment}` });
    expect((await mailsTo(emails.thamdinh as string, 1)).map((mail) => mail.parsed.subject)).toEqual([
      'Đơn vị đã giải trình chỉ số 1.1 / Supplementation answered on indicator 1.1',
    ]);

    // A request left unanswered past its due day: the hourly job tells the unit and the appraiser, once.
    const second = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.6`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung quyết định ban hành',
      dueOn: '2099-03-01',
      baseVersion: 0,
    });
    expect(second.statusCode, second.body).toBe(200);
    const dayAfter = new Date('2099-03-02T05:00:00Z');
    await sendAppraisalReminders(t.database.db, dayAfter);
    await sendAppraisalReminders(t.database.db, dayAfter);
    const overdue = async (session: Session) =>
      (await mine(session)).items.filter((item) => item.event === 'supplementation.overdue');
    expect((await overdue(leader)).map((item) => item.link)).toEqual([`/don-vi/${dbpAssessment}`]);
    expect(await overdue(appraiser)).toHaveLength(1);
    expect((await overdue(leader))[0]?.vi.title).toContain('1.6');
  });

  it('a change rolled back notifies nobody', async () => {
    const before = (await mine(leader)).total;
    // Already in appraisal: opening again is refused, inside the transaction that would have notified.
    const refused = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    expect(refused.statusCode).toBe(409);
    expect((await mine(leader)).total).toBe(before);
  });

  it('results published notify the units and the manager', async () => {
    const [published] = await t.database.db.select().from(periods).where(eq(periods.state, 'published'));
    if (!published) throw new Error('the demo has a published period');
    const now = new Date('2026-03-01T02:00:00Z');
    const written = await t.database.db.transaction((tx) => raiseResultsPublished(tx, published, now));
    expect(written).toBeGreaterThan(2);
    // Raised again for the same publication: nobody twice.
    expect(await t.database.db.transaction((tx) => raiseResultsPublished(tx, published, now))).toBe(0);
    expect((await mine(manager)).items[0]).toMatchObject({
      event: 'results.published',
      link: `/quan-tri/ky-danh-gia/${published.id}`,
    });
    expect((await mine(reporter)).items[0]?.link).toBe(`/ket-qua/${published.id}/district`);
  });

  it('a password reset by the administrator tells the account holder', async () => {
    const created = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'dat.lai.mat.khau',
      displayName: 'Người được đặt lại mật khẩu',
      role: 'appraiser',
      email: 'dat.lai@dienbien.test',
      password: 'Mat-khau-ban-dau-2024!',
    });
    expect(created.statusCode).toBe(201);
    holderId = created.json().id;
    const reset = await t.call(admin, 'POST', `/api/v1/users/${holderId}/reset-password`, {
      temporaryPassword: 'Tam-thoi-2024!',
    });
    expect(reset.statusCode).toBe(204);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.userId, holderId));
    expect(row?.event).toBe('account.passwordReset');
    const [mail] = await mailsTo('dat.lai@dienbien.test', 1);
    expect(mail?.parsed.subject).toBe(
      'Mật khẩu của bạn đã được quản trị viên đặt lại / Your password was reset by an administrator',
    );
    expect(mail?.parsed.text).not.toContain('Tam-thoi-2024!');
  });

  it('an e-mail job run again (a retry, a second process) sends nothing twice', async () => {
    const [sent] = await t.database.db.select().from(notifications).where(eq(notifications.emailStatus, 'sent'));
    if (!sent) throw new Error('an e-mail was sent');
    const count = smtp.received.length;
    const transport = { sendMail: async () => Promise.reject(new Error('must not be called')), close: () => {} };
    const again = await sendNotificationEmail(
      t.database.db,
      transport,
      { from: 'x@opendti.test', publicUrl: 'http://opendti.test', lastAttempt: false },
      sent.id,
      new Date(),
    );
    expect(again).toBe('already-sent');
    expect(smtp.received.length).toBe(count);
  });

  it('a refused e-mail is retried by the queue and arrives once', async () => {
    smtp.refuseNext(1, 'dat.lai@dienbien.test');
    const reset = await t.call(admin, 'POST', `/api/v1/users/${holderId}/reset-password`, {
      temporaryPassword: 'Tam-thoi-2025!',
    });
    expect(reset.statusCode).toBe(204);
    await mailsTo('dat.lai@dienbien.test', 2);
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, holderId));
    expect(smtp.refused).toEqual([['dat.lai@dienbien.test']]);
    expect(rows.map((row) => [row.emailStatus, row.emailAttempts]).sort()).toEqual([
      ['sent', 1],
      ['sent', 2],
    ]);
    // No third message comes later.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received.filter((mail) => mail.to.includes('dat.lai@dienbien.test'))).toHaveLength(2);
  });

  it('deadline reminders go to units not yet submitted, once each, on the period’s days', async () => {
    // A period of its own, open, deadline 30/01/2099: 7 days before is 23/01/2099 in Vietnam.
    const unitList = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2025,
      name: 'Kỳ thử nhắc hạn',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: unitList.filter((unit) => unit.code === 'DBP' || unit.code === 'DBI').map((unit) => unit.id),
      selfAssessmentDeadline: '2099-01-30',
      rebuttalEnabled: false,
    });
    const reminderPeriod = created.json().id as string;
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${reminderPeriod}/transitions`, { action: 'openSelfAssessment' }))
        .statusCode,
    ).toBe(200);
    const assessments = (await t.call(manager, 'GET', `/api/v1/periods/${reminderPeriod}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    const dbi = assessments.find((item) => item.unit.code === 'DBI')?.id as string;
    // DBI has submitted; DBP has not. (The demo has no DBI accounts: set the state directly.)
    await t.database.db.update(assessmentsTable).set({ state: 'submitted' }).where(eq(assessmentsTable.id, dbi));
    const sevenDaysBefore = new Date('2099-01-23T00:30:00Z');
    const firstRun = await sendDeadlineReminders(t.database.db, sevenDaysBefore);
    expect(firstRun).toBe(2);
    // The hourly runs of the same day, a retry, or another process: nothing more.
    expect(await sendDeadlineReminders(t.database.db, new Date('2099-01-23T05:00:00Z'))).toBe(0);
    // Not a reminder day.
    expect(await sendDeadlineReminders(t.database.db, new Date('2099-01-25T01:00:00Z'))).toBe(0);
    const reminders = (await mine(leader)).items.filter((item) => item.event === 'deadline.approaching');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.en.title).toBe('7 days left to submit the self-assessment');
    // The manager turns the 3-day reminder off; 1 day before still reminds.
    const changed = await t.call(manager, 'PUT', `/api/v1/periods/${reminderPeriod}/reminder-days`, { reminderDays: [1, 7] });
    expect(changed.json()).toEqual({ reminderDays: [7, 1] });
    expect(
      (await t.call(reporter, 'PUT', `/api/v1/periods/${reminderPeriod}/reminder-days`, { reminderDays: [2] })).statusCode,
    ).toBe(403);
    expect(
      (await t.call(manager, 'PUT', `/api/v1/periods/${reminderPeriod}/reminder-days`, { reminderDays: [0] })).statusCode,
    ).toBe(400);
    expect(await sendDeadlineReminders(t.database.db, new Date('2099-01-27T01:00:00Z'))).toBe(0);
    expect(await sendDeadlineReminders(t.database.db, new Date('2099-01-29T01:00:00Z'))).toBe(2);
    await expect
      .poll(() => smtp.received.filter((mail) => mail.parsed.subject?.startsWith('Còn 1 ngày')).length, { timeout: 15_000 })
      .toBe(2);
    expect(
      smtp.received
        .filter((mail) => mail.parsed.subject?.startsWith('Còn 1 ngày'))
        .flatMap((mail) => mail.to)
        .sort(),
    ).toEqual([emails['lanhdao.dbp'], emails['nhaplieu.dbp']].sort());
  });

  it('a user turns e-mail off per event (the unsubscribe link leads there); the app still lists it', async () => {
    const mail = (await mailsTo(emails['nhaplieu.dbp'] as string, 1))[0];
    expect(mail?.parsed.text).toContain('Không muốn nhận e-mail loại này / Unsubscribe: http://opendti.test/thong-bao/cai-dat');
    expect(JSON.stringify(mail?.parsed.headers.get('list'))).toContain('thong-bao/cai-dat');

    const preferences = (await t.call(reporter, 'GET', '/api/v1/notifications/preferences')).json();
    expect(preferences.events.find((row: { event: string }) => row.event === 'account.passwordReset')).toEqual({
      event: 'account.passwordReset',
      app: true,
      email: true,
      emailOptional: false,
    });
    const changed = await t.call(reporter, 'PUT', '/api/v1/notifications/preferences', {
      email: { 'supplementation.requested': false, 'account.passwordReset': false },
    });
    expect(changed.statusCode).toBe(200);
    const after = changed.json().events as { event: string; email: boolean }[];
    expect(after.find((row) => row.event === 'supplementation.requested')?.email).toBe(false);
    // Account events cannot be turned off.
    expect(after.find((row) => row.event === 'account.passwordReset')?.email).toBe(true);
    expect(
      (await t.call(reporter, 'PUT', '/api/v1/notifications/preferences', { email: { 'no.such.event': false } })).statusCode,
    ).toBe(400);

    const request = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.2`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung biên bản họp',
      dueOn: '2099-02-15',
      baseVersion: 0,
    });
    expect(request.statusCode).toBe(200);
    // The leader, who did not turn it off, is e-mailed; the reporter is not, but sees it in the app.
    const aboutIndicator = (address: string) =>
      smtp.received.filter((candidate) => candidate.to.includes(address) && candidate.parsed.subject?.includes('chỉ số 1.2'));
    await vi.waitFor(() => expect(aboutIndicator(emails['lanhdao.dbp'] as string)).toHaveLength(1));
    await vi.waitFor(async () => {
      const [latest] = (await mine(reporter)).items;
      expect(latest).toMatchObject({ event: 'supplementation.requested', emailStatus: 'opted-out' });
    });
    expect(aboutIndicator(emails['nhaplieu.dbp'] as string)).toHaveLength(0);
  });

  it('the administrator sees failed jobs with their error, and retries one', async () => {
    const jobs = t.jobs;
    if (!jobs) throw new Error('the queue runs');
    // An address the relay refuses every time: the job runs out of retries (5, one second apart here).
    await t.database.db.update(users).set({ email: 'khong-ton-tai@dienbien.test' }).where(eq(users.id, holderId));
    smtp.refuseNext(100, 'khong-ton-tai@dienbien.test');
    expect(
      (await t.call(admin, 'POST', `/api/v1/users/${holderId}/reset-password`, { temporaryPassword: 'Tam-thoi-2026!' }))
        .statusCode,
    ).toBe(204);
    const status = async () => (await t.call(admin, 'GET', '/api/v1/jobs')).json();
    await expect.poll(async () => (await status()).counts.failedJobs, { timeout: 20_000, interval: 500 }).toBe(1);
    const seen = await status();
    expect(seen.email).toEqual({ enabled: true, from: 'OpenDTI <no-reply@opendti.test>' });
    expect(seen.failed[0]).toMatchObject({ queue: EMAIL_QUEUE, attempts: 6 });
    expect(seen.failed[0].error).toContain('451');
    expect(seen.counts.failedEmails).toBe(1);
    expect((await t.call(manager, 'GET', '/api/v1/jobs')).statusCode).toBe(403);

    smtp.refuseNext(0);
    const retried = await t.call(admin, 'POST', `/api/v1/jobs/${EMAIL_QUEUE}/${seen.failed[0].id}/retry`);
    expect(retried.statusCode).toBe(204);
    expect(await mailsTo('khong-ton-tai@dienbien.test', 1)).toHaveLength(1);
    expect((await t.call(admin, 'POST', `/api/v1/jobs/${EMAIL_QUEUE}/${seen.failed[0].id}/retry`)).statusCode).toBe(404);
    expect((await t.call(admin, 'POST', `/api/v1/jobs/no-such-queue/${seen.failed[0].id}/retry`)).statusCode).toBe(404);
  }, 40_000);
});

describe('without SMTP_URL', () => {
  it('keeps notifying in the app, marks e-mail off, and tells the administrator', async () => {
    const t = await createTestApp('pglite', { jobs: {} });
    try {
      const admin = await t.signIn('quantri');
      const leader = await t.signIn('lanhdao.dbp');
      expect(
        (await t.call(admin, 'POST', `/api/v1/users/${leader.userId}/reset-password`, { temporaryPassword: 'Tam-thoi-2024!' }))
          .statusCode,
      ).toBe(204);
      await expect
        .poll(
          async () =>
            (await t.database.db.select().from(notifications).where(eq(notifications.userId, leader.userId)))[0]?.emailStatus,
        )
        .toBe('off');
      const status = (await t.call(admin, 'GET', '/api/v1/jobs')).json();
      expect(status).toMatchObject({ running: true, email: { enabled: false, from: null } });
    } finally {
      await t.close();
    }
  });
});
