/**
 * The public portal's first view in headless Chromium (issue 4 §6): the JavaScript transferred
 * (encoded body sizes of the script responses, as compressed by the server) and the largest
 * contentful paint on 127.0.0.1, median of five cold loads (a fresh browser context each time, so
 * no HTTP cache). Runs the built `opendti serve` on a fresh data directory with the demo; needs
 * `npm run build` first and Debian's Chromium (or CHROMIUM_PATH).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from './bench-http.js';

const CLI = fileURLToPath(new URL('../../server/dist/cli/main.js', import.meta.url));
const WEB = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = 5;
const TARGET_SCRIPT_KB = 300;
const TARGET_LCP_MS = 1500;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(CLI) || !existsSync(WEB)) throw new Error('build first: npm run build');
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: join(mkdtempSync(join(tmpdir(), 'opendti-web-bench-')), 'data'),
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited early');
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server not ready in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Load {
  scriptBytes: number;
  /** The same scripts gzipped (level 6), what a compressing server or proxy would send. */
  gzipBytes: number;
  scripts: number;
  encodings: Set<string>;
  lcpMs: number;
}

async function main(): Promise<void> {
  const { url, child } = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    // One warm-up load (the server's first requests compile templates and fill its caches).
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(url, { waitUntil: 'networkidle' });
    await warm.close();

    const loads: Load[] = [];
    for (let run = 0; run < LOADS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // A string, not a function: the bench compiles without the DOM library.
      await page.addInitScript({
        content: `window.__lcp = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__lcp = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });`,
      });
      const sizes: Promise<{ bytes: number; gzipBytes: number; encoding: string }>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        sizes.push(
          (async () => ({
            bytes: (await response.request().sizes()).responseBodySize,
            gzipBytes: gzipSync(await response.body(), { level: 6 }).length,
            encoding: (await response.headerValue('content-encoding')) ?? 'identity',
          }))(),
        );
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      // The first view is the ranking table of the latest published period.
      await page.locator('table a').first().waitFor();
      const lcpMs = Number(await page.evaluate('window.__lcp'));
      const settled = await Promise.all(sizes);
      loads.push({
        scriptBytes: settled.reduce((sum, size) => sum + size.bytes, 0),
        gzipBytes: settled.reduce((sum, size) => sum + size.gzipBytes, 0),
        scripts: settled.length,
        encodings: new Set(settled.map((size) => size.encoding)),
        lcpMs,
      });
      await context.close();
    }

    const scriptKb = median(loads.map((load) => load.scriptBytes)) / 1024;
    const gzipKb = median(loads.map((load) => load.gzipBytes)) / 1024;
    const lcpMs = median(loads.map((load) => load.lcpMs));
    const encodings = [...new Set(loads.flatMap((load) => [...load.encodings]))].join(', ');
    console.log(`Public portal, first view (${url}/), ${LOADS} cold loads in headless Chromium:`);
    console.log(
      `  JavaScript transferred as served: ${scriptKb.toFixed(1)} KB in ${loads[0]?.scripts} scripts (content-encoding: ${encodings})`,
    );
    console.log(
      `  The same scripts gzipped: ${gzipKb.toFixed(1)} KB; target ≤ ${TARGET_SCRIPT_KB} KB gzip — ${gzipKb <= TARGET_SCRIPT_KB ? 'met' : 'NOT met'}`,
    );
    console.log(
      `  Largest contentful paint (median): ${lcpMs.toFixed(0)} ms (runs: ${loads.map((load) => load.lcpMs.toFixed(0)).join(', ')}); target ≤ ${TARGET_LCP_MS} ms — ${lcpMs <= TARGET_LCP_MS ? 'met' : 'NOT met'}`,
    );
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

await main();
