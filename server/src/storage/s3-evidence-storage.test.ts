import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@opendti/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config/env.js';
import { createEvidenceStorage } from './create-evidence-storage.js';
import { type StorageLogger, sha256Hex } from './evidence-storage.js';
import { LocalEvidenceStorage } from './local-evidence-storage.js';
import { S3EvidenceStorage } from './s3-evidence-storage.js';

/**
 * A tiny S3 stand-in: PutObject (checking Content-MD5 and x-amz-checksum-sha256 as S3 does),
 * GetObject, HeadObject and ListObjectsV2, path-style, on 127.0.0.1 only. Signatures are not checked.
 */
interface FakeS3 {
  endpoint: string;
  objects: Map<string, Buffer>;
  requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

const MAX_FAKE_BODY = 8 * 1024 * 1024;

async function startFakeS3(bucket: string): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: FakeS3['requests'] = [];
  const xmlError = (code: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? '', path: url.pathname, headers: request.headers });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_FAKE_BODY) {
        response.writeHead(413).end();
        request.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const [, bucketName, ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    if (bucketName !== bucket) {
      response.writeHead(404, { 'content-type': 'application/xml' }).end(xmlError('NoSuchBucket'));
      return;
    }
    if (request.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const keys = [...objects.keys()].filter((candidate) => candidate.startsWith(prefix)).sort();
      const contents = keys
        .map((item) => `<Contents><Key>${item}</Key><Size>${objects.get(item)?.length}</Size></Contents>`)
        .join('');
      response
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
        );
      return;
    }
    if (request.method === 'PUT') {
      const md5 = request.headers['content-md5'];
      const sha256 = request.headers['x-amz-checksum-sha256'];
      if (
        (md5 && md5 !== createHash('md5').update(body).digest('base64')) ||
        (sha256 && sha256 !== createHash('sha256').update(body).digest('base64'))
      ) {
        response.writeHead(400, { 'content-type': 'application/xml' }).end(xmlError('BadDigest'));
        return;
      }
      objects.set(key, body);
      response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
      return;
    }
    const stored = objects.get(key);
    if (request.method === 'HEAD') {
      if (!stored) response.writeHead(404).end();
      else response.writeHead(200, { 'content-length': stored.length, 'content-type': 'application/octet-stream' }).end();
      return;
    }
    if (request.method === 'GET') {
      if (!stored) response.writeHead(404, { 'content-type': 'application/xml' }).end(xmlError('NoSuchKey'));
      else response.writeHead(200, { 'content-length': stored.length, 'content-type': 'application/octet-stream' }).end(stored);
      return;
    }
    response.writeHead(405).end();
  });
  server.requestTimeout = 10_000;
  server.maxConnections = 20;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const silentLogger: StorageLogger = { error: () => {}, warn: () => {} };

describe('S3 evidence storage against a fake S3 server', () => {
  const bucket = 'opendti-evidence';
  let fake: FakeS3;
  let storage: S3EvidenceStorage;
  const errors: object[] = [];
  beforeAll(async () => {
    fake = await startFakeS3(bucket);
    storage = new S3EvidenceStorage({
      endpoint: fake.endpoint,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
      logger: { error: (details) => errors.push(details), warn: () => {} },
    });
  });
  afterAll(async () => {
    storage.close();
    await fake.close();
  });

  it('puts under evidence/<sha256> with SHA-256 and MD5 checksums, reads back verified, stores once', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 1), Buffer.from('\n%%EOF\n')]);
    const stored = await storage.put(bytes);
    expect(stored).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
    expect([...fake.objects.keys()]).toEqual([`evidence/${stored.sha256}`]);
    const put = fake.requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe(`/${bucket}/evidence/${stored.sha256}`);
    expect(put?.headers['x-amz-checksum-sha256']).toBe(createHash('sha256').update(bytes).digest('base64'));
    expect(put?.headers['content-md5']).toBe(createHash('md5').update(bytes).digest('base64'));

    expect((await storage.get(stored.sha256)).equals(bytes)).toBe(true);
    expect(await storage.has(stored.sha256)).toBe(true);
    expect(await storage.has(sha256Hex(Buffer.from('absent')))).toBe(false);

    const puts = fake.requests.filter((request) => request.method === 'PUT').length;
    await storage.put(Buffer.from(bytes));
    expect(fake.requests.filter((request) => request.method === 'PUT').length).toBe(puts);

    const listed: string[] = [];
    for await (const sha256 of storage.list()) listed.push(sha256);
    expect(listed).toEqual([stored.sha256]);
  });

  it('refuses an object whose bytes no longer match its hash, and a missing object', async () => {
    const { sha256 } = await storage.put(Buffer.from('ảnh chụp màn hình cổng dịch vụ công'));
    fake.objects.set(`evidence/${sha256}`, Buffer.from('changed behind our back'));
    await expect(storage.get(sha256)).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof DomainError && error.kind === 'internal' && error.problems[0]?.code === 'storage.corrupt',
    );
    expect(errors).toContainEqual(expect.objectContaining({ sha256 }));
    await expect(storage.get(sha256Hex(Buffer.from('never stored')))).rejects.toSatisfy(
      (error: unknown) => error instanceof DomainError && error.problems[0]?.code === 'storage.missing',
    );
  });

  it('turns an unreachable store into storage.unavailable', async () => {
    const wrongBucket = new S3EvidenceStorage({
      endpoint: fake.endpoint,
      region: 'us-east-1',
      bucket: 'no-such-bucket',
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
      logger: silentLogger,
    });
    try {
      await expect(wrongBucket.put(Buffer.from('x'))).rejects.toSatisfy(
        (error: unknown) => error instanceof DomainError && error.problems[0]?.code === 'storage.unavailable',
      );
    } finally {
      wrongBucket.close();
    }
  });
});

describe('createEvidenceStorage', () => {
  it('picks S3 when S3_BUCKET is set, else the data directory', () => {
    const s3 = {
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      bucket: 'b1',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    };
    const remote = createEvidenceStorage({ dataDirectory: '/srv/opendti', s3 }, silentLogger);
    expect(remote).toBeInstanceOf(S3EvidenceStorage);
    (remote as S3EvidenceStorage).close();
    const local = createEvidenceStorage({ dataDirectory: '/srv/opendti', s3: undefined }, silentLogger);
    expect(local).toBeInstanceOf(LocalEvidenceStorage);
    expect((local as LocalEvidenceStorage).root).toBe('/srv/opendti/files');
  });

  it('reads the S3 settings from the environment, failing fast on bad ones', () => {
    expect(readConfig({}).s3).toBeUndefined();
    expect(
      readConfig({
        S3_BUCKET: 'opendti-evidence',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      }).s3,
    ).toEqual({
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'opendti-evidence',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    });
    expect(readConfig({ S3_BUCKET: 'b12', S3_FORCE_PATH_STYLE: 'false', S3_REGION: 'ap-southeast-1' }).s3).toMatchObject({
      endpoint: undefined,
      region: 'ap-southeast-1',
      forcePathStyle: false,
    });
    expect(() => readConfig({ S3_BUCKET: 'Bad_Bucket' })).toThrow(ConfigError);
    expect(() => readConfig({ S3_BUCKET: 'b12', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => readConfig({ S3_BUCKET: 'b12', S3_ACCESS_KEY_ID: 'k' })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });
});
