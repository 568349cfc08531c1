import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { readDefaultTemplate } from '../documents/render-document.js';
import { readDocxText } from '../test-support/docx-package.js';
import { runCli } from './run-cli.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
  });
  return { code, stdout, stderr };
}

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const demoCsv = root('frameworks/demo/dienbien-2022-district.csv');
const directory = mkdtempSync(join(tmpdir(), 'opendti-report-'));
const base = ['report', '--framework', 'dienbien-2022-district', '--input', demoCsv];

describe('opendti report', () => {
  it('writes the result report with the province header and says which program made it', async () => {
    const header = join(directory, 'header.json');
    writeFileSync(
      header,
      JSON.stringify({ parentBody: 'Ủy ban nhân dân tỉnh Điện Biên', place: 'Điện Biên', signerName: 'Lò Văn A' }),
    );
    const output = join(directory, 'bao-cao.docx');
    const run = await cli(...base, '--header', header, '--title', 'Đánh giá năm 2022', '--output', output);
    expect([run.code, run.stderr]).toEqual([0, `${output}: result-report, docx (docxtemplater)\n`]);
    const text = readDocxText(readFileSync(output));
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN');
    expect(text).toContain('Kỳ đánh giá "Đánh giá năm 2022"');
    expect(text).toContain('Lò Văn A');
  });

  it('refuses a unit not in the input, and a template with an unknown field, writing nothing', async () => {
    const missing = join(directory, 'khong-co.docx');
    const unknown = await cli(...base, '--unit', 'KHONGCO', '--output', missing);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('đơn vị KHONGCO không có trong kết quả');
    const zip = new PizZip(await readDefaultTemplate('result-report'));
    zip.file('word/document.xml', (zip.file('word/document.xml')?.asText() ?? '').replace('{periodName}', '{tenKy}'));
    const template = join(directory, 'mau.docx');
    writeFileSync(template, zip.generate({ type: 'nodebuffer' }));
    const refused = await cli(...base, '--template', template, '--output', missing);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('{tenKy}');
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a unit sheet from a results.json (it has no indicator points)', async () => {
    const results = join(directory, 'ket-qua.json');
    expect(
      (await cli('score', '--framework', 'dienbien-2022-district', '--input', demoCsv, '--format', 'json', '--output', results))
        .code,
    ).toBe(0);
    const run = await cli(...base.slice(0, 3), '--input', results, '--unit', 'DBP', '--output', join(directory, 'x.docx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--unit');
  });
});
