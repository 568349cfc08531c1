import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, formatProblem, type Problem } from '@opendti/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile } from './read-input-file.js';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'opendti-input-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function problemOf(path: string, maxBytes: number): Promise<Problem | undefined> {
  const error = await readInputFile(path, maxBytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).problems[0];
}

describe('readInputFile', () => {
  it('reads a file whole, named without its folder', async () => {
    const path = join(directory, 'units.csv');
    await writeFile(path, 'code\nH01\n');
    const file = await readInputFile(path, 1024);
    expect([file.name, new TextDecoder().decode(file.bytes)]).toEqual(['units.csv', 'code\nH01\n']);
  });

  it('says when the file does not exist', async () => {
    const path = join(directory, 'missing.xlsx');
    const problem = await problemOf(path, 1024);
    expect(problem).toEqual({ code: 'input.file-not-found', params: { path } });
    expect(formatProblem(problem as Problem, 'vi')).toBe(`không tìm thấy tệp ${path}`);
  });

  it('refuses a file over the limit without reading it, naming the size and the limit', async () => {
    const path = join(directory, 'huge.xlsx');
    await writeFile(path, '');
    await truncate(path, 51 * 1024 * 1024); // sparse: no 51 MB written
    const detail = String((await problemOf(path, 50 * 1024 * 1024))?.params?.detail);
    expect(detail).toContain('51 MB');
    expect(detail).toContain('50 MB');
  });
});
