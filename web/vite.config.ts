import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Dev mode: `npm run dev -w web` serves the app with hot reload on :5173 and forwards the API to a
// running `opendti serve` on :8080 (or OPENDTI_API, e.g. http://127.0.0.1:18300). Production:
// `opendti serve` serves web/dist itself.
const apiTarget = process.env.OPENDTI_API || 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  // Workspace packages resolve to their TypeScript sources, as in tests.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/healthz': apiTarget },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Routes are split with React.lazy; ECharts is loaded only by pages with charts.
    chunkSizeWarningLimit: 700,
  },
});
