/**
 * The authorization matrix (issue 3, §2 and §5): every role, and the anonymous public, against every
 * endpoint family, through HTTP. The expected statuses are written out as a literal table, so that
 * widening (or narrowing) a permission anywhere — in core's policy, in a route's resource context, in
 * the workflow's role table — breaks a row here, and a route of the OpenAPI document without a row
 * fails too. A row's request is built afresh for each caller when
 * the call changes state (a fresh draft period, a fresh piece of evidence…), so that every status in
 * the table says what the role may do, not what an earlier caller left behind.
 */
import { randomBytes } from 'node:crypto';
import { addDays, vietnamDay } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../documents/document-layout.js';
import { readDefaultTemplate } from '../documents/render-document.js';
import { DEMO_DISTRICT_CODES, syntheticBoundaries } from '../test-support/synthetic-boundaries.js';
import { createTestApp, type Session, type TestApp } from '../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../test-support/test-databases.js';

const WHO = ['anonymous', 'administrator', 'periodManager', 'unitReporter', 'unitLeader', 'appraiser', 'councilChair'] as const;
type Who = (typeof WHO)[number];
type SignedIn = Exclude<Who, 'anonymous'>;

/** The demo account of each role: the unit roles belong to Điện Biên Phủ (DBP); thamdinh appraises main indices 1–5. */
const DEMO_USERNAME: Record<SignedIn, string> = {
  administrator: 'quantri',
  periodManager: 'quanly',
  unitReporter: 'nhaplieu.dbp',
  unitLeader: 'lanhdao.dbp',
  appraiser: 'thamdinh',
  councilChair: 'chutich',
};

const FRAMEWORK = 'dienbien-2022-district';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A password that passes the strength rules, for accounts the tests create. */
const PASSWORD = 'Mat-khau-kiem-thu-2024!';

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A multipart upload instead of a JSON body. */
  upload?: Upload;
}

/** Statuses in the order of WHO: anonymous, administrator, periodManager, unitReporter, unitLeader, appraiser, councilChair. */
type Statuses = readonly [number, number, number, number, number, number, number];

interface Row {
  /** "METHOD /path" as in the OpenAPI document, so that a new route without a row is noticed. */
  route: string;
  /** What the row is about, when the route alone does not say it. */
  about?: string;
  expected: Statuses;
  /** Built for each caller, once the setup has run. */
  request: () => Call | Promise<Call>;
}

interface Upload {
  fileName: string;
  bytes: Buffer;
  /** application/pdf unless said. */
  type?: string;
}

function multipart(file: Upload): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----opendti${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.fileName}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(TEST_DATABASE_KINDS)('the authorization matrix on %s', (kind) => {
  let t: TestApp;
  const sessions = {} as Record<SignedIn, Session>;
  let dbiReporter: Session;
  let dbpUnitId: string;
  let dbiUnitId: string;
  let published2022: string;
  let open2023: string;
  /** 2023, still in self-assessment: DBP's own draft and another unit's (Huyện Điện Biên, DBI). */
  let dbpDraft: string;
  let dbiDraft: string;
  /** A period in appraisal where DBP's submitted assessment is being appraised. */
  let dbpInAppraisal: string;
  /** A period in appraisal where the council asked DBP for supplementation on indicator 1.1. */
  let dbpSupplementing: string;
  let supplementationRequestId: string;
  let dbpRebuttalOpen: string;
  let dbpRebuttalSubmitted: string;
  let rebuttalPeriod: string;
  /** The period of `dbpInAppraisal`: assignments and minutes. */
  let appraisalPeriodId: string;
  let minutesId: string;
  /** DBP under appraisal in a period of its own, where each caller withdraws a request made for it. */
  let dbpWithdrawing: string;
  let assignmentSequence = 0;
  let withdrawSequence = 0;
  let dbpEvidenceFile: string;
  let dbiEvidenceFile: string;
  let throwawayUserId: string;
  let throwawayUnitIds: [string, string];
  /** An imported framework no period uses: still editable. */
  let editableFramework: string;
  const COUNCIL_NOTE = `Ghi chú nội bộ của Hội đồng ${randomBytes(4).toString('hex')}`;
  let sequence = 0;
  const unique = (prefix: string) => `${prefix}${++sequence}${randomBytes(3).toString('hex')}`;

  const as = (who: Who, call: Call): Promise<LightMyRequestResponse> => {
    const session = who === 'anonymous' ? undefined : sessions[who];
    if (!call.upload) return t.call(session, call.method, call.url, call.body);
    const form = multipart(call.upload);
    return t.app.inject({
      method: call.method,
      url: call.url,
      payload: form.payload,
      headers: { ...form.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    });
  };

  async function ok(response: LightMyRequestResponse, status = 200): Promise<LightMyRequestResponse> {
    if (response.statusCode !== status) throw new Error(`setup: ${response.statusCode} ${response.body}`);
    return response;
  }

  async function signInWithPassword(username: string, password: string): Promise<Session> {
    const response = await ok(await t.call(undefined, 'POST', '/api/v1/auth/login', { username, password }));
    const cookie = response.cookies.find((candidate) => candidate.name === 'opendti_session');
    return { cookie: `opendti_session=${cookie?.value}`, csrfToken: response.json().csrfToken, userId: response.json().id };
  }

  /** A fresh period of the district cohort, in draft; `units` take part. */
  async function draftPeriod(unitIds: string[]): Promise<string> {
    const created = await ok(
      await as('periodManager', {
        method: 'POST',
        url: '/api/v1/periods',
        body: {
          year: 2024,
          cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
          unitIds,
          selfAssessmentDeadline: '2099-01-30',
        },
      }),
      201,
    );
    return created.json().id;
  }

  async function movePeriod(periodId: string, action: string): Promise<void> {
    await ok(await as('periodManager', { method: 'POST', url: `/api/v1/periods/${periodId}/transitions`, body: { action } }));
  }

  /** DBP's assessment in a fresh period open for self-assessment (deadline far away). */
  async function freshDbpDraft(): Promise<{ periodId: string; assessmentId: string }> {
    const periodId = await draftPeriod([dbpUnitId]);
    await movePeriod(periodId, 'openSelfAssessment');
    const list = await ok(await as('periodManager', { method: 'GET', url: `/api/v1/periods/${periodId}/assessments` }));
    return { periodId, assessmentId: list.json().items[0].id };
  }

  async function answer(assessmentId: string, code: string, body: Record<string, unknown>): Promise<void> {
    await ok(await as('unitReporter', { method: 'PUT', url: `/api/v1/assessments/${assessmentId}/answers/${code}`, body }));
  }

  async function submit(assessmentId: string): Promise<void> {
    await ok(
      await as('unitLeader', {
        method: 'POST',
        url: `/api/v1/assessments/${assessmentId}/transitions`,
        body: { action: 'submit' },
      }),
    );
  }

  /** The current version of an answer or a decision (0 when there is none), so that a save is never stale. */
  async function versionOf(assessmentId: string, list: 'answers' | 'appraisals', code: string): Promise<number> {
    const view = (await as('administrator', { method: 'GET', url: `/api/v1/assessments/${assessmentId}` })).json();
    return (view[list] as { indicatorCode: string; version: number }[]).find((row) => row.indicatorCode === code)?.version ?? 0;
  }

  async function assessmentOf(periodId: string, unitCode: string): Promise<string> {
    const list = await ok(await as('administrator', { method: 'GET', url: `/api/v1/periods/${periodId}/assessments` }));
    return (list.json().items as { id: string; unit: { code: string } }[]).find((item) => item.unit.code === unitCode)
      ?.id as string;
  }

  /** Makes sure the district cohort has a (synthetic) boundary map, uploaded by the administrator. */
  async function districtMap(): Promise<void> {
    await ok(
      await as('administrator', {
        method: 'PUT',
        url: '/api/v1/unit-maps/district',
        body: mapUpload(),
      }),
    );
  }
  const mapUpload = () => ({
    name: 'Ranh giới huyện (thử nghiệm)',
    fileName: 'huyen.geojson',
    content: JSON.stringify(syntheticBoundaries(DEMO_DISTRICT_CODES)),
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const who of WHO) if (who !== 'anonymous') sessions[who] = await t.signIn(DEMO_USERNAME[who]);

    const units = (await as('administrator', { method: 'GET', url: '/api/v1/units?kind=district&pageSize=200' })).json()
      .items as {
      id: string;
      code: string;
    }[];
    dbpUnitId = units.find((unit) => unit.code === 'DBP')?.id as string;
    dbiUnitId = units.find((unit) => unit.code === 'DBI')?.id as string;
    await ok(
      await as('administrator', {
        method: 'POST',
        url: '/api/v1/users',
        body: {
          username: 'nhaplieu.dbi',
          displayName: 'Nhập liệu huyện Điện Biên',
          role: 'unitReporter',
          unitId: dbiUnitId,
          password: PASSWORD,
        },
      }),
      201,
    );
    dbiReporter = await signInWithPassword('nhaplieu.dbi', PASSWORD);
    // An account the administrator creates must change its password before doing anything else.
    await ok(
      await t.call(dbiReporter, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-rieng` }),
      204,
    );

    const periods = (await as('administrator', { method: 'GET', url: '/api/v1/periods' })).json().items as {
      id: string;
      year: number;
    }[];
    published2022 = periods.find((period) => period.year === 2022)?.id as string;
    open2023 = periods.find((period) => period.year === 2023)?.id as string;
    dbpDraft = await assessmentOf(open2023, 'DBP');
    dbiDraft = await assessmentOf(open2023, 'DBI');

    const upload = async (session: Session, assessmentId: string, fileName: string) => {
      const form = multipart({ fileName, bytes: Buffer.concat([PDF, Buffer.from(`% ${fileName}\n`)]) });
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${assessmentId}/indicators/1.1/evidence`,
        payload: form.payload,
        headers: { ...form.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      });
      return (await ok(response, 201)).json().items[0].id as string;
    };
    dbpEvidenceFile = await upload(sessions.unitReporter, dbpDraft, 'bien-ban-dbp.pdf');
    dbiEvidenceFile = await upload(dbiReporter, dbiDraft, 'bien-ban-dbi.pdf');

    // DBP answered and submitted; the period moves to appraisal; an appraiser adjusts 1.2 with an internal note.
    const appraisalPeriod = await draftPeriod([dbpUnitId]);
    appraisalPeriodId = appraisalPeriod;
    await movePeriod(appraisalPeriod, 'openSelfAssessment');
    dbpInAppraisal = await assessmentOf(appraisalPeriod, 'DBP');
    await answer(dbpInAppraisal, '1.1', { value: 'có', baseVersion: 0 });
    await answer(dbpInAppraisal, '1.2', { points: 10, baseVersion: 0 });
    await submit(dbpInAppraisal);
    await movePeriod(appraisalPeriod, 'startAppraisal');
    await ok(
      await as('appraiser', {
        method: 'PUT',
        url: `/api/v1/assessments/${dbpInAppraisal}/appraisals/1.2`,
        body: {
          decision: 'adjusted',
          appraisedPoints: 5,
          reason: 'Chỉ có biên bản của hai cuộc họp',
          councilNote: COUNCIL_NOTE,
          baseVersion: 0,
        },
      }),
    );

    minutesId = (
      await ok(
        await as('councilChair', {
          method: 'POST',
          url: `/api/v1/periods/${appraisalPeriod}/council-minutes`,
          body: { meetingOn: '2025-03-01', memberIds: [sessions.councilChair.userId], decision: 'Thông qua' },
        }),
        201,
      )
    ).json().id;
    const withdrawPeriod = await draftPeriod([dbpUnitId]);
    await movePeriod(withdrawPeriod, 'openSelfAssessment');
    dbpWithdrawing = await assessmentOf(withdrawPeriod, 'DBP');
    await answer(dbpWithdrawing, '1.1', { value: 'có', baseVersion: 0 });
    await submit(dbpWithdrawing);
    await movePeriod(withdrawPeriod, 'startAppraisal');

    // Another DBP assessment, where the council asked for supplementation on 1.1.
    const supplementationPeriod = await draftPeriod([dbpUnitId]);
    await movePeriod(supplementationPeriod, 'openSelfAssessment');
    dbpSupplementing = await assessmentOf(supplementationPeriod, 'DBP');
    await answer(dbpSupplementing, '1.1', { value: 'có', baseVersion: 0 });
    await submit(dbpSupplementing);
    await movePeriod(supplementationPeriod, 'startAppraisal');
    await ok(
      await as('appraiser', {
        method: 'PUT',
        url: `/api/v1/assessments/${dbpSupplementing}/appraisals/1.1`,
        body: {
          decision: 'supplementationRequested',
          comment: 'Bổ sung quyết định thành lập',
          dueOn: '2099-02-15',
          baseVersion: 0,
        },
      }),
    );
    // A second request, answered by the matrix below, so that 1.1's stays open for supplementary evidence.
    await ok(
      await as('appraiser', {
        method: 'PUT',
        url: `/api/v1/assessments/${dbpSupplementing}/appraisals/1.3`,
        body: { decision: 'supplementationRequested', comment: 'Giải trình số cuộc họp', dueOn: '2099-02-15', baseVersion: 0 },
      }),
    );
    const supplementing = (await as('unitReporter', { method: 'GET', url: `/api/v1/assessments/${dbpSupplementing}` })).json();
    supplementationRequestId = (supplementing.supplementationRequests as { id: string; indicatorCode: string }[]).find(
      (request) => request.indicatorCode === '1.3',
    )?.id as string;

    // Two DBP assessments in the rebuttal round: 1.2 adjusted, results sent; in the second the unit's
    // contest of 1.2 is sent to the council.
    const inRebuttal = async (contestSent: boolean) => {
      const period = await draftPeriod([dbpUnitId]);
      await movePeriod(period, 'openSelfAssessment');
      const id = await assessmentOf(period, 'DBP');
      await answer(id, '1.2', { points: 10, baseVersion: 0 });
      await submit(id);
      await movePeriod(period, 'startAppraisal');
      await ok(
        await as('councilChair', {
          method: 'PUT',
          url: `/api/v1/assessments/${id}/appraisals/1.2`,
          body: { decision: 'adjusted', appraisedPoints: 5, reason: 'Thiếu văn bản', baseVersion: 0 },
        }),
      );
      await ok(
        await as('councilChair', { method: 'POST', url: `/api/v1/assessments/${id}/appraisals/accept-remaining`, body: {} }),
      );
      const transition = (who: Who, action: string) =>
        as(who, { method: 'POST', url: `/api/v1/assessments/${id}/transitions`, body: { action } });
      await ok(await transition('councilChair', 'sendResults'));
      if (contestSent) {
        await ok(
          await as('unitReporter', {
            method: 'PUT',
            url: `/api/v1/assessments/${id}/rebuttal/1.2`,
            body: { explanation: 'Đã có văn bản' },
          }),
        );
        await ok(await transition('unitLeader', 'submitRebuttal'));
      }
      return { period, id };
    };
    ({ period: rebuttalPeriod, id: dbpRebuttalOpen } = await inRebuttal(false));
    ({ id: dbpRebuttalSubmitted } = await inRebuttal(true));

    const throwaway = await ok(
      await as('administrator', {
        method: 'POST',
        url: '/api/v1/users',
        body: { username: 'tam.thoi', displayName: 'Tài khoản tạm', role: 'appraiser', password: PASSWORD },
      }),
      201,
    );
    throwawayUserId = throwaway.json().id;
    const unitIds: string[] = [];
    for (const code of ['XA-CU', 'XA-MOI']) {
      const unit = await ok(
        await as('administrator', {
          method: 'POST',
          url: '/api/v1/units',
          body: { code, name: `Xã thử ${code}`, kind: 'commune' },
        }),
        201,
      );
      unitIds.push(unit.json().id);
    }
    throwawayUnitIds = unitIds as [string, string];
    editableFramework = 'ma-tran-sua-duoc';
    await ok(
      await as('administrator', {
        method: 'POST',
        url: `/api/v1/frameworks/${FRAMEWORK}/clone`,
        body: { id: editableFramework, year: 2026 },
      }),
      201,
    );
  }, 180_000);
  afterAll(async () => t?.close());

  const assessment =
    (id: () => string, suffix = '') =>
    () =>
      `/api/v1/assessments/${id()}${suffix}`;
  const get = (url: () => string) => () => ({ method: 'GET' as const, url: url() });
  const scoreSheetTemplate = async (kind: DocumentKind = 'unit-score-sheet'): Promise<Upload> => ({
    fileName: `${kind}.docx`,
    bytes: await readDefaultTemplate(kind),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });

  /** A fresh plan of the manager's with one task led by DBP (and DBI coordinating); issued when asked. */
  async function planWithTask(issued: boolean): Promise<{ planId: string; taskId: string; version: number }> {
    const plan = await ok(
      await as('periodManager', {
        method: 'POST',
        url: '/api/v1/plans',
        body: {
          year: 2023,
          date: '2023-03-01',
          title: unique('Kế hoạch thử '),
          documentNumber: '12/KH-UBND',
          basis: [{ frameworkId: FRAMEWORK, source: published2022 }],
        },
      }),
      201,
    );
    const planId = plan.json().id as string;
    const task = await ok(
      await as('periodManager', {
        method: 'POST',
        url: `/api/v1/plans/${planId}/tasks`,
        body: {
          text: 'Ban hành kế hoạch chuyển đổi số',
          indicators: ['1.1'],
          lead: 'DBP',
          coordinating: ['DBI'],
          startOn: null,
          dueOn: '2023-12-31',
        },
      }),
      201,
    );
    if (issued) {
      await ok(
        await as('periodManager', { method: 'POST', url: `/api/v1/plans/${planId}/transitions`, body: { action: 'issue' } }),
      );
    }
    return { planId, taskId: task.json().id, version: task.json().version };
  }
  /** An issued plan as above whose one reporting round is open today; with a PDF from DBP on the task when asked. */
  async function planInRound(withEvidence = false) {
    const { planId, taskId } = await planWithTask(true);
    const dueOn = addDays(vietnamDay(new Date()), 30);
    await ok(
      // Version 2: created, then issued.
      await as('periodManager', {
        method: 'PATCH',
        url: `/api/v1/plans/${planId}`,
        body: { version: 2, reportingSchedule: [dueOn] },
      }),
    );
    let evidenceId = '';
    if (withEvidence) {
      const uploaded = await ok(
        await as('unitReporter', {
          method: 'POST',
          url: `/api/v1/plans/${planId}/tasks/${taskId}/evidence`,
          upload: { fileName: 'bao-cao-tien-do.pdf', bytes: PDF },
        }),
        201,
      );
      evidenceId = uploaded.json().items[0].id;
    }
    return { planId, taskId, dueOn, evidenceId };
  }
  const reference = () => ({
    documentNumber: `${++sequence}/QĐ-UBND`,
    documentDate: '15/03/2023',
    issuer: 'UBND thành phố Điện Biên Phủ',
    summary: 'Quyết định thành lập Ban chỉ đạo chuyển đổi số',
  });

  //                                                         anon admin manager reporter leader appraiser chair
  const ROWS: Row[] = [
    { route: 'GET /api/v1/status', expected: [200, 200, 200, 200, 200, 200, 200], request: get(() => '/api/v1/status') },
    { route: 'GET /api/v1/auth/me', expected: [401, 200, 200, 200, 200, 200, 200], request: get(() => '/api/v1/auth/me') },
    {
      route: 'POST /api/v1/auth/password',
      about: 'with a wrong current password (nobody’s password changes)',
      expected: [401, 400, 400, 400, 400, 400, 400],
      request: () => ({
        method: 'POST',
        url: '/api/v1/auth/password',
        body: { currentPassword: 'not-the-password', newPassword: 'Mat-khau-moi-2024!' },
      }),
    },

    // users
    { route: 'GET /api/v1/users', expected: [401, 200, 403, 403, 403, 403, 403], request: get(() => '/api/v1/users') },
    {
      route: 'POST /api/v1/users',
      expected: [401, 201, 403, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: '/api/v1/users',
        body: { username: unique('tv.'), displayName: 'Thành viên mới', role: 'appraiser', password: PASSWORD },
      }),
    },
    {
      route: 'PATCH /api/v1/users/{userId}',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: () => ({ method: 'PATCH', url: `/api/v1/users/${throwawayUserId}`, body: { displayName: unique('Tên ') } }),
    },
    {
      route: 'POST /api/v1/users/{userId}/reset-password',
      expected: [401, 204, 403, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/users/${throwawayUserId}/reset-password`,
        body: { temporaryPassword: 'Tam-thoi-2024!' },
      }),
    },

    // units
    { route: 'GET /api/v1/units', expected: [401, 200, 200, 200, 200, 200, 200], request: get(() => '/api/v1/units') },
    {
      route: 'GET /api/v1/units/{unitId}',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/units/${dbpUnitId}`),
    },
    {
      route: 'POST /api/v1/units',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: () => ({ method: 'POST', url: '/api/v1/units', body: { code: unique('XA'), name: 'Xã mới', kind: 'commune' } }),
    },
    {
      route: 'PATCH /api/v1/units/{unitId}',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({ method: 'PATCH', url: `/api/v1/units/${throwawayUnitIds[0]}`, body: { name: unique('Xã đổi tên ') } }),
    },
    {
      route: 'POST /api/v1/units/import',
      about: 'a preview (dryRun)',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: '/api/v1/units/import',
        body: { fileName: 'don-vi.csv', content: 'code,name,kind\nXA-NHAP,Xã nhập thử,commune\n', dryRun: true },
      }),
    },
    {
      route: 'POST /api/v1/units/replace',
      expected: [401, 204, 204, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: '/api/v1/units/replace',
        body: { replacedIds: [throwawayUnitIds[0]], replacementId: throwawayUnitIds[1], on: '2025-07-01' },
      }),
    },

    // frameworks
    { route: 'GET /api/v1/frameworks', expected: [401, 200, 200, 200, 200, 200, 200], request: get(() => '/api/v1/frameworks') },
    {
      route: 'GET /api/v1/frameworks/{frameworkId}',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/frameworks/${FRAMEWORK}`),
    },
    {
      route: 'GET /api/v1/frameworks/{frameworkId}/usage',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/frameworks/${FRAMEWORK}/usage`),
    },
    {
      route: 'POST /api/v1/frameworks/{frameworkId}/clone',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/frameworks/${FRAMEWORK}/clone`,
        body: { id: unique('ban-sao-'), year: 2026 },
      }),
    },
    {
      route: 'PUT /api/v1/frameworks/{frameworkId}',
      about: 'a framework no period uses yet',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => {
        const document = (await as('administrator', { method: 'GET', url: `/api/v1/frameworks/${editableFramework}` })).json();
        return {
          method: 'PUT',
          url: `/api/v1/frameworks/${editableFramework}`,
          body: { document: { ...document, name: unique('Bộ chỉ số sửa ') } },
        };
      },
    },
    {
      route: 'POST /api/v1/frameworks',
      about: 'import',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: '/api/v1/frameworks',
        body: {
          fileName: 'bo-chi-so.json',
          content: JSON.stringify({ ...loadBuiltinFramework(FRAMEWORK), id: unique('thu-nghiem-') }),
        },
      }),
    },

    // periods
    { route: 'GET /api/v1/periods', expected: [401, 200, 200, 200, 200, 200, 200], request: get(() => '/api/v1/periods') },
    {
      route: 'GET /api/v1/periods/{periodId}',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/periods/${open2023}`),
    },
    {
      route: 'POST /api/v1/periods',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: '/api/v1/periods',
        body: { year: 2026, cohorts: [{ unitKind: 'commune', frameworkId: FRAMEWORK }], unitIds: [] },
      }),
    },
    {
      route: 'POST /api/v1/periods/{periodId}/transitions',
      about: 'openSelfAssessment of a fresh draft period',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'POST',
        url: `/api/v1/periods/${await draftPeriod([])}/transitions`,
        body: { action: 'openSelfAssessment' },
      }),
    },
    {
      route: 'POST /api/v1/periods/{periodId}/transitions',
      about: 'publish during self-assessment (managers get past the access check, to the workflow’s 409)',
      expected: [401, 409, 409, 403, 403, 403, 403],
      request: () => ({ method: 'POST', url: `/api/v1/periods/${open2023}/transitions`, body: { action: 'publish' } }),
    },
    {
      route: 'POST /api/v1/periods/{periodId}/transitions',
      about: 'reopenPeriod of the published 2022 without a reason: the administrator’s alone (400 for the missing reason)',
      expected: [401, 400, 403, 403, 403, 403, 403],
      request: () => ({ method: 'POST', url: `/api/v1/periods/${published2022}/transitions`, body: { action: 'reopenPeriod' } }),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/results/{unitKind}',
      about: 'provisional (unpublished) results of a whole cohort',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(() => `/api/v1/periods/${open2023}/results/district`),
    },

    {
      route: 'GET /api/v1/periods/{periodId}/publication-preview',
      about: 'the table about to be published, with its warnings: for those who may publish',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: get(() => `/api/v1/periods/${open2023}/publication-preview`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/council-overview',
      about: 'the council’s work in progress across every unit',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(() => `/api/v1/periods/${open2023}/council-overview`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/status-board',
      about: 'the period manager’s board of every unit',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: get(() => `/api/v1/periods/${open2023}/status-board`),
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/deadline',
      about: 'extend a fresh DBP draft’s deadline: the period manager’s',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${(await freshDbpDraft()).assessmentId}/deadline`,
        body: { date: '2100-12-31', reason: 'Đơn vị đề nghị gia hạn' },
      }),
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/participation',
      about: 'take a fresh DBP draft out of its period: the period manager’s',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${(await freshDbpDraft()).assessmentId}/participation`,
        body: { participation: 'notParticipating', reason: 'Đơn vị sáp nhập' },
      }),
    },

    {
      route: 'GET /api/v1/periods/{periodId}/appraisal-assignments',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(() => `/api/v1/periods/${appraisalPeriodId}/appraisal-assignments`),
    },
    {
      route: 'POST /api/v1/periods/{periodId}/appraisal-assignments',
      about: 'the chair and the period manager share out the work',
      expected: [401, 201, 201, 403, 403, 403, 201],
      request: () => ({
        method: 'POST',
        url: `/api/v1/periods/${appraisalPeriodId}/appraisal-assignments`,
        body: { userId: sessions.appraiser.userId, unitId: dbpUnitId, mainIndexCode: String((assignmentSequence++ % 8) + 1) },
      }),
    },
    {
      route: 'DELETE /api/v1/periods/{periodId}/appraisal-assignments/{assignmentId}',
      expected: [401, 204, 204, 403, 403, 403, 204],
      request: async () => {
        const created = await ok(
          await as('councilChair', {
            method: 'POST',
            url: `/api/v1/periods/${appraisalPeriodId}/appraisal-assignments`,
            body: { userId: sessions.councilChair.userId, mainIndexCode: String((assignmentSequence++ % 8) + 1) },
          }),
          201,
        );
        return { method: 'DELETE', url: `/api/v1/periods/${appraisalPeriodId}/appraisal-assignments/${created.json().id}` };
      },
    },
    {
      route: 'GET /api/v1/periods/{periodId}/council-minutes',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(() => `/api/v1/periods/${appraisalPeriodId}/council-minutes`),
    },
    {
      route: 'POST /api/v1/periods/{periodId}/council-minutes',
      about: 'the chair alone records the sign-off',
      expected: [401, 403, 403, 403, 403, 403, 201],
      request: () => ({
        method: 'POST',
        url: `/api/v1/periods/${appraisalPeriodId}/council-minutes`,
        body: { meetingOn: '2025-03-02', memberIds: [sessions.councilChair.userId], decision: unique('Thông qua ') },
      }),
    },
    {
      route: 'PUT /api/v1/periods/{periodId}/council-minutes/{minutesId}',
      expected: [401, 403, 403, 403, 403, 403, 200],
      request: async () => {
        const listed = await ok(
          await as('councilChair', { method: 'GET', url: `/api/v1/periods/${appraisalPeriodId}/council-minutes` }),
        );
        const current = listed.json().items.find((item: { id: string }) => item.id === minutesId);
        return {
          method: 'PUT',
          url: `/api/v1/periods/${appraisalPeriodId}/council-minutes/${minutesId}`,
          body: {
            meetingOn: '2025-03-01',
            memberIds: [sessions.councilChair.userId],
            decision: unique('Thông qua, sửa '),
            baseVersion: current.version,
          },
        };
      },
    },

    // assessments
    {
      route: 'GET /api/v1/periods/{periodId}/assessments',
      about: 'a list filtered to what the caller may read (see below)',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/periods/${open2023}/assessments`),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}',
      about: 'DBP’s own draft',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(assessment(() => dbpDraft)),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}',
      about: 'another unit’s (DBI) draft',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(assessment(() => dbiDraft)),
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/answers/{indicatorCode}',
      about: 'DBP’s own draft',
      expected: [401, 403, 403, 200, 200, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${dbpDraft}/answers/1.3`,
        body: { value: 'có', explanation: unique('Giải trình '), baseVersion: await versionOf(dbpDraft, 'answers', '1.3') },
      }),
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/answers/{indicatorCode}',
      about: 'another unit’s (DBI) draft',
      expected: [401, 403, 403, 403, 403, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${dbiDraft}/answers/1.3`,
        body: { value: 'có', explanation: unique('Giải trình '), baseVersion: await versionOf(dbiDraft, 'answers', '1.3') },
      }),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}/template.xlsx',
      about: 'DBP’s own',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(assessment(() => dbpDraft, '/template.xlsx')),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}/template.xlsx',
      about: 'another unit’s (DBI)',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(assessment(() => dbiDraft, '/template.xlsx')),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/import',
      about: 'a spreadsheet of answers into DBP’s own draft',
      expected: [401, 403, 403, 200, 200, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpDraft}/import`,
        upload: { fileName: 'tra-loi.csv', bytes: Buffer.from('unit_code;indicator;value\r\nDBP;1.5;có\r\n'), type: 'text/csv' },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/import',
      about: 'into another unit’s (DBI) draft',
      expected: [401, 403, 403, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbiDraft}/import`,
        upload: { fileName: 'tra-loi.csv', bytes: Buffer.from('unit_code;indicator;value\r\nDBI;1.5;có\r\n'), type: 'text/csv' },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/transitions',
      about: 'submit a fresh draft of DBP: the unit leader signs',
      expected: [401, 403, 403, 403, 200, 403, 403],
      request: async () => ({
        method: 'POST',
        url: `/api/v1/assessments/${(await freshDbpDraft()).assessmentId}/transitions`,
        body: { action: 'submit' },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/transitions',
      about: 'returnToUnit a fresh submission: the period manager’s (the administrator is refused by the workflow)',
      expected: [401, 403, 200, 403, 403, 403, 403],
      request: async () => {
        const { assessmentId } = await freshDbpDraft();
        await submit(assessmentId);
        return {
          method: 'POST',
          url: `/api/v1/assessments/${assessmentId}/transitions`,
          body: { action: 'returnToUnit', reason: 'Thiếu chữ ký' },
        };
      },
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/transitions',
      about: 'finalise with indicators undecided: the chair alone gets past the access check, to the workflow’s 409',
      expected: [401, 403, 403, 403, 403, 403, 409],
      request: () => ({ method: 'POST', url: `/api/v1/assessments/${dbpInAppraisal}/transitions`, body: { action: 'finalise' } }),
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/appraisals/{indicatorCode}',
      about: 'indicator 1.1, inside the appraiser’s assigned main indices 1–5',
      expected: [401, 403, 403, 403, 403, 200, 200],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${dbpInAppraisal}/appraisals/1.1`,
        body: { decision: 'accepted', baseVersion: await versionOf(dbpInAppraisal, 'appraisals', '1.1') },
      }),
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/appraisals/{indicatorCode}',
      about: 'indicator 6.1, outside the appraiser’s assigned main indices',
      expected: [401, 403, 403, 403, 403, 403, 200],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${dbpInAppraisal}/appraisals/6.1`,
        body: { decision: 'accepted', baseVersion: await versionOf(dbpInAppraisal, 'appraisals', '6.1') },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/appraisals/accept-remaining',
      about: 'main index 2, assigned to the appraiser',
      expected: [401, 403, 403, 403, 403, 200, 200],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpInAppraisal}/appraisals/accept-remaining`,
        body: { mainIndexCode: '2' },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/appraisals/accept-remaining',
      about: 'the whole assessment, the appraiser within their assignment',
      expected: [401, 403, 403, 403, 403, 200, 200],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpInAppraisal}/appraisals/accept-remaining`,
        body: {},
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/appraisals/accept-remaining',
      about: 'main index 7, not assigned to the appraiser',
      expected: [401, 403, 403, 403, 403, 403, 200],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpInAppraisal}/appraisals/accept-remaining`,
        body: { mainIndexCode: '7' },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/supplementation/{requestId}/response',
      expected: [401, 403, 403, 204, 204, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpSupplementing}/supplementation/${supplementationRequestId}/response`,
        body: { response: unique('Đã bổ sung quyết định ') },
      }),
    },

    // the rebuttal round
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/rebuttal/{indicatorCode}',
      about: 'the unit contests 1.2, adjusted by the council, while the window is open',
      expected: [401, 403, 403, 200, 200, 403, 403],
      request: () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${dbpRebuttalOpen}/rebuttal/1.2`,
        body: { explanation: unique('Kiến nghị ') },
      }),
    },
    {
      route: 'DELETE /api/v1/assessments/{assessmentId}/rebuttal/{indicatorCode}',
      about: 'a contest written again before each call',
      expected: [401, 403, 403, 204, 204, 403, 403],
      request: async () => {
        await ok(
          await as('unitReporter', {
            method: 'PUT',
            url: `/api/v1/assessments/${dbpRebuttalOpen}/rebuttal/1.2`,
            body: { explanation: unique('Kiến nghị ') },
          }),
        );
        return { method: 'DELETE', url: `/api/v1/assessments/${dbpRebuttalOpen}/rebuttal/1.2` };
      },
    },
    {
      route: 'PUT /api/v1/assessments/{assessmentId}/rebuttal/{indicatorCode}/answer',
      about: 'the council answers the unit’s contest of 1.2 (main index 1, assigned to the appraiser)',
      expected: [401, 403, 403, 403, 403, 200, 200],
      request: () => ({
        method: 'PUT',
        url: `/api/v1/assessments/${dbpRebuttalSubmitted}/rebuttal/1.2/answer`,
        body: { outcome: 'kept', reason: unique('Giữ nguyên ') },
      }),
    },
    {
      route: 'PUT /api/v1/periods/{periodId}/rebuttal-settings',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({
        method: 'PUT',
        url: `/api/v1/periods/${rebuttalPeriod}/rebuttal-settings`,
        body: { rebuttalEnabled: true, rebuttalWorkingDays: 5 },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/supplementation/{requestId}/withdraw',
      about: 'an unanswered request on an indicator of main index 3, assigned to the appraiser',
      expected: [401, 403, 403, 403, 403, 204, 204],
      request: async () => {
        const code = `3.${++withdrawSequence}`;
        await ok(
          await as('councilChair', {
            method: 'PUT',
            url: `/api/v1/assessments/${dbpWithdrawing}/appraisals/${code}`,
            body: { decision: 'supplementationRequested', comment: 'Bổ sung', dueOn: '2099-02-15', baseVersion: 0 },
          }),
        );
        const view = await ok(await as('councilChair', { method: 'GET', url: `/api/v1/assessments/${dbpWithdrawing}` }));
        const request = view.json().supplementationRequests.find((row: { indicatorCode: string }) => row.indicatorCode === code);
        return { method: 'POST', url: `/api/v1/assessments/${dbpWithdrawing}/supplementation/${request.id}/withdraw` };
      },
    },

    // notifications: every signed-in user's own
    {
      route: 'GET /api/v1/notifications',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => '/api/v1/notifications'),
    },
    {
      route: 'GET /api/v1/notifications/unread-count',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => '/api/v1/notifications/unread-count'),
    },
    {
      route: 'POST /api/v1/notifications/{notificationId}/read',
      about: 'a notification that is not the caller’s (none is)',
      expected: [401, 404, 404, 404, 404, 404, 404],
      request: () => ({ method: 'POST', url: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read' }),
    },
    {
      route: 'POST /api/v1/notifications/read-all',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
    },
    {
      route: 'GET /api/v1/notifications/preferences',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => '/api/v1/notifications/preferences'),
    },
    {
      route: 'PUT /api/v1/notifications/preferences',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: () => ({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        body: { email: { 'results.published': true } },
      }),
    },
    {
      route: 'PUT /api/v1/periods/{periodId}/reminder-days',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({
        method: 'PUT',
        url: `/api/v1/periods/${rebuttalPeriod}/reminder-days`,
        body: { reminderDays: [7, 3, 1] },
      }),
    },
    // background jobs: the administrator's (this app runs no queue: a retry is refused as such)
    { route: 'GET /api/v1/jobs', expected: [401, 200, 403, 403, 403, 403, 403], request: get(() => '/api/v1/jobs') },
    {
      route: 'POST /api/v1/jobs/{queue}/{jobId}/retry',
      expected: [401, 409, 403, 403, 403, 403, 403],
      request: () => ({ method: 'POST', url: '/api/v1/jobs/notification-email/00000000-0000-4000-8000-000000000000/retry' }),
    },

    // audit
    {
      route: 'GET /api/v1/assessments/{assessmentId}/audit',
      about: 'DBP’s own assessment',
      expected: [401, 200, 403, 200, 200, 403, 403],
      request: get(assessment(() => dbpDraft, '/audit')),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}/audit',
      about: 'another unit’s (DBI) assessment',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: get(assessment(() => dbiDraft, '/audit')),
    },
    { route: 'GET /api/v1/audit', expected: [401, 200, 403, 403, 403, 403, 403], request: get(() => '/api/v1/audit') },

    // evidence
    {
      route: 'GET /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence',
      about: 'DBP’s own',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(assessment(() => dbpDraft, '/indicators/1.1/evidence')),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence',
      about: 'another unit’s (DBI)',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(assessment(() => dbiDraft, '/indicators/1.1/evidence')),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence',
      about: 'upload to DBP’s own draft',
      expected: [401, 403, 403, 201, 201, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpDraft}/indicators/1.2/evidence`,
        upload: { fileName: 'ke-hoach.pdf', bytes: Buffer.concat([PDF, Buffer.from(`% ${unique('')}\n`)]) },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence',
      about: 'upload to another unit’s (DBI) draft',
      expected: [401, 403, 403, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbiDraft}/indicators/1.2/evidence`,
        upload: { fileName: 'ke-hoach.pdf', bytes: PDF },
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence/references',
      about: 'to DBP’s own draft',
      expected: [401, 403, 403, 201, 201, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpDraft}/indicators/1.2/evidence/references`,
        body: reference(),
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence/references',
      about: 'to another unit’s (DBI) draft',
      expected: [401, 403, 403, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbiDraft}/indicators/1.2/evidence/references`,
        body: reference(),
      }),
    },
    {
      route: 'POST /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence/references',
      about: 'supplementary evidence, where the council asked for it',
      expected: [401, 403, 403, 201, 201, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/assessments/${dbpSupplementing}/indicators/1.1/evidence/references`,
        body: reference(),
      }),
    },
    {
      route: 'DELETE /api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence/{evidenceId}',
      about: 'a fresh reference in DBP’s own draft',
      expected: [401, 403, 403, 204, 204, 403, 403],
      request: async () => {
        const created = await ok(
          await as('unitReporter', {
            method: 'POST',
            url: `/api/v1/assessments/${dbpDraft}/indicators/1.4/evidence/references`,
            body: reference(),
          }),
          201,
        );
        return { method: 'DELETE', url: `/api/v1/assessments/${dbpDraft}/indicators/1.4/evidence/${created.json().id}` };
      },
    },
    {
      route: 'GET /api/v1/evidence/{evidenceId}/content',
      about: 'a file of DBP',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/evidence/${dbpEvidenceFile}/content`),
    },
    {
      route: 'GET /api/v1/evidence/{evidenceId}/content',
      about: 'a file of another unit (DBI)',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(() => `/api/v1/evidence/${dbiEvidenceFile}/content`),
    },

    // public results: published only, to everyone; unpublished looks like nothing at all
    {
      route: 'GET /api/v1/public/periods',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: get(() => '/api/v1/public/periods'),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/results/{unitKind}',
      about: 'published 2022',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/public/periods/${published2022}/results/district`),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/results/{unitKind}',
      about: 'unpublished 2023',
      expected: [404, 404, 404, 404, 404, 404, 404],
      request: get(() => `/api/v1/public/periods/${open2023}/results/district`),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/results/{unitKind}/units/{unitCode}',
      about: 'published 2022',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/public/periods/${published2022}/results/district/units/DBP`),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/results/{unitKind}/units/{unitCode}',
      about: 'unpublished 2023',
      expected: [404, 404, 404, 404, 404, 404, 404],
      request: get(() => `/api/v1/public/periods/${open2023}/results/district/units/DBP`),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/results/{unitKind}/indicator-overview',
      about: 'published 2022',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/public/periods/${published2022}/results/district/indicator-overview`),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/results/{unitKind}/indicator-overview',
      about: 'unpublished 2023',
      expected: [404, 404, 404, 404, 404, 404, 404],
      request: get(() => `/api/v1/public/periods/${open2023}/results/district/indicator-overview`),
    },
    // unit boundary maps: the administrator uploads, the period manager looks
    {
      route: 'GET /api/v1/unit-maps',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: get(() => '/api/v1/unit-maps'),
    },
    {
      route: 'PUT /api/v1/unit-maps/{unitKind}',
      about: 'a preview (dryRun)',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: () => ({ method: 'PUT', url: '/api/v1/unit-maps/district?dryRun=true', body: mapUpload() }),
    },
    {
      route: 'PUT /api/v1/unit-maps/{unitKind}',
      about: 'saving (replacing) the map',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: () => ({ method: 'PUT', url: '/api/v1/unit-maps/district', body: mapUpload() }),
    },
    {
      route: 'DELETE /api/v1/unit-maps/{unitKind}',
      about: 'a map uploaded afresh for each caller',
      expected: [401, 204, 403, 403, 403, 403, 403],
      request: async () => {
        await districtMap();
        return { method: 'DELETE', url: '/api/v1/unit-maps/district' };
      },
    },
    // official documents (issue 13): settings and templates are the administrator's; a published
    // period's documents the office's and the chair's; a unit reads its own sheet and report only
    {
      route: 'GET /api/v1/document-settings',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: get(() => '/api/v1/document-settings'),
    },
    {
      route: 'PUT /api/v1/document-settings',
      about: 'on the current version',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: async () => {
        const current = (await t.call(sessions.administrator, 'GET', '/api/v1/document-settings')).json();
        return { method: 'PUT', url: '/api/v1/document-settings', body: { header: current.header, version: current.version } };
      },
    },
    {
      route: 'GET /api/v1/document-templates',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: get(() => '/api/v1/document-templates'),
    },
    {
      route: 'GET /api/v1/document-templates/{kind}',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: get(() => '/api/v1/document-templates/result-report'),
    },
    {
      route: 'PUT /api/v1/document-templates/{kind}',
      about: 'the shipped template uploaded back',
      expected: [401, 200, 403, 403, 403, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: '/api/v1/document-templates/unit-score-sheet',
        upload: await scoreSheetTemplate(),
      }),
    },
    {
      route: 'DELETE /api/v1/document-templates/{kind}',
      about: 'a template uploaded afresh for each caller',
      expected: [401, 204, 403, 403, 403, 403, 403],
      request: async () => {
        await ok(
          await as('administrator', {
            method: 'PUT',
            url: '/api/v1/document-templates/decision-appendix',
            upload: await scoreSheetTemplate('decision-appendix'),
          }),
        );
        return { method: 'DELETE', url: '/api/v1/document-templates/decision-appendix' };
      },
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/result-report',
      about: 'published 2022',
      expected: [401, 200, 200, 403, 403, 403, 200],
      request: get(() => `/api/v1/periods/${published2022}/documents/result-report`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/result-report',
      about: 'unpublished 2023: nothing is made',
      expected: [401, 409, 409, 403, 403, 403, 409],
      request: get(() => `/api/v1/periods/${open2023}/documents/result-report`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/decision-appendix',
      about: 'published 2022',
      expected: [401, 200, 200, 403, 403, 403, 200],
      request: get(() => `/api/v1/periods/${published2022}/documents/decision-appendix`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/score-sheets/{unitCode}',
      about: 'DBP’s own sheet, published 2022',
      expected: [401, 200, 200, 200, 200, 403, 200],
      request: get(() => `/api/v1/periods/${published2022}/documents/score-sheets/DBP`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/score-sheets/{unitCode}',
      about: 'another unit’s sheet (DBI)',
      expected: [401, 200, 200, 403, 403, 403, 200],
      request: get(() => `/api/v1/periods/${published2022}/documents/score-sheets/DBI`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/score-sheets/{unitCode}',
      about: 'DBP’s own sheet of the unpublished 2023',
      expected: [401, 409, 409, 409, 409, 403, 409],
      request: get(() => `/api/v1/periods/${open2023}/documents/score-sheets/DBP`),
    },
    {
      route: 'GET /api/v1/periods/{periodId}/documents/score-sheets.zip',
      about: 'published 2022',
      expected: [401, 200, 200, 403, 403, 403, 200],
      request: get(() => `/api/v1/periods/${published2022}/documents/score-sheets.zip`),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}/documents/self-assessment',
      about: 'DBP’s own draft',
      expected: [401, 200, 200, 200, 200, 200, 200],
      request: get(() => `/api/v1/assessments/${dbpDraft}/documents/self-assessment`),
    },
    {
      route: 'GET /api/v1/assessments/{assessmentId}/documents/self-assessment',
      about: 'another unit’s draft (DBI)',
      expected: [401, 200, 200, 403, 403, 200, 200],
      request: get(() => `/api/v1/assessments/${dbiDraft}/documents/self-assessment`),
    },
    {
      route: 'GET /api/v1/public/unit-maps',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: get(() => '/api/v1/public/unit-maps'),
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/unit-maps/{unitKind}',
      about: 'published 2022',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: async () => {
        await districtMap();
        return { method: 'GET', url: `/api/v1/public/periods/${published2022}/unit-maps/district` };
      },
    },
    {
      route: 'GET /api/v1/public/periods/{periodId}/unit-maps/{unitKind}',
      about: 'unpublished 2023',
      expected: [404, 404, 404, 404, 404, 404, 404],
      request: async () => {
        await districtMap();
        return { method: 'GET', url: `/api/v1/public/periods/${open2023}/unit-maps/district` };
      },
    },
    // improvement plans: the manager owns them; a unit moves the tasks it leads, in issued plans only
    { route: 'GET /api/v1/plans', expected: [401, 200, 200, 403, 403, 403, 403], request: get(() => '/api/v1/plans') },
    {
      route: 'POST /api/v1/plans',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: () => ({ method: 'POST', url: '/api/v1/plans', body: { year: 2023, date: '2023-03-01', title: unique('KH ') } }),
    },
    {
      route: 'POST /api/v1/plans/drafts',
      about: 'from the published 2022 districts',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: () => ({ method: 'POST', url: '/api/v1/plans/drafts', body: { periodId: published2022, unitKind: 'district' } }),
    },
    {
      route: 'GET /api/v1/plans/{planId}',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({ method: 'GET', url: `/api/v1/plans/${(await planWithTask(false)).planId}` }),
    },
    {
      route: 'GET /api/v1/plans/{planId}/document',
      about: 'a draft, marked DỰ THẢO',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({ method: 'GET', url: `/api/v1/plans/${(await planWithTask(false)).planId}/document` }),
    },
    {
      route: 'PATCH /api/v1/plans/{planId}',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/plans/${(await planWithTask(false)).planId}`,
        body: { version: 1, purpose: 'Nâng cao chỉ số' },
      }),
    },
    {
      route: 'POST /api/v1/plans/{planId}/transitions',
      about: 'issue a draft',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'POST',
        url: `/api/v1/plans/${(await planWithTask(false)).planId}/transitions`,
        body: { action: 'issue' },
      }),
    },
    {
      route: 'PUT /api/v1/plans/{planId}/targets',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/plans/${(await planWithTask(false)).planId}/targets`,
        body: {
          version: 1,
          targets: [{ code: '1.1', level: 'indicator', baseline: 2, target: 4, unit: 'points', dueOn: '2023-12-31' }],
        },
      }),
    },
    {
      route: 'POST /api/v1/plans/{planId}/tasks',
      expected: [401, 201, 201, 403, 403, 403, 403],
      request: async () => ({
        method: 'POST',
        url: `/api/v1/plans/${(await planWithTask(false)).planId}/tasks`,
        body: { text: 'Nhiệm vụ khác', indicators: ['1.2'], lead: 'DBI', coordinating: [], startOn: null, dueOn: '2023-12-31' },
      }),
    },
    {
      route: 'PATCH /api/v1/plans/{planId}/tasks/{taskId}',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => {
        const { planId, taskId, version } = await planWithTask(false);
        return { method: 'PATCH', url: `/api/v1/plans/${planId}/tasks/${taskId}`, body: { version, dueOn: '2023-11-30' } };
      },
    },
    {
      route: 'DELETE /api/v1/plans/{planId}/tasks/{taskId}',
      expected: [401, 204, 204, 403, 403, 403, 403],
      request: async () => {
        const { planId, taskId } = await planWithTask(false);
        return { method: 'DELETE', url: `/api/v1/plans/${planId}/tasks/${taskId}` };
      },
    },
    {
      route: 'POST /api/v1/plans/{planId}/tasks/{taskId}/transitions',
      about: 'start: the lead unit (DBP) only',
      expected: [401, 403, 403, 200, 200, 403, 403],
      request: async () => {
        const { planId, taskId } = await planWithTask(true);
        return { method: 'POST', url: `/api/v1/plans/${planId}/tasks/${taskId}/transitions`, body: { action: 'start' } };
      },
    },
    {
      route: 'POST /api/v1/plans/{planId}/tasks/{taskId}/transitions',
      about: 'cancel with a reason: the manager only',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => {
        const { planId, taskId } = await planWithTask(true);
        return {
          method: 'POST',
          url: `/api/v1/plans/${planId}/tasks/${taskId}/transitions`,
          body: { action: 'cancel', reason: 'Trùng nhiệm vụ khác' },
        };
      },
    },
    // plan progress: a unit reads the tasks it leads or coordinates, reports and uploads on those it leads
    {
      route: 'GET /api/v1/plans/{planId}/reporting-rounds',
      expected: [401, 200, 200, 200, 200, 403, 403],
      request: async () => ({ method: 'GET', url: `/api/v1/plans/${(await planInRound()).planId}/reporting-rounds` }),
    },
    {
      route: 'GET /api/v1/plans/{planId}/reporting-rounds/{dueOn}/reports',
      expected: [401, 200, 200, 200, 200, 403, 403],
      request: async () => {
        const { planId, dueOn } = await planInRound();
        return { method: 'GET', url: `/api/v1/plans/${planId}/reporting-rounds/${dueOn}/reports` };
      },
    },
    {
      route: 'PUT /api/v1/plans/{planId}/tasks/{taskId}/reports/{dueOn}',
      about: 'the lead unit (DBP) only',
      expected: [401, 403, 403, 200, 200, 403, 403],
      request: async () => {
        const { planId, taskId, dueOn } = await planInRound();
        return {
          method: 'PUT',
          url: `/api/v1/plans/${planId}/tasks/${taskId}/reports/${dueOn}`,
          body: { text: 'Đã ban hành kế hoạch', percent: 50, state: 'inProgress', links: [], evidenceIds: [] },
        };
      },
    },
    {
      route: 'POST /api/v1/plans/{planId}/tasks/{taskId}/evidence',
      about: 'the lead unit (DBP) only',
      expected: [401, 403, 403, 201, 201, 403, 403],
      request: async () => {
        const { planId, taskId } = await planInRound();
        return {
          method: 'POST',
          url: `/api/v1/plans/${planId}/tasks/${taskId}/evidence`,
          upload: { fileName: 'ke-hoach.pdf', bytes: PDF },
        };
      },
    },
    {
      route: 'GET /api/v1/plans/{planId}/tasks/{taskId}/evidence/{evidenceId}',
      expected: [401, 200, 200, 200, 200, 403, 403],
      request: async () => {
        const { planId, taskId, evidenceId } = await planInRound(true);
        return { method: 'GET', url: `/api/v1/plans/${planId}/tasks/${taskId}/evidence/${evidenceId}` };
      },
    },
    {
      route: 'GET /api/v1/plans/{planId}/tasks/{taskId}/comments',
      expected: [401, 200, 200, 200, 200, 403, 403],
      request: async () => {
        const { planId, taskId } = await planInRound();
        return { method: 'GET', url: `/api/v1/plans/${planId}/tasks/${taskId}/comments` };
      },
    },
    {
      route: 'POST /api/v1/plans/{planId}/tasks/{taskId}/comments',
      expected: [401, 201, 201, 201, 201, 403, 403],
      request: async () => {
        const { planId, taskId } = await planInRound();
        return {
          method: 'POST',
          url: `/api/v1/plans/${planId}/tasks/${taskId}/comments`,
          body: { text: 'Đề nghị bổ sung minh chứng' },
        };
      },
    },
    {
      route: 'GET /api/v1/units/me/plan-tasks',
      expected: [401, 403, 403, 200, 200, 403, 403],
      request: get(() => '/api/v1/units/me/plan-tasks'),
    },
    {
      route: 'GET /api/v1/frameworks/{frameworkId}/ownership',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: get(() => `/api/v1/frameworks/${FRAMEWORK}/ownership`),
    },
    {
      route: 'PUT /api/v1/frameworks/{frameworkId}/ownership',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({
        method: 'PUT',
        url: `/api/v1/frameworks/${FRAMEWORK}/ownership`,
        body: { owners: [{ indicator: '1.1', lead: 'DBP', coordinating: ['DBI'] }] },
      }),
    },
    {
      route: 'POST /api/v1/frameworks/{frameworkId}/ownership/import',
      about: 'a preview (dryRun)',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/frameworks/${FRAMEWORK}/ownership/import`,
        body: { fileName: 'owners.csv', content: 'indicator,lead,coordinating\n1.1,DBP,DBI\n', dryRun: true },
      }),
    },
    {
      route: 'GET /api/v1/plans/{planId}/tasks.xlsx',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({ method: 'GET', url: `/api/v1/plans/${(await planWithTask(false)).planId}/tasks.xlsx` }),
    },
    {
      route: 'POST /api/v1/plans/{planId}/tasks/import',
      about: 'a check (dryRun) of the exported table',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => {
        const { planId } = await planWithTask(false);
        const exported = await ok(await as('periodManager', { method: 'GET', url: `/api/v1/plans/${planId}/tasks.xlsx` }));
        return {
          method: 'POST',
          url: `/api/v1/plans/${planId}/tasks/import`,
          body: { fileName: 'nhiem-vu.xlsx', contentBase64: exported.rawPayload.toString('base64'), dryRun: true },
        };
      },
    },
    {
      route: 'POST /api/v1/frameworks/{frameworkId}/ownership/carry-over',
      about: 'a preview (dryRun)',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: () => ({
        method: 'POST',
        url: `/api/v1/frameworks/${editableFramework}/ownership/carry-over`,
        body: { fromFrameworkId: FRAMEWORK, dryRun: true },
      }),
    },
    {
      route: 'GET /api/v1/plans/{planId}/dashboard',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({ method: 'GET', url: `/api/v1/plans/${(await planWithTask(true)).planId}/dashboard` }),
    },
    {
      route: 'PUT /api/v1/plans/{planId}/publication',
      about: 'publish an issued plan’s summary',
      expected: [401, 200, 200, 403, 403, 403, 403],
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/plans/${(await planWithTask(true)).planId}/publication`,
        body: { published: true, summary: 'Tóm tắt kế hoạch', version: 2 },
      }),
    },
    {
      route: 'GET /api/v1/public/plans',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: get(() => '/api/v1/public/plans'),
    },
    {
      route: 'GET /api/v1/public/plans/{planId}',
      about: 'a published summary',
      expected: [200, 200, 200, 200, 200, 200, 200],
      request: async () => {
        const { planId } = await planWithTask(true);
        await ok(
          await as('periodManager', {
            method: 'PUT',
            url: `/api/v1/plans/${planId}/publication`,
            body: { published: true, summary: 'Tóm tắt', version: 2 },
          }),
        );
        return { method: 'GET', url: `/api/v1/public/plans/${planId}` };
      },
    },
    {
      route: 'GET /api/v1/public/plans/{planId}',
      about: 'an issued plan not published',
      expected: [404, 404, 404, 404, 404, 404, 404],
      request: async () => ({ method: 'GET', url: `/api/v1/public/plans/${(await planWithTask(true)).planId}` }),
    },
  ];

  /** Routes whose access is the sign-in itself; auth.test.ts covers them (logging out here would end a role's session). */
  const COVERED_ELSEWHERE = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);

  it('has a row for every route of the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const inTable = new Set(ROWS.map((row) => row.route));
    expect(routes.filter((route) => !inTable.has(route) && !COVERED_ELSEWHERE.has(route))).toEqual([]);
    expect([...inTable].filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('documents as public (`security: []`) exactly the routes that never ask the anonymous public to sign in', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const documentedPublic = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security?.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const asksToSignIn = new Set(ROWS.filter((row) => row.expected[0] === 401).map((row) => row.route));
    const openToAnonymous = [...new Set(ROWS.map((row) => row.route))].filter((route) => !asksToSignIn.has(route));
    // Signing in is public by nature; auth.test.ts covers it.
    expect(documentedPublic.sort()).toEqual([...openToAnonymous, 'POST /api/v1/auth/login'].sort());
  });

  it.each(ROWS.map((row) => [`${row.route}${row.about ? ` — ${row.about}` : ''}`, row] as const))('%s', async (_name, row) => {
    const actual: Partial<Record<Who, number>> = {};
    const wrongErrors: string[] = [];
    for (const who of WHO) {
      const response = await as(who, await row.request());
      actual[who] = response.statusCode;
      // A refusal says why, in the one error shape: sign in (401), or not for this role (403).
      if (response.statusCode === 401 && response.json().error.code !== 'http.unauthenticated') {
        wrongErrors.push(`${who}: ${response.body}`);
      }
      if (
        response.statusCode === 403 &&
        !['http.forbidden', 'workflow.role-not-allowed', 'plan.task-party-not-allowed', 'plan.report-lead-only'].includes(
          response.json().error.code,
        )
      ) {
        wrongErrors.push(`${who}: ${response.body}`);
      }
    }
    expect(actual).toEqual(Object.fromEntries(WHO.map((who, index) => [who, row.expected[index]])));
    expect(wrongErrors).toEqual([]);
  });

  it('lists to each role only the assessments it may read', async () => {
    const visible: Partial<Record<Who, string[]>> = {};
    for (const who of WHO) {
      const response = await as(who, { method: 'GET', url: `/api/v1/periods/${open2023}/assessments` });
      visible[who] =
        response.statusCode === 200 ? response.json().items.map((item: { unit: { code: string } }) => item.unit.code) : [];
    }
    expect(visible.anonymous).toEqual([]);
    expect(visible.unitReporter).toEqual(['DBP']);
    expect(visible.unitLeader).toEqual(['DBP']);
    for (const who of ['administrator', 'periodManager', 'appraiser', 'councilChair'] as const) {
      expect(visible[who]).toEqual(expect.arrayContaining(['DBP', 'DBI', 'SNV']));
      expect(visible[who]?.length).toBe(28); // 18 departments and 10 districts
    }
  });

  it('keeps council-internal notes from the unit, in the assessment and in its audit log', async () => {
    const seesNote: Partial<Record<Who, boolean>> = {};
    for (const who of WHO) {
      if (who === 'anonymous') continue;
      const response = await as(who, { method: 'GET', url: `/api/v1/assessments/${dbpInAppraisal}` });
      expect(response.statusCode).toBe(200);
      const decision = response.json().appraisals.find((row: { indicatorCode: string }) => row.indicatorCode === '1.2');
      expect(decision).toMatchObject({ decision: 'adjusted', appraisedPoints: 5, reason: 'Chỉ có biên bản của hai cuộc họp' });
      seesNote[who] = response.body.includes(COUNCIL_NOTE);
      expect(Object.hasOwn(decision, 'councilNote')).toBe(seesNote[who]);
    }
    expect(seesNote).toEqual({
      administrator: true,
      periodManager: true,
      unitReporter: false,
      unitLeader: false,
      appraiser: true,
      councilChair: true,
    });
    for (const who of ['unitReporter', 'unitLeader'] as const) {
      const audit = await as(who, { method: 'GET', url: `/api/v1/assessments/${dbpInAppraisal}/audit?pageSize=200` });
      expect(audit.statusCode).toBe(200);
      expect(audit.json().items.map((entry: { action: string }) => entry.action)).toContain('appraisal.adjusted');
      expect(audit.body).not.toContain(COUNCIL_NOTE);
    }
  });

  it('answers the anonymous public 404 for unpublished results on public routes and 401 on private ones', async () => {
    const publicRoute = await as('anonymous', { method: 'GET', url: `/api/v1/public/periods/${open2023}/results/district` });
    const privateRoute = await as('anonymous', { method: 'GET', url: `/api/v1/periods/${open2023}/results/district` });
    expect([publicRoute.statusCode, publicRoute.json().error.code]).toEqual([404, 'http.not-found']);
    expect([privateRoute.statusCode, privateRoute.json().error.code]).toEqual([401, 'http.unauthenticated']);
    // Unpublished and unknown look alike to the public: nothing tells that the 2023 period exists.
    const unknown = await as('anonymous', {
      method: 'GET',
      url: '/api/v1/public/periods/00000000-0000-4000-8000-000000000000/results/district',
    });
    expect(unknown.json()).toEqual(publicRoute.json());
    const listed = (await as('anonymous', { method: 'GET', url: '/api/v1/public/periods' })).json().items;
    expect(listed.map((period: { year: number }) => period.year)).toEqual([2022]);
  });
});
