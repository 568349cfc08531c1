/**
 * `@opendti/server/documents`: the document functions the routes and `opendti report` use, for tools
 * (the bench) that want them without loading the whole server.
 */
export { DEFAULT_PROVINCE_HEADER } from './province-header.js';
export { renderDocument } from './render-document.js';
export { buildResultReportData } from './result-report-data.js';
export { buildScoreSheetData } from './score-sheet-data.js';
export { writeZip, type ZipEntry } from './write-zip.js';
