import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

/** A serialised JSON response, ready in every encoding a client may accept. */
export interface EncodedResponse {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export type ContentEncoding = keyof EncodedResponse;

/**
 * Serialised once, compressed once: a published ranking is immutable for its ETag, so the thousand
 * readers after the first cost a lookup, not a parse, a serialisation and a compression each.
 * Brotli at quality 5 compresses a 65 kB ranking to about a tenth in a few milliseconds; 11 would
 * gain little and cost a hundred times more on the first request.
 */
export function encodeResponse(serialised: string | Buffer | ArrayBuffer): EncodedResponse {
  // Fastify's reply.serialize() is typed to return any of the three; with a JSON schema it is a string.
  const identity =
    typeof serialised === 'string'
      ? Buffer.from(serialised, 'utf8')
      : Buffer.isBuffer(serialised)
        ? serialised
        : Buffer.from(new Uint8Array(serialised));
  return {
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  };
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, else none. A coding listed
 * with q=0 is refused, as RFC 9110 §12.5.3 says; other weights are not ranked (every browser that
 * sends br prefers it).
 */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const refused = parameters.some((parameter) => /^q=0(\.0{0,3})?$/.test(parameter));
    if (name && !refused) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('x-gzip')) return 'gzip';
  return 'identity';
}

/**
 * A least-recently-used cache of encoded responses bounded by their total size, so a province with
 * many periods and units cannot grow the process without limit. Keys are built from ETags, which
 * change whenever the content does: entries never need invalidating, only evicting.
 */
export function createEncodedResponseCache(maxBytes: number): LRUCache<string, EncodedResponse> {
  return new LRUCache<string, EncodedResponse>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.identity.length + entry.gzip.length + entry.br.length,
  });
}

/** Sends an encoded JSON response in the best encoding the client accepts (the caller sets caching headers). */
export function sendEncoded(request: FastifyRequest, reply: FastifyReply, response: EncodedResponse): FastifyReply {
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  reply.header('Vary', 'Accept-Encoding').header('Content-Type', 'application/json; charset=utf-8');
  if (encoding !== 'identity') reply.header('Content-Encoding', encoding);
  return reply.send(response[encoding]);
}
