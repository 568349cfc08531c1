/**
 * @opendti/frameworks — the built-in framework library. Reading the YAML files is the only thing
 * this package does; parsing and validation are core's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, type FrameworkDocument, parseFramework } from '@opendti/core';

/** `library/` and `schema/` sit beside `src/` and `dist/`, so one relative URL serves both. */
const libraryDirectory = fileURLToPath(new URL('../library/', import.meta.url));
export const frameworkSchemaPath = fileURLToPath(new URL('../schema/framework.schema.json', import.meta.url));

const FRAMEWORK_FILE = /\.(ya?ml|json)$/;

export function listBuiltinFrameworkIds(): string[] {
  return readdirSync(libraryDirectory)
    .filter((name) => FRAMEWORK_FILE.test(name))
    .map((name) => name.replace(FRAMEWORK_FILE, ''))
    .sort();
}

const cache = new Map<string, FrameworkDocument>();

/** A built-in framework by id; throws DomainError('not-found') naming the ids that exist. */
export function loadBuiltinFramework(id: string): FrameworkDocument {
  const cached = cache.get(id);
  if (cached) return cached;
  const ids = listBuiltinFrameworkIds();
  if (!ids.includes(id)) {
    throw new DomainError('not-found', [{ code: 'framework.not-found', params: { id, known: ids.join(', ') } }]);
  }
  const fileName = readdirSync(libraryDirectory).find((name) => name.replace(FRAMEWORK_FILE, '') === id) ?? `${id}.yaml`;
  const document = parseFramework(readFileSync(libraryDirectory + fileName, 'utf8'), `frameworks/library/${fileName}`);
  cache.set(id, document);
  return document;
}

/** Reads and validates a framework file anywhere on disk. */
export function loadFrameworkFile(path: string): FrameworkDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DomainError('invalid-input', [
      {
        code: 'framework.unreadable',
        params: { detail: (error as NodeJS.ErrnoException).code ?? String(error) },
        location: { file: path },
      },
    ]);
  }
  return parseFramework(text, basename(path));
}

/** An id of the built-in library, or a path to a framework file (anything with a slash or an extension). */
export function resolveFramework(idOrPath: string): FrameworkDocument {
  return FRAMEWORK_FILE.test(idOrPath) || idOrPath.includes('/') ? loadFrameworkFile(idOrPath) : loadBuiltinFramework(idOrPath);
}
