import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, createEncodedResponseCache, encodeResponse } from './encoded-response-cache.js';

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['BR;Q=0.000, gzip', 'gzip'],
    ['br;q=0.5', 'br'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['identity', 'identity'],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('encodeResponse', () => {
  it('keeps the text and its compressed forms equal, Vietnamese included', () => {
    const text = JSON.stringify({
      name: 'Thành phố Điện Biên Phủ',
      value: 0.2849,
      list: Array.from({ length: 200 }, (_, i) => i),
    });
    const encoded = encodeResponse(text);
    expect(encoded.identity.toString('utf8')).toBe(text);
    expect(gunzipSync(encoded.gzip).toString('utf8')).toBe(text);
    expect(brotliDecompressSync(encoded.br).toString('utf8')).toBe(text);
    expect(encodeResponse(Buffer.from(text)).identity.toString('utf8')).toBe(text);
    expect(encodeResponse(new TextEncoder().encode(text).buffer as ArrayBuffer).identity.toString('utf8')).toBe(text);
  });
});

describe('createEncodedResponseCache', () => {
  it('evicts the least recently used responses when over its size', () => {
    const one = encodeResponse('x'.repeat(1000));
    const size = one.identity.length + one.gzip.length + one.br.length;
    const cache = createEncodedResponseCache(size * 2);
    cache.set('a', one);
    cache.set('b', encodeResponse('x'.repeat(1000)));
    cache.get('a');
    cache.set('c', encodeResponse('x'.repeat(1000)));
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
  });

  it('does not keep a response larger than the whole cache', () => {
    const cache = createEncodedResponseCache(100);
    cache.set('big', encodeResponse(Math.random().toString(36).repeat(100)));
    expect(cache.has('big')).toBe(false);
  });
});
