// After `vite build`: writes a .gz and a .br beside every text asset of web/dist, so that
// `opendti serve` sends compressed files (@fastify/static `preCompressed`) at no cost per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../dist/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|css|html|svg|json|map)$/;
let files = 0;
let before = 0;
let after = 0;
function walk(directory) {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name) && !name.endsWith('.map')) {
      const bytes = readFileSync(path);
      const gzip = gzipSync(bytes, { level: 9 });
      writeFileSync(`${path}.gz`, gzip);
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      files++;
      before += bytes.length;
      after += gzip.length;
    }
  }
}
walk(root);
console.log(`precompressed ${files} files: ${(before / 1024).toFixed(0)} kB → ${(after / 1024).toFixed(0)} kB gzip`);
