import type { FrameworkDocument } from './framework-model.js';

/**
 * The English names a framework document gives, by code: the framework itself, its groups, pillars,
 * main indices and indicators. A name missing in English is absent, and the reader shows the
 * Vietnamese one (framework files translate what the source documents publish, not always all).
 */
export interface EnglishNames {
  framework: string | undefined;
  byCode: ReadonlyMap<string, string>;
}

export function englishNamesOf(document: FrameworkDocument): EnglishNames {
  const byCode = new Map<string, string>();
  const add = (node: { code: string; nameEn?: string }) => {
    if (node.nameEn) byCode.set(node.code, node.nameEn);
  };
  for (const group of document.groups ?? []) add(group);
  for (const pillar of document.pillars ?? []) add(pillar);
  for (const main of document.mainIndices) {
    add(main);
    for (const indicator of main.indicators) add(indicator);
  }
  return { framework: document.nameEn, byCode };
}
