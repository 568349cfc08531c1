import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@opendti/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from './write-output-file.js';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'opendti-output-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeOutputFile', () => {
  it('writes the bytes', async () => {
    const path = join(directory, 'results.xlsx');
    await writeOutputFile(path, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });

  it('turns an unwritable path into one clear problem', async () => {
    const error = await writeOutputFile(join(directory, 'no-such-folder', 'results.xlsx'), new Uint8Array(1)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems).toEqual([
      expect.objectContaining({ code: 'cli.output-unwritable', params: { detail: expect.stringContaining('ENOENT') } }),
    ]);
  });
});
