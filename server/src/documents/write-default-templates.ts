import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_KINDS } from './document-layout.js';
import { LAYOUTS } from './layouts.js';
import { writeDefaultTemplate } from './write-default-template.js';

/** `npm run documents:templates`: writes the shipped default templates from the layouts. */
const folder = fileURLToPath(new URL('../../documents/templates/', import.meta.url));
for (const kind of DOCUMENT_KINDS) {
  await writeFile(`${folder}${kind}.docx`, await writeDefaultTemplate(LAYOUTS[kind]));
  console.log(`${folder}${kind}.docx`);
}
