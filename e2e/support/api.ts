import type { RunningServer } from './server.js';

/** A signed-in session on the HTTP API, for the steps of a journey that are not its point. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

export function demoPassword(server: RunningServer, username: string): string {
  const value = server.passwords.get(username);
  if (!value) throw new Error(`no demo password for ${username}`);
  return value;
}

export async function apiSignIn(server: RunningServer, username: string): Promise<ApiSession> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword(server, username) }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] as string)
    .find((pair) => pair.startsWith('opendti_session='));
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookie ?? '', csrfToken: body.csrfToken };
}

export async function apiCall<T>(
  server: RunningServer,
  session: ApiSession | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
