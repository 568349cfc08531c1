import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repository = join(import.meta.dirname, '..', '..');
const plugin = join(import.meta.dirname, 'no-request-data-cast.grit');
const directory = mkdtempSync(join(tmpdir(), 'request-data-cast-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Lints one file with the plugin alone (a configuration of its own), and returns the lines it flags. */
function flaggedLines(source) {
  writeFileSync(join(directory, 'biome.json'), JSON.stringify({ plugins: [plugin], formatter: { enabled: false } }));
  writeFileSync(join(directory, 'sample.routes.ts'), source);
  const biome = spawnSync(
    process.execPath,
    [join(repository, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'lint', '--reporter=json', 'sample.routes.ts'],
    { cwd: directory, encoding: 'utf8' },
  );
  const report = JSON.parse(biome.stdout);
  return report.diagnostics
    .filter((diagnostic) => diagnostic.category === 'plugin')
    .map((diagnostic) => diagnostic.location.start.line);
}

describe('no cast of request data (Biome plugin)', () => {
  it('flags a cast of request.params, body, query or headers, or of a part of them', () => {
    const source = [
      'export function handle(request: { params: unknown; body: unknown; query: unknown; headers: unknown }) {',
      '  const { id } = request.params as { id: string };',
      '  const body = request.body as { name: string };',
      '  const page = (request.query as { page?: number }).page;',
      "  const lang = request.headers['accept-language'] as string;",
      '  return [id, body, page, lang];',
      '}',
      '',
    ].join('\n');
    expect(flaggedLines(source)).toEqual([2, 3, 4, 5]);
  });

  it('leaves typed reads and casts of anything else alone', () => {
    const source = [
      'export function handle(request: { params: { id: string }; sessionToken?: string }, other: { body: unknown }) {',
      '  const { id } = request.params;',
      '  const token = request.sessionToken as string;',
      '  const body = other.body as { name: string };',
      '  return [id, token, body];',
      '}',
      '',
    ].join('\n');
    expect(flaggedLines(source)).toEqual([]);
  });

  it('is applied to server/src by biome.json', () => {
    const overrides = JSON.parse(readFileSync(join(repository, 'biome.json'), 'utf8')).overrides;
    expect(overrides).toContainEqual({ includes: ['server/src/**'], plugins: ['./scripts/lint/no-request-data-cast.grit'] });
  });
});
