import { createHash } from 'node:crypto';
import { DomainError } from '@opendti/core';

/**
 * Where evidence files (tài liệu kiểm chứng) live: content-addressed by SHA-256, so the same file
 * uploaded twice, by two units or for two indicators, is stored once, and a stored file can be
 * checked against its name at any time. The database keeps only the hash; rows point at content.
 */
export interface EvidenceStorage {
  /** Stores the bytes (once, whatever the number of calls) and returns their SHA-256 (hex) and size. */
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /**
   * The bytes stored under a hash. The hash is verified on every read: damaged content throws a
   * DomainError('internal') with code `storage.corrupt` (and is logged), never reaches a reader.
   * Missing content throws `storage.missing`.
   */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Every stored hash, for backup and consistency checks. */
  list?(): AsyncIterable<string>;
}

/** The little of a pino/Fastify logger storage needs; the default writes one JSON line to stderr. */
export interface StorageLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export const stderrLogger: StorageLogger = {
  error: (details, message) => process.stderr.write(`${JSON.stringify({ level: 'error', msg: message, ...details })}\n`),
  warn: (details, message) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...details })}\n`),
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A hash used as a file or object name must be exactly 64 lowercase hex digits (no path tricks). */
export function requireSha256(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) {
    // Hashes come from our own rows; a malformed one is a bug or tampering, never the user's input.
    throw new DomainError('internal', [{ code: 'storage.bad-hash', params: { sha256: sha256.slice(0, 80) } }]);
  }
  return sha256;
}

export function isSha256(name: string): boolean {
  return SHA256_HEX.test(name);
}

/**
 * Checks bytes read back against the hash they were stored under: bit rot, a truncated copy, an
 * edited file or a misbehaving object store must never be served as evidence.
 */
export function verifyContent(bytes: Buffer, sha256: string, where: string, logger: StorageLogger): Buffer {
  const actual = sha256Hex(bytes);
  if (actual !== sha256) {
    logger.error({ sha256, actual, size: bytes.length, where }, 'evidence content does not match its SHA-256');
    throw new DomainError('internal', [{ code: 'storage.corrupt', params: { sha256 } }]);
  }
  return bytes;
}

export function missingContent(sha256: string): DomainError {
  return new DomainError('internal', [{ code: 'storage.missing', params: { sha256 } }]);
}
