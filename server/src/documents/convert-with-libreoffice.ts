import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['soffice', 'libreoffice'];
const TIMEOUT_MS = 120_000;

/**
 * LibreOffice's `soffice` when this machine has it: OPENDTI_SOFFICE if set (a path, or "off" to never
 * use it), else the first of soffice / libreoffice on PATH. Looked up on every call, so installing it
 * takes effect without a restart.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.OPENDTI_SOFFICE;
  if (configured === 'off') return undefined;
  if (configured) return configured;
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const path = join(folder, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The .docx converted by LibreOffice (headless, a private profile per call so that conversions may
 * run side by side, a time limit). Throws with LibreOffice's message when it fails.
 */
export async function convertWithLibreOffice(docx: Uint8Array, soffice: string): Promise<Buffer> {
  const [pdf] = await convertManyWithLibreOffice([docx], soffice);
  if (!pdf) throw new Error('LibreOffice wrote no PDF');
  return pdf;
}

/**
 * Several .docx converted by one LibreOffice process: starting soffice is most of a conversion's
 * time (≈ 1–2 s), so a ZIP of score sheets converts them in batches. The PDFs in the input's order.
 */
export async function convertManyWithLibreOffice(documents: Uint8Array[], soffice: string): Promise<Buffer[]> {
  const folder = await mkdtemp(join(tmpdir(), 'opendti-soffice-'));
  try {
    const inputs = documents.map((_, index) => join(folder, `document-${index}.docx`));
    await Promise.all(documents.map((docx, index) => writeFile(inputs[index] as string, docx)));
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf:writer_pdf_Export',
          '--outdir',
          folder,
          ...inputs,
        ],
        { timeout: TIMEOUT_MS + documents.length * 5_000 },
        (error, _stdout, stderr) => (error ? reject(new Error(`${error.message} ${stderr}`.trim())) : resolve()),
      );
    });
    return await Promise.all(
      documents.map(async (_, index) => {
        try {
          return await readFile(join(folder, `document-${index}.pdf`));
        } catch {
          throw new Error(`LibreOffice wrote no PDF for document ${index + 1} of ${documents.length}`);
        }
      }),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
