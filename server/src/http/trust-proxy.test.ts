/**
 * TRUST_PROXY behind a real reverse proxy (issue 9, the probe's untested half): Debian's nginx in
 * front of two servers over one database, one with TRUST_PROXY=true and one without, forwarding
 * with `$proxy_add_x_forwarded_for` as a production site does. Distinct clients are distinct
 * loopback source addresses (127.0.0.x), so nginx itself sees and appends them; every client also
 * sends an X-Forwarded-For of its own, as an attacker would. The sign-in throttle's rows show which
 * address each server counted. Skipped where nginx is not installed (`.ci/run` installs it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { readConfig } from '../config/env.js';
import { loginThrottle } from '../db/schema/index.js';
import { MAX_CLIENT_FAILURES } from '../modules/auth/auth.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const NGINX = '/usr/sbin/nginx';
const HAVE_NGINX = existsSync(NGINX);
const SPOOFED = '203.0.113.66';

describe('TRUST_PROXY as read from the environment', () => {
  it('takes true as the proxy on this machine (never "trust every hop"), or the proxies’ addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual(['127.0.0.1', '::1']);
    expect(readConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    for (const wrong of ['maybe', '2', '10.0.0.0/33', '127.0.0.1,nginx'])
      expect(() => readConfig({ TRUST_PROXY: wrong }), wrong).toThrow(/TRUST_PROXY=.*use false, true/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A wrong sign-in through the proxy, from one loopback address, with the client's own X-Forwarded-For. */
function signInThrough(port: number, from: string, username: string): Promise<{ status: number; code: string }> {
  const body = JSON.stringify({ username, password: 'Sai-mat-khau-2024!' });
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': SPOOFED },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, code: JSON.parse(text).error?.code }));
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

async function waitForPort(port: number, deadline = Date.now() + 10_000): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1');
      socket.on('listening', () => socket.close(() => resolve(false)));
      socket.on('error', () => resolve(true));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

describe.skipIf(!HAVE_NGINX)(
  `behind Debian's nginx${HAVE_NGINX ? '' : ` (skipped: ${NGINX} is missing; apt-get install nginx-light, as .ci/run does)`}`,
  () => {
    let t: TestApp;
    let trusting: FastifyInstance;
    let untrusting: FastifyInstance;
    let nginx: ChildProcess;
    let directory: string;
    const proxy = { trusting: 0, untrusting: 0 };

    beforeAll(async () => {
      t = await createTestApp('pglite');
      const serve = async (trustProxy: string) => {
        const app = await buildApp({
          config: readConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: trustProxy }),
          database: t.database,
          logger: false,
        });
        await app.listen({ host: '127.0.0.1', port: 0 });
        return app;
      };
      trusting = await serve('true');
      untrusting = await serve('false');
      proxy.trusting = await freePort();
      proxy.untrusting = await freePort();
      directory = await mkdtemp(join(tmpdir(), 'opendti-nginx-'));
      await chmod(directory, 0o755);
      const site = (listen: number, app: FastifyInstance) => `
    server {
      listen 127.0.0.1:${listen};
      location / {
        proxy_pass http://127.0.0.1:${(app.server.address() as AddressInfo).port};
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
      }
    }`;
      await writeFile(
        join(directory, 'nginx.conf'),
        `worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${directory}/body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  ${site(proxy.trusting, trusting)}
  ${site(proxy.untrusting, untrusting)}
}
`,
      );
      nginx = spawn(NGINX, ['-p', directory, '-c', join(directory, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
      await waitForPort(proxy.trusting);
      await waitForPort(proxy.untrusting);
    }, 120_000);

    afterAll(async () => {
      if (nginx?.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once('exit', resolve));
        nginx.kill('SIGTERM');
        await exited;
      }
      await trusting?.close();
      await untrusting?.close();
      await t?.close();
      if (directory) await rm(directory, { recursive: true, force: true });
    });

    const countedAddresses = async () =>
      (await t.database.db.select().from(loginThrottle))
        .map((row) => row.clientKey)
        .filter((key) => !key.startsWith('user:'))
        .sort();

    it('with TRUST_PROXY=true counts the address nginx appended, not the one the client wrote', async () => {
      expect(await signInThrough(proxy.trusting, '127.0.0.2', 'khong-ai-1')).toEqual({
        status: 401,
        code: 'auth.wrong-credentials',
      });
      expect(await countedAddresses()).toEqual(['127.0.0.2']);
    });

    it('with TRUST_PROXY=true refuses one client after its limit, however it varies what it sends, and not another', async () => {
      for (let attempt = 1; attempt < MAX_CLIENT_FAILURES; attempt++)
        expect((await signInThrough(proxy.trusting, '127.0.0.2', `khong-ai-${attempt + 1}`)).status).toBe(401);
      expect(await signInThrough(proxy.trusting, '127.0.0.2', 'khong-ai-x')).toMatchObject({
        status: 429,
        code: 'http.rate-limited',
      });
      expect(await signInThrough(proxy.trusting, '127.0.0.3', 'khong-ai-y')).toMatchObject({ status: 401 });
      expect(await countedAddresses()).toEqual(['127.0.0.2', '127.0.0.3']);
    });

    it('with TRUST_PROXY=false counts the proxy’s own address', async () => {
      await t.database.db.delete(loginThrottle);
      expect((await signInThrough(proxy.untrusting, '127.0.0.4', 'khong-ai-z')).status).toBe(401);
      expect(await countedAddresses()).toEqual(['127.0.0.1']);
    });
  },
);
