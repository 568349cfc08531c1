import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import yazl from 'yazl';

const BUFFERED_LIMIT = 4 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
  /** A .docx is compressed already: stored as is, it costs no time to zip again. */
  compress: boolean;
}

/**
 * A ZIP written as its entries arrive: each one is added and let go before the next is asked for,
 * so memory holds one entry whatever the count. Resolves when the output has taken the last byte.
 */
export async function writeZip(entries: AsyncIterable<ZipEntry>, output: Writable): Promise<void> {
  const zip = new yazl.ZipFile();
  const finished = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('close', resolve);
    output.on('error', reject);
  });
  zip.outputStream.pipe(output);
  try {
    for await (const entry of entries) {
      zip.addBuffer(Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength), entry.name, {
        compress: entry.compress,
      });
      // Back-pressure from a slow client: the next entry is made once the archive has mostly drained.
      const archive = zip.outputStream as unknown as Readable;
      while (archive.readableLength > BUFFERED_LIMIT && !output.destroyed) await sleep(5);
    }
  } finally {
    zip.end();
  }
  await finished;
}
