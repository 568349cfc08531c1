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
export async function registerWebApp(
  app: FastifyInstance,
  root = WEB_ROOT,
  options: { production: boolean } = { production: false },
): Promise<boolean> {
  if (!existsSync(`${root}index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // web/dist holds .br and .gz beside each asset (web/scripts/precompress.mjs): sent when accepted.
    preCompressed: true,
    // Source maps stay on the developer's machine: in production they are not served. The source is
    // public anyway (Apache-2.0), but maps are what scanners report and what nobody at a province needs.
    allowedPath: (pathName) => !(options.production && pathName.endsWith('.map')),
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get<{ Params: { '*': string } }>('/assets/*', { schema: { hide: true } }, (request, reply) => {
    if (options.production && request.params['*'].endsWith('.map')) return reply.callNotFound();
    return reply.sendFile(`assets/${request.params['*']}`);
  });
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

/**
 * The Content-Security-Policy of the app's HTML (issue 9, §5). Scripts only from this origin, no
 * inline script, no eval. Styles may be inline: Mantine writes its CSS variables in a <style> element
 * and positions popovers, and ECharts its tooltips, with style attributes. Images may be data: (ECharts'
 * picture export) and blob: (evidence images), frames and objects blob: only (evidence PDFs are shown
 * from a blob: URL, see the appraisal's evidence viewer). Nothing else is loaded from anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'frame-src blob:',
  "object-src 'none'",
  "worker-src 'self' blob:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year, and subdomains: the standard for a site served only over TLS. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaks;
 * the app's HTML its Content-Security-Policy; and in production (behind the TLS proxy the README
 * requires) HSTS, so that a browser never again asks for the site over plain HTTP.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { production: boolean }): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (options.production) reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
  });
}
