import { defineConfig } from 'drizzle-kit';

// Generates committed SQL migrations from the schema: `npm run db:generate -w server`.
// Never edit a migration that has landed; add a new one.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
