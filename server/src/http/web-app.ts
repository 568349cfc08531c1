import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The built web app, beside the server package (`web/dist`), in a clone and in the installed tree alike. */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the single-page app on the API's port: hashed assets cached for a year, index.html never
 * cached, and every other GET outside /api answered with index.html so that the app's own routes
 * (/ket-qua/…, /don-vi/…) work on reload. Without a build (tests, API-only use) nothing is served.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_ROOT): Promise<boolean> {
  if (!existsSync(`${root}index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // web/dist holds .br and .gz beside each asset (web/scripts/precompress.mjs): sent when accepted.
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get<{ Params: { '*': string } }>('/assets/*', { schema: { hide: true } }, (request, reply) =>
    reply.sendFile(`assets/${request.params['*']}`),
  );
  return true;
}

/** For the not-found handler: a browser navigating to one of the app's pages gets the app. */
export function wantsWebApp(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.url.startsWith('/api/') &&
    !request.url.startsWith('/assets/') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/** Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaks. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
}
