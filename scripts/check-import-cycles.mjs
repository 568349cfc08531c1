#!/usr/bin/env node
// Fails when the folders of server/src import each other in a cycle, and prints each cycle with one
// import for each of its steps. A folder is a node: each first-level folder of the root (http, db,
// cli, …), each `modules/<area>`, and the root's own files (app.ts, …) together as the node "src".
// The root's index.ts is the package's entry: it re-exports the public surface and nothing inside
// imports it, so it is a node of its own ("index"), above everything else.
// Tests are left out: a test may import whatever it exercises, and nothing imports a test.
//
// Import specifiers are read with a regular expression rather than a parser: TypeScript 7 (native)
// has no JavaScript compiler API, and only relative specifiers (`./`, `../`) matter here, which the
// repository's style writes one way (`from '../x.js'`, `import('../x.js')`). Type-only imports count:
// a type shared through a cycle ties the folders together as much as a value does.
//
//   node scripts/check-import-cycles.mjs [root]     (root: server/src)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SPECIFIER = /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function listSources(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names: `x.js` is the source `x.ts`, a folder its index. */
function resolveSpecifier(fromFile, specifier) {
  const target = resolve(dirname(fromFile), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target, join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The node of a file, from its path relative to the root. */
export function folderOf(relativePath) {
  const segments = relativePath.split(sep);
  if (segments.length === 1) return relativePath === 'index.ts' ? 'index' : 'src';
  if (segments[0] === 'modules' && segments.length > 2) return `modules/${segments[1]}`;
  return segments[0];
}

/** Edges between folders, each with the first import seen that makes it: Map<from, Map<to, [file, imported]>>. */
export function readFolderGraph(root) {
  const graph = new Map();
  for (const file of listSources(root)) {
    const from = folderOf(relative(root, file));
    if (!graph.has(from)) graph.set(from, new Map());
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const imported = resolveSpecifier(file, match[1] ?? match[2]);
      if (!imported || relative(root, imported).startsWith('..')) continue;
      const to = folderOf(relative(root, imported));
      if (to === from || graph.get(from).has(to)) continue;
      graph.get(from).set(to, [relative(root, file), relative(root, imported)]);
    }
  }
  return graph;
}

/** Strongly connected components of more than one folder (Tarjan), each sorted, in a stable order. */
function tangledComponents(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The shortest way from a component's first folder back to itself, as a list of folders. */
function shortestCycle(graph, component) {
  const [start] = component;
  const members = new Set(component);
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]));
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * Every cycle between folders of the root: for each tangle of folders, its shortest cycle and the
 * import behind each step, e.g. { folders: ['src', 'modules/auth', 'src'], steps: [[file, imported], …] }.
 */
export function findFolderCycles(root) {
  const graph = readFolderGraph(root);
  return tangledComponents(graph).map((component) => {
    const folders = shortestCycle(graph, component);
    const steps = folders.slice(1).map((to, i) => graph.get(folders[i]).get(to));
    return { folders, component, steps };
  });
}

export function describeCycle(cycle) {
  const lines = [`  ${cycle.folders.join(' → ')}`];
  for (const [file, imported] of cycle.steps) lines.push(`    ${file} imports ${imported}`);
  if (cycle.component.length > cycle.folders.length - 1) lines.push(`    (tangled together: ${cycle.component.join(', ')})`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? 'server/src');
  const cycles = findFolderCycles(root);
  if (cycles.length > 0) {
    console.error(`Import cycles between folders of ${relative(process.cwd(), root) || root}:`);
    for (const cycle of cycles) console.error(describeCycle(cycle));
    console.error('Move what both sides need to a folder below them both (docs/architecture.md).');
    process.exit(1);
  }
  console.log(`no import cycles between folders of ${relative(process.cwd(), root) || root}`);
}
