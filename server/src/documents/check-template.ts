import { DomainError, type Problem } from '@opendti/core';
import Docxtemplater from 'docxtemplater';
import createInspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { type DocumentLayout, type TagTree, tagTreeOf } from './document-layout.js';
import { TEMPLATE_OPTIONS } from './fill-template.js';
import { DOCUMENT_NAMES } from './layouts.js';

interface InspectModule extends Docxtemplater.DXT.Module {
  getAllTags(): Record<string, unknown>;
}

interface TemplateErrorDetail {
  properties?: { xtag?: string; explanation?: string; id?: string; errors?: TemplateErrorDetail[] };
  message?: string;
}

/** docxtemplater's complaints, one line each, naming the tag ("{#ranking}: unclosed loop"). */
function brokenTags(error: unknown): string[] {
  const detail = error as TemplateErrorDetail;
  const errors = detail.properties?.errors ?? [detail];
  return errors.map((item) => {
    const tag = item.properties?.xtag;
    const explanation = item.properties?.explanation ?? item.message ?? String(item);
    return tag ? `{${tag}}: ${explanation}` : explanation;
  });
}

/** Tags of `found` the layout does not fill, as dotted paths (a loop's field: "ranking.name"). */
function unknownTags(found: TagTree, known: TagTree, scope: TagTree[] = [], prefix = ''): string[] {
  const unknown: string[] = [];
  for (const [tag, children] of Object.entries(found)) {
    // docxtemplater resolves a tag in the loop's item first, then in each enclosing scope.
    const match = known[tag] ?? scope.find((outer) => outer[tag] !== undefined)?.[tag];
    if (match === undefined) {
      unknown.push(`${prefix}${tag}`);
      continue;
    }
    unknown.push(...unknownTags(children, match, [known, ...scope], `${prefix}${tag}.`));
  }
  return unknown;
}

function collectTags(tree: TagTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([tag, children]) => [`${prefix}${tag}`, ...collectTags(children, `${prefix}${tag}.`)]);
}

/** The template's tags, nested by loop; a broken tag or a file that is no .docx is refused. */
export function readTemplateTags(bytes: Uint8Array): TagTree {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
    if (!zip.file('word/document.xml')) throw new Error('word/document.xml is missing');
  } catch (error) {
    throw new DomainError('invalid-input', [
      { code: 'document.template-unreadable', params: { detail: error instanceof Error ? error.message : String(error) } },
    ]);
  }
  // The package exports a factory (its typings say a class).
  const inspect = (createInspectModule as unknown as () => InspectModule)();
  try {
    // The refusal is reported to the administrator, not logged by docxtemplater.
    new Docxtemplater(zip, { ...TEMPLATE_OPTIONS, errorLogging: false, modules: [inspect] });
  } catch (error) {
    throw new DomainError(
      'invalid-input',
      brokenTags(error).map((detail): Problem => ({ code: 'document.template-broken-tag', params: { detail } })),
    );
  }
  return inspect.getAllTags() as TagTree;
}

/**
 * An uploaded template checked against its layout: every tag must be one the document fills (in the
 * right loop), and the required ones (the tables and totals that carry the numbers) must be there.
 * Refused with every unknown and missing tag named; nothing is stored on refusal.
 */
export function checkTemplate(layout: DocumentLayout, bytes: Uint8Array): void {
  const found = readTemplateTags(bytes);
  const known = tagTreeOf(layout);
  const name = DOCUMENT_NAMES[layout.kind];
  const problems: Problem[] = [];
  const unknown = unknownTags(found, known);
  if (unknown.length > 0) {
    problems.push({
      code: 'document.template-unknown-tags',
      params: { document: name.vi, documentEn: name.en, tags: unknown.map((tag) => `{${tag}}`).join(', ') },
    });
  }
  const present = new Set(collectTags(found).map((path) => path.split('.').at(-1)));
  const missing = layout.required.filter((tag) => !present.has(tag));
  if (missing.length > 0) {
    problems.push({
      code: 'document.template-missing-tags',
      params: { document: name.vi, documentEn: name.en, tags: missing.map((tag) => `{${tag}}`).join(', ') },
    });
  }
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
}
