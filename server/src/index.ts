/** @opendti/server — for now the `opendti` command; the HTTP server joins it next. */
export { type CliIo, EXIT, runCli } from './cli/run-cli.js';
