import { join } from 'node:path';
import type { ServerConfig } from '../config/env.js';
import type { EvidenceStorage, StorageLogger } from './evidence-storage.js';
import { LocalEvidenceStorage } from './local-evidence-storage.js';
import { S3EvidenceStorage } from './s3-evidence-storage.js';

/** Evidence goes to S3-compatible object storage when S3_BUCKET is set, else under DATA_DIR/files. */
export function createEvidenceStorage(
  config: Pick<ServerConfig, 'dataDirectory' | 's3'>,
  logger?: StorageLogger,
): EvidenceStorage {
  if (config.s3) return new S3EvidenceStorage({ ...config.s3, ...(logger ? { logger } : {}) });
  return new LocalEvidenceStorage({ root: join(config.dataDirectory, 'files'), ...(logger ? { logger } : {}) });
}

/**
 * The storage a starting server uses: created as above, and for the local disk cleared of the
 * temporary files an upload killed mid-write (SIGKILL, power cut) left behind.
 */
export async function openEvidenceStorage(
  config: Pick<ServerConfig, 'dataDirectory' | 's3'>,
  logger?: StorageLogger,
): Promise<EvidenceStorage> {
  const storage = createEvidenceStorage(config, logger);
  if (storage instanceof LocalEvidenceStorage) await storage.sweepTemporaryFiles();
  return storage;
}
