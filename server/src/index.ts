/** @opendti/server — for now the `opendti` command; the HTTP server joins it next. */
export { type CliIo, EXIT, runCli } from './cli/run-cli.js';
/** The answer template's column titles, for tools that write such a sheet themselves (the import bench). */
export { ANSWER_COLUMNS } from './spreadsheets/write-answer-template.js';
