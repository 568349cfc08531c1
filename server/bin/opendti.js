#!/usr/bin/env node
// The `opendti` command as npm links it (node_modules/.bin/opendti, `npx opendti`). This file is
// committed, not built: npm links a package's bin when it installs, before any build, and a bin
// that points into dist/ is silently skipped on a fresh clone ("could not determine executable").
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('opendti: chưa biên dịch — hãy chạy "npm run build" trước / not built yet — run "npm run build" first\n');
  process.exit(2);
}
await import(main.href);
