/**
 * A client that goes away in the middle of an upload (a closed tab, a dropped connection) is not a
 * server error: the log says so at info level, not as an "unhandled error" an operator would chase.
 * A real socket, since app.inject cannot abort half-way.
 */
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { readConfig } from '../config/env.js';
import type { DatabaseHandle } from '../db/database.js';
import { type SeededDemo, seedDemoData } from '../demo/seed-demo-data.js';
import { installBuiltinFrameworks } from '../modules/frameworks/frameworks.service.js';
import { openTestDatabase } from '../test-support/test-databases.js';

describe('a client aborting an upload', () => {
  const logLines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  let database: DatabaseHandle;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let demo: SeededDemo;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await installBuiltinFrameworks(database.db);
    demo = (await seedDemoData(database.db)) as SeededDemo;
    app = await buildApp({ config: readConfig({ LOG_LEVEL: 'info' }), database, logger: { level: 'info', stream } });
    await app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('is logged at info, with no error entry', async () => {
    const account = demo.accounts.find((candidate) => candidate.username === 'nhaplieu.dbp');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nhaplieu.dbp', password: account?.password ?? '' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `opendti_session=${login.cookies.find((item) => item.name === 'opendti_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const periods = (await app.inject({ method: 'GET', url: '/api/v1/periods', headers })).json().items as {
      id: string;
      year: number;
    }[];
    const open = periods.find((period) => period.year === 2023);
    const assessmentId = (await app.inject({ method: 'GET', url: `/api/v1/periods/${open?.id}/assessments`, headers })).json()
      .items[0].id;

    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const boundary = 'opendti-test-boundary';
    await new Promise<void>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () => {
        socket.write(
          [
            `POST /api/v1/assessments/${assessmentId}/indicators/1.1/evidence HTTP/1.1`,
            'Host: 127.0.0.1',
            `Cookie: ${cookie}`,
            `X-CSRF-Token: ${headers['x-csrf-token']}`,
            `Content-Type: multipart/form-data; boundary=${boundary}`,
            'Content-Length: 2000000',
            '',
            `--${boundary}`,
            'Content-Disposition: form-data; name="files"; filename="bao-cao.pdf"',
            'Content-Type: application/pdf',
            '',
            `%PDF-1.7\n${'x'.repeat(50_000)}`,
          ].join('\r\n'),
        );
        // Half the file sent: the reporter closes the tab.
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 300);
      });
      socket.on('error', reject);
    });
    await expect
      .poll(() => logLines.some((line) => line.msg?.startsWith('client closed the connection')), { timeout: 10_000 })
      .toBe(true);
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
