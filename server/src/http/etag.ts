import { createHash } from 'node:crypto';

/** A strong ETag of some content: 27 characters of its SHA-256 in base64url, quoted. */
export function strongEtag(content: string): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}
