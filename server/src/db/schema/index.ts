/** The database schema, one file per aggregate. Migrations are generated from it: `npm run db:generate -w server`. */
export * from './appraisals.js';
export * from './assessments.js';
export * from './audit-log.js';
export * from './council.js';
export * from './documents.js';
export * from './frameworks.js';
export * from './notifications.js';
export * from './periods.js';
export * from './plan-progress.js';
export * from './plans.js';
export * from './results.js';
export * from './unit-maps.js';
export * from './units.js';
export * from './users.js';
