import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { readConfig } from '../../config/env.js';
import type { DatabaseHandle } from '../../db/database.js';
import {
  assessments,
  auditLog,
  evidence,
  periods,
  sessions,
  supplementationRequests,
  units,
  users,
} from '../../db/schema/index.js';
import type { AppDependencies } from '../../http/api.js';
import type { EvidenceStorage } from '../../storage/evidence-storage.js';
import { LocalEvidenceStorage } from '../../storage/local-evidence-storage.js';
import { S3EvidenceStorage } from '../../storage/s3-evidence-storage.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { installBuiltinFrameworks } from '../frameworks/frameworks.service.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(256, 0x90)]);
const FRAMEWORK = 'dienbien-2022-district';

interface Session {
  cookie: string;
  csrfToken: string;
}

/** A multipart/form-data body, built by hand as a browser would send it. */
function multipart(
  files: { name: string; bytes: Buffer; field?: string; type?: string }[],
): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----opendti${randomBytes(8).toString('hex')}`;
  const parts = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'files'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Where the suite keeps evidence: files under the data directory, or a real S3-compatible server. */
interface Backend {
  storage: EvidenceStorage;
  /** The stored contents' names (SHA-256), sorted. */
  storedFiles(): Promise<string[]>;
  /** Replaces a stored content's bytes behind the server's back. */
  tamper(sha256: string, bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

const quiet = { error: () => {}, warn: () => {} };

async function openLocalBackend(dataDirectory: string): Promise<Backend> {
  const storage = new LocalEvidenceStorage({ root: join(dataDirectory, 'files'), logger: quiet });
  return {
    storage,
    async storedFiles() {
      const entries = await fs.readdir(storage.root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort();
    },
    tamper: (sha256, bytes) => fs.writeFile(storage.pathOf(sha256), bytes),
    close: async () => {},
  };
}

/** s3rver: an S3 implementation in Node, on 127.0.0.1, path-style as MinIO and Ceph are addressed (decision 0013). */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rverServer;

async function openS3Backend(dataDirectory: string): Promise<Backend> {
  const bucket = 'opendti-evidence';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(dataDirectory, 's3'),
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const storage = new S3EvidenceStorage({
    endpoint,
    region: 'us-east-1',
    bucket,
    ...credentials,
    forcePathStyle: true,
    logger: quiet,
  });
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    storage,
    async storedFiles() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => (object.Key ?? '').replace(/^evidence\//, '')).sort();
    },
    tamper: async (sha256, bytes) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `evidence/${sha256}`, Body: bytes }));
    },
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

/** Every database with files on disk; and the embedded one with S3 too, to keep the run short. */
const BACKENDS: ['pglite' | 'postgres', 'files' | 's3'][] = [
  ...TEST_DATABASE_KINDS.map((kind): ['pglite' | 'postgres', 'files'] => [kind, 'files']),
  ['pglite', 's3'],
];

describe.each(BACKENDS)('evidence on %s, stored as %s', (kind, storageKind) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let dataDirectory: string;
  let backend: Backend;
  let assessmentId: string;
  let reporter: Session;
  let otherReporter: Session;
  let councilChair: Session;

  async function signIn(username: string, role: string, unitId: string | null): Promise<Session> {
    const [user] = await database.db
      .insert(users)
      .values({ username, displayName: `${username} (test)`, passwordHash: 'not used', role, unitId })
      .returning();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await database.db.insert(sessions).values({
      tokenHash: createHash('sha256').update(token).digest('hex'),
      userId: user?.id as string,
      csrfToken,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    return { cookie: `opendti_session=${token}`, csrfToken };
  }

  const as = (session: Session | undefined, options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}), ...options.headers },
    });
  const evidenceUrl = (code: string, id = assessmentId) => `/api/v1/assessments/${id}/indicators/${code}/evidence`;
  const upload = (session: Session | undefined, code: string, files: Parameters<typeof multipart>[0]) =>
    as(session, { method: 'POST', url: evidenceUrl(code), ...multipart(files) });
  const setState = (state: string) => database.db.update(assessments).set({ state }).where(eq(assessments.id, assessmentId));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await installBuiltinFrameworks(database.db);
    dataDirectory = await fs.mkdtemp(join(tmpdir(), 'opendti-evidence-'));
    backend = storageKind === 's3' ? await openS3Backend(dataDirectory) : await openLocalBackend(dataDirectory);
    const dependencies: AppDependencies = {
      config: readConfig({ DATA_DIR: dataDirectory, MAX_UPLOAD_MB: '1', LOG_LEVEL: 'silent' }),
      database,
      logger: false,
      storage: backend.storage,
    };
    app = await buildApp(dependencies);

    const [unitA, unitB] = await database.db
      .insert(units)
      .values([
        { code: 'DBP', name: 'UBND thành phố Điện Biên Phủ', kind: 'district' },
        { code: 'MN', name: 'UBND huyện Mường Nhé', kind: 'district' },
      ])
      .returning();
    const [period] = await database.db
      .insert(periods)
      .values({ year: 2023, name: 'Đánh giá năm 2023', state: 'open', selfAssessmentDeadline: '2099-01-30' })
      .returning();
    const [assessment] = await database.db
      .insert(assessments)
      .values({ periodId: period?.id as string, unitId: unitA?.id as string, frameworkId: FRAMEWORK, state: 'draft' })
      .returning();
    assessmentId = assessment?.id as string;
    reporter = await signIn('nhaplieu.dbp', 'unitReporter', unitA?.id as string);
    otherReporter = await signIn('nhaplieu.mn', 'unitReporter', unitB?.id as string);
    councilChair = await signIn('chutich', 'councilChair', null);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await backend?.close();
    await fs.rm(dataDirectory, { recursive: true, force: true });
  });

  it('uploads a PDF and a PNG, lists them and serves them back byte for byte', async () => {
    const response = await upload(reporter, '1.1', [
      { name: 'C:\\Users\\cb\\Biên bản họp BCĐ.pdf', bytes: PDF, type: 'application/pdf' },
      { name: 'Ảnh chụp cổng.png', bytes: PNG, type: 'image/png' },
    ]);
    expect(response.statusCode).toBe(201);
    const items = response.json().items;
    expect(items).toMatchObject([
      {
        kind: 'file',
        fileName: 'Biên bản họp BCĐ.pdf',
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        supplementary: false,
        inline: true,
      },
      { kind: 'file', fileName: 'Ảnh chụp cổng.png', mediaType: 'image/png', sizeBytes: PNG.length, inline: true },
    ]);
    expect(items[0].createdBy).toMatchObject({ displayName: 'nhaplieu.dbp (test)' });

    const list = await as(councilChair, { method: 'GET', url: evidenceUrl('1.1') });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, page: 1 });
    expect(list.json().items.map((item: { fileName: string }) => item.fileName)).toEqual([
      'Biên bản họp BCĐ.pdf',
      'Ảnh chụp cổng.png',
    ]);

    for (const [item, bytes] of [
      [items[0], PDF],
      [items[1], PNG],
    ] as const) {
      const content = await as(reporter, { method: 'GET', url: item.contentUrl });
      expect(content.statusCode).toBe(200);
      expect(content.rawPayload.equals(bytes)).toBe(true);
      expect(content.headers['content-type']).toBe(item.mediaType);
      expect(content.headers['content-disposition']).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''/);
      expect(content.headers['x-content-type-options']).toBe('nosniff');
      expect(content.headers['content-security-policy']).toBe('sandbox');
    }
    expect(
      decodeURIComponent(
        String((await as(reporter, { method: 'GET', url: items[0].contentUrl })).headers['content-disposition']).split("''")[1] ??
          '',
      ),
    ).toBe('Biên bản họp BCĐ.pdf');

    const revalidated = await as(reporter, {
      method: 'GET',
      url: items[0].contentUrl,
      headers: { 'if-none-match': `"${items[0].sha256}"` },
    });
    expect(revalidated.statusCode).toBe(304);

    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.assessmentId, assessmentId), eq(auditLog.action, 'evidence.added')));
    expect(audited.map((row) => row.entityId).sort()).toEqual([items[0].id, items[1].id].sort());
  });

  it('stores the same file once and does not duplicate evidence on a retried upload', async () => {
    const before = await backend.storedFiles();
    const first = await upload(reporter, '1.3', [{ name: 'kế hoạch.pdf', bytes: PDF }]);
    const retry = await upload(reporter, '1.3', [{ name: 'kế hoạch.pdf', bytes: PDF }]);
    expect(retry.json().items[0].id).toBe(first.json().items[0].id);
    expect(await backend.storedFiles()).toEqual(before);
  });

  it('serves other types as attachments', async () => {
    const csv = Buffer.from('mã,giá trị\n1.2,4\n');
    const [item] = (await upload(reporter, '1.2', [{ name: 'số liệu.csv', bytes: csv }])).json().items;
    const content = await as(reporter, { method: 'GET', url: item.contentUrl });
    expect(content.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(content.headers['content-disposition']).toMatch(/^attachment; /);
    expect(content.rawPayload.equals(csv)).toBe(true);
  });

  it('refuses an executable named .pdf with 400, in Vietnamese, and stores nothing', async () => {
    const filesBefore = await backend.storedFiles();
    const rowsBefore = await database.db.select().from(evidence);
    const response = await upload(reporter, '1.1', [
      { name: 'hợp lệ.pdf', bytes: Buffer.concat([PDF, Buffer.from('% another')]) },
      { name: 'Báo cáo.pdf', bytes: EXE, type: 'application/pdf' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'evidence.executable',
      message:
        'tệp "Báo cáo.pdf" là chương trình Windows (.exe, .dll): không được tải lên chương trình hay mã lệnh, dù đặt tên gì',
    });
    expect(await backend.storedFiles()).toEqual(filesBefore);
    expect(await database.db.select().from(evidence)).toHaveLength(rowsBefore.length);

    const mismatch = await upload(reporter, '1.1', [{ name: 'ảnh.pdf', bytes: PNG }]);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.code).toBe('evidence.type-mismatch');
    const body = multipart([{ name: 'setup.pdf', bytes: EXE }]);
    const english = await as(reporter, {
      method: 'POST',
      url: evidenceUrl('1.1'),
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': 'en' },
    });
    expect(english.json().error.message).toBe(
      'file "setup.pdf" is a Windows program (.exe, .dll): programs and scripts cannot be uploaded, whatever their name',
    );
  });

  it('answers 413 with the one error shape for a file over MAX_UPLOAD_MB', async () => {
    const filesBefore = await backend.storedFiles();
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)]);
    const response = await upload(reporter, '1.1', [{ name: 'quá lớn.pdf', bytes: big }]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('http.payload-too-large');
    expect(await backend.storedFiles()).toEqual(filesBefore);
  });

  it('refuses a reporter of another unit (403) and anonymous visitors (401)', async () => {
    const [item] = (await as(reporter, { method: 'GET', url: evidenceUrl('1.1') })).json().items;
    expect((await upload(otherReporter, '1.1', [{ name: 'a.pdf', bytes: PDF }])).statusCode).toBe(403);
    expect((await as(otherReporter, { method: 'GET', url: evidenceUrl('1.1') })).statusCode).toBe(403);
    const content = await as(otherReporter, { method: 'GET', url: item.contentUrl });
    expect(content.statusCode).toBe(403);
    expect(content.json().error.code).toBe('http.forbidden');
    expect((await as(undefined, { method: 'GET', url: item.contentUrl })).statusCode).toBe(401);
    const reference = await as(otherReporter, {
      method: 'POST',
      url: `${evidenceUrl('1.1')}/references`,
      payload: { documentNumber: '1/KH-UBND', documentDate: '01/02/2023', issuer: 'UBND', summary: 'x' },
    });
    expect(reference.statusCode).toBe(403);
  });

  it('detects bytes corrupted in storage when serving them', async () => {
    const unique = Buffer.concat([PDF, Buffer.from(`% ${randomUUID()}`)]);
    const [item] = (await upload(reporter, '1.4', [{ name: 'sẽ hỏng.pdf', bytes: unique }])).json().items;
    await backend.tamper(item.sha256, Buffer.concat([PDF, Buffer.from('% tampered')]));
    const content = await as(reporter, { method: 'GET', url: item.contentUrl });
    expect(content.statusCode).toBe(500);
    expect(content.json().error.code).toBe('storage.corrupt');
    expect(content.headers['content-disposition']).toBeUndefined();
  });

  it('adds document references, validating date and link', async () => {
    const url = `${evidenceUrl('1.5')}/references`;
    const created = await as(reporter, {
      method: 'POST',
      url,
      payload: {
        documentNumber: ' 2001/QĐ-UBND ',
        documentDate: '31/10/2022',
        issuer: 'UBND tỉnh Điện Biên',
        summary: 'Phê duyệt Đề án Bộ chỉ số chuyển đổi số',
        link: 'https://dienbien.gov.vn/van-ban/2001',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'reference',
      documentNumber: '2001/QĐ-UBND',
      documentDate: '2022-10-31',
      contentUrl: null,
    });
    const iso = await as(reporter, {
      method: 'POST',
      url,
      payload: { documentNumber: '5/KH', documentDate: '2023-02-28', issuer: 'UBND', summary: 'Kế hoạch' },
    });
    expect(iso.json()).toMatchObject({ documentDate: '2023-02-28', link: null });

    const refused = await as(reporter, {
      method: 'POST',
      url,
      payload: { documentNumber: ' ', documentDate: '30/02/2023', issuer: 'UBND', summary: 'x', link: 'javascript:alert(1)' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.problems.map((problem: { code: string }) => problem.code)).toEqual([
      'evidence.blank-field',
      'evidence.bad-date',
      'evidence.bad-link',
    ]);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.json().id));
    expect(audited.map((row) => row.action)).toEqual(['evidence.added']);
  });

  it('soft-deletes evidence, audited, after which it is neither listed nor served', async () => {
    const [item] = (await upload(reporter, '2.1', [{ name: 'xoá.png', bytes: PNG }])).json().items;
    const removed = await as(reporter, { method: 'DELETE', url: `${evidenceUrl('2.1')}/${item.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await as(reporter, { method: 'GET', url: evidenceUrl('2.1') })).json().total).toBe(0);
    expect((await as(reporter, { method: 'GET', url: item.contentUrl })).statusCode).toBe(404);
    const [row] = await database.db.select().from(evidence).where(eq(evidence.id, item.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audited.map((entry) => entry.action).sort()).toEqual(['evidence.added', 'evidence.deleted']);
    expect((await as(reporter, { method: 'DELETE', url: `${evidenceUrl('2.1')}/${item.id}` })).statusCode).toBe(404);
  });

  it('follows the workflow: locked once submitted, supplementary only where the council asked', async () => {
    const [submitted] = (await upload(reporter, '2.2', [{ name: 'đã nộp.pdf', bytes: PDF }])).json().items;
    try {
      await setState('submitted');
      const locked = await upload(reporter, '2.2', [{ name: 'muộn.png', bytes: PNG }]);
      expect(locked.statusCode).toBe(409);
      expect(locked.json().error.code).toBe('evidence.locked');
      expect((await as(reporter, { method: 'DELETE', url: `${evidenceUrl('2.2')}/${submitted.id}` })).statusCode).toBe(409);

      await setState('supplementationRequested');
      await database.db
        .insert(supplementationRequests)
        .values({ assessmentId, indicatorCode: '2.2', comment: 'Bổ sung quyết định thành lập', dueOn: '2099-03-01' });
      const added = await upload(reporter, '2.2', [{ name: 'bổ sung.png', bytes: PNG }]);
      expect(added.statusCode).toBe(201);
      expect(added.json().items[0]).toMatchObject({ supplementary: true });
      const elsewhere = await upload(reporter, '2.3', [{ name: 'khác.png', bytes: PNG }]);
      expect(elsewhere.statusCode).toBe(409);
      expect(elsewhere.json().error.code).toBe('evidence.no-open-request');
      const original = await as(reporter, { method: 'DELETE', url: `${evidenceUrl('2.2')}/${submitted.id}` });
      expect(original.statusCode).toBe(409);
      expect(original.json().error.code).toBe('evidence.submitted-locked');
      expect(
        (await as(reporter, { method: 'DELETE', url: `${evidenceUrl('2.2')}/${added.json().items[0].id}` })).statusCode,
      ).toBe(204);
    } finally {
      await setState('draft');
    }
  });

  it('documents the routes in the OpenAPI contract', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const path = '/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence';
    expect(Object.keys(document.paths[path])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(document.paths[path].post.description).toContain('multipart/form-data');
    expect(document.paths['/api/v1/evidence/{evidenceId}/content']).toHaveProperty('get');
  });

  it('answers 404 for an unknown indicator or assessment, 400 without files', async () => {
    expect((await upload(reporter, '99.9', [{ name: 'a.pdf', bytes: PDF }])).statusCode).toBe(404);
    expect((await as(reporter, { method: 'GET', url: evidenceUrl('1.1', randomUUID()) })).statusCode).toBe(404);
    const empty = await upload(reporter, '1.1', [{ name: 'a.pdf', bytes: PDF, field: 'other' }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('evidence.unexpected-field');
    const json = await as(reporter, { method: 'POST', url: evidenceUrl('1.1'), payload: { files: [] } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('evidence.no-files');
  });
});
