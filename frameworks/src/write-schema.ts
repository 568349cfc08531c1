/** Writes core's framework JSON Schema to `schema/framework.schema.json` for editors: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { frameworkJsonSchema } from '@opendti/core';
import { frameworkSchemaPath } from './index.js';

export function renderFrameworkSchema(): string {
  return `${JSON.stringify(frameworkJsonSchema, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  writeFileSync(frameworkSchemaPath, renderFrameworkSchema());
  console.log(`wrote ${frameworkSchemaPath}`);
}
