import { LRUCache } from 'lru-cache';

/** Which snapshot a cohort of a period publishes: its ETag, and the key its cached responses live under. */
export interface PublishedVersion {
  etag: string;
  key: string;
}

const NOT_PUBLISHED = 'not-published';
type Remembered = PublishedVersion | typeof NOT_PUBLISHED;

/**
 * How long a process may answer from what it last read about a period's publication. The public
 * responses already allow browsers and proxies 60 s (Cache-Control: max-age=60); one second more in
 * another process is within that promise, and in this process a transition forgets at once.
 */
export const PUBLISHED_VERSION_TTL_MS = 1_000;

/** Every live cache, so a period transition can reach them all (one per app; tests build several). */
const liveCaches = new Set<PublishedVersions>();

/**
 * The version lookup of the public result routes, remembered for a second: under a thousand readers
 * the database sees about one lookup per cohort per second instead of one per request.
 */
export class PublishedVersions {
  private readonly remembered = new LRUCache<string, Remembered>({ max: 10_000, ttl: PUBLISHED_VERSION_TTL_MS });

  constructor(private readonly read: (periodId: string, unitKind: string) => Promise<PublishedVersion | undefined>) {
    liveCaches.add(this);
  }

  async get(periodId: string, unitKind: string): Promise<PublishedVersion | undefined> {
    const key = `${periodId}/${unitKind}`;
    const known = this.remembered.get(key);
    if (known !== undefined) return known === NOT_PUBLISHED ? undefined : known;
    const version = await this.read(periodId, unitKind);
    this.remembered.set(key, version ?? NOT_PUBLISHED);
    return version;
  }

  forgetPeriod(periodId: string): void {
    for (const key of this.remembered.keys()) if (key.startsWith(`${periodId}/`)) this.remembered.delete(key);
  }

  /** Stops receiving transitions (the app closed). */
  dispose(): void {
    liveCaches.delete(this);
  }
}

/** Called after every period transition: publishing, reopening or archiving changes what the public sees. */
export function forgetPublishedPeriod(periodId: string): void {
  for (const cache of liveCaches) cache.forgetPeriod(periodId);
}
