import { XMLValidator } from 'fast-xml-parser';
import PizZip from 'pizzip';

/**
 * What Word checks before it offers "repair": every XML part well-formed, every part with a content
 * type, every internal relationship pointing at a part that exists. Returns the problems found.
 */
export function docxPackageProblems(bytes: Uint8Array): string[] {
  const zip = new PizZip(bytes);
  const problems: string[] = [];
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
  const types = zip.file('[Content_Types].xml')?.asText();
  if (!types) return ['[Content_Types].xml is missing'];
  const defaults = new Set([...types.matchAll(/<Default[^>]*Extension="([^"]+)"/g)].map((match) => match[1]?.toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override[^>]*PartName="([^"]+)"/g)].map((match) => match[1]));
  for (const part of parts) {
    if (part.endsWith('.xml') || part.endsWith('.rels')) {
      const verdict = XMLValidator.validate(zip.file(part)?.asText() ?? '');
      if (verdict !== true) problems.push(`${part}: not well-formed (${verdict.err.msg}, line ${verdict.err.line})`);
    }
    if (part === '[Content_Types].xml') continue;
    const extension = part.split('.').at(-1)?.toLowerCase();
    if (!overrides.has(`/${part}`) && !defaults.has(extension)) problems.push(`${part}: no content type`);
  }
  for (const rels of parts.filter((part) => part.endsWith('.rels'))) {
    const base = rels.replace(/_rels\/[^/]*\.rels$/, '');
    for (const match of (zip.file(rels)?.asText() ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = match[0];
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]+)"/.exec(tag)?.[1] ?? '';
      const resolved = target.startsWith('/') ? target.slice(1) : normalise(`${base}${target}`);
      if (!zip.file(resolved)) problems.push(`${rels}: relationship target ${target} does not exist`);
    }
  }
  return problems;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The document's tables as rows of cell texts, in order: what a reader of the .docx sees in them. */
export function readDocxTables(bytes: Uint8Array): string[][][] {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  const textOf = (fragment: string) =>
    decode([...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1] ?? '')),
    ),
  );
}

/** All the document's text, paragraphs joined by new lines. */
export function readDocxText(bytes: Uint8Array): string {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  return [...xml.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)]
    .map((p) => decode([...(p[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .join('\n');
}
