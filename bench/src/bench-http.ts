/**
 * What every bench that drives a real `opendti serve` needs: a free port on 127.0.0.1, the demo
 * passwords the server prints at its first start, a sign-in, and an API call with the session's
 * cookie and CSRF token.
 */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The demo passwords `serve` prints once at first start, by username. */
export function demoPasswords(stdout: string): Map<string, string> {
  const accounts = new Map<string, string>();
  for (const match of stdout.matchAll(/^\s+\w+\s+(\S+)\s+(Demo-\S+)\s*$/gm)) accounts.set(match[1] as string, match[2] as string);
  return accounts;
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('opendti_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (cookie as string).split(';')[0] as string, csrfToken };
}

export async function api<T>(base: string, session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
