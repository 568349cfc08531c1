import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DomainError } from '@opendti/core';
import {
  type EvidenceStorage,
  isSha256,
  missingContent,
  requireSha256,
  type StorageLogger,
  stderrLogger,
  verifyContent,
} from './evidence-storage.js';

export interface S3EvidenceStorageOptions {
  /** e.g. http://minio.internal:9000; undefined for AWS itself. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** MinIO and Ceph serve buckets as a path (`host/bucket/key`), not a subdomain. */
  forcePathStyle: boolean;
  logger?: StorageLogger;
}

const KEY_PREFIX = 'evidence/';

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return statusOf(error) === 404 || name === 'NotFound' || name === 'NoSuchKey';
}

/**
 * Evidence in S3-compatible object storage (MinIO, Ceph RGW, AWS S3), one object per content under
 * `evidence/<sha256>`, for installations whose app servers share no disk. Uploads carry both
 * Content-MD5 (checked by every S3 implementation) and x-amz-checksum-sha256 (checked by recent
 * ones), so a body damaged on the way is refused by the store; reads are verified here again.
 * Objects are written whole in one request (files are at most MAX_UPLOAD_MB), so a failed upload
 * never leaves a partial object under its key.
 */
export class S3EvidenceStorage implements EvidenceStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly logger: StorageLogger;

  constructor(options: S3EvidenceStorageOptions) {
    this.bucket = options.bucket;
    this.logger = options.logger ?? stderrLogger;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      // Checksums are set explicitly below; the SDK's default CRC32 trailers are not understood by
      // every S3-compatible server (older MinIO and Ceph releases).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  keyOf(sha256: string): string {
    return KEY_PREFIX + requireSha256(sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const digest = createHash('sha256').update(bytes).digest();
    const sha256 = digest.toString('hex');
    const size = bytes.length;
    const key = this.keyOf(sha256);
    if (await this.hasObject(key, size)) return { sha256, size };
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentLength: size,
          ContentType: 'application/octet-stream',
          ContentMD5: createHash('md5').update(bytes).digest('base64'),
          ChecksumSHA256: digest.toString('base64'),
        }),
      );
    } catch (error) {
      throw this.unavailable(error, 'put', key);
    }
    return { sha256, size };
  }

  async get(sha256: string): Promise<Buffer> {
    const key = this.keyOf(sha256);
    let bytes: Buffer;
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!response.Body) throw missingContent(sha256);
      bytes = Buffer.from(await response.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (isNotFound(error)) {
        this.logger.error({ sha256, bucket: this.bucket, key }, 'evidence object is missing');
        throw missingContent(sha256);
      }
      throw this.unavailable(error, 'get', key);
    }
    return verifyContent(bytes, sha256, `s3://${this.bucket}/${key}`, this.logger);
  }

  async has(sha256: string): Promise<boolean> {
    return this.hasObject(this.keyOf(sha256));
  }

  async *list(): AsyncIterable<string> {
    let continuationToken: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: KEY_PREFIX, ContinuationToken: continuationToken }),
        );
      } catch (error) {
        throw this.unavailable(error, 'list', KEY_PREFIX);
      }
      for (const item of page.Contents ?? []) {
        const name = item.Key?.slice(KEY_PREFIX.length);
        if (name && isSha256(name)) yield name;
      }
      continuationToken = page.NextContinuationToken;
    } while (continuationToken);
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client.destroy();
  }

  private async hasObject(key: string, expectedSize?: number): Promise<boolean> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return expectedSize === undefined || head.ContentLength === expectedSize;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw this.unavailable(error, 'head', key);
    }
  }

  private unavailable(error: unknown, operation: string, key: string): DomainError {
    this.logger.error(
      { err: error, operation, bucket: this.bucket, key, status: statusOf(error) },
      'object storage request failed',
    );
    return new DomainError('internal', [{ code: 'storage.unavailable' }]);
  }
}
