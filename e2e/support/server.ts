import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../server/dist/cli/main.js', import.meta.url));
const WEB = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

export interface RunningServer {
  url: string;
  /** Demo accounts printed at first start: username → password. */
  passwords: Map<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `opendti serve` as a user runs it — the built server serving the built web app — on a fresh data
 * directory with the demo, on a free port of 127.0.0.1, with `env` added (SMTP_URL, …). `npm run check`
 * builds before testing.
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  if (!existsSync(CLI) || !existsSync(WEB))
    throw new Error('build first: npm run build (the e2e journeys run the built server and web app)');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: join(mkdtempSync(join(tmpdir(), 'opendti-e2e-')), 'data'),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const passwords = new Map<string, string>();
  for (const match of output.matchAll(/^\s+\w+\s+(\S+)\s+(Demo-\S+)$/gm)) passwords.set(match[1] as string, match[2] as string);
  return {
    url,
    passwords,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
