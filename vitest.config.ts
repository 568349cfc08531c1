import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the "source" export condition), so tests
  // never run against a stale build.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // Server suites open a fresh embedded database in beforeAll (2–4 s alone, much more on two
    // busy cores): hooks get the tests' allowance, not Vitest's 10 s.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'core/src/**/*.test.ts',
            'frameworks/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'e2e/**/*.e2e.test.ts',
            // The repository's own checks (import cycles, the request-data cast rule).
            'scripts/**/*.test.mjs',
          ],
        },
      },
      // The web app's tests run in jsdom with its own Vite config (web/src/**/*.test.{ts,tsx}).
      'web/vitest.config.ts',
    ],
  },
});
