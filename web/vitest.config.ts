import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// The web app's tests: jsdom, the app's own Vite config (React, the "source" condition), and a
// setup file with the browser APIs Mantine expects and jsdom lacks.
export default mergeConfig(
  viteConfig,
  defineProject({
    test: {
      name: 'web',
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./vitest.setup.ts'],
    },
  }),
);
