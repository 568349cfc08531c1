#!/usr/bin/env node
// Lints the committed OpenAPI document (web/src/api/openapi.json, which a server test keeps equal to
// what /api/v1/openapi.json serves) with the two linters API consumers use: Redocly CLI's
// recommended rules (redocly.yaml, warnings as errors) and Spectral's spectral:oas (.spectral.yaml,
// failing on warnings). Runs both, so one report shows every problem; exits 1 if either fails.
import { spawnSync } from 'node:child_process';

const document = 'web/src/api/openapi.json';
// No usage report leaves the machine, and no registry is asked for a newer version during a check.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const linters = [
  ['redocly', ['node_modules/@redocly/cli/bin/cli.js', 'lint', document, '--format=stylish']],
  ['spectral', ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', document, '--fail-severity=warn']],
];
let failed = false;
for (const [name, args] of linters) {
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`lint:openapi: ${name} found problems in ${document}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
