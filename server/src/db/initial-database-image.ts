import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

/**
 * An image of an empty embedded database with every committed migration applied, made by
 * `npm run build` (server/dist/initial-database-<key>.tar.gz) and loaded by a server starting on an
 * empty data directory, instead of PGlite's initdb and the migrations: a cold start saves 2–8 s on
 * a 2-core machine (initdb in WebAssembly is most of it), and every in-memory test database too.
 *
 * The key hashes the migration files and the PGlite version, so an image never outlives either; a
 * missing or unreadable image only means the slow path (initdb, then migrate).
 */
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
const imageFolder = fileURLToPath(new URL('../../dist', import.meta.url));
const IMAGE_PREFIX = 'initial-database-';

export function initialImageKey(): string {
  const hash = createHash('sha256');
  // PGlite exports no package.json; its entry point lies in dist/, beside which the file is.
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pglitePackage = join(pgliteEntry.slice(0, pgliteEntry.lastIndexOf('/dist/')), 'package.json');
  const pgliteVersion = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version;
  hash.update(`pglite ${pgliteVersion}\n`);
  for (const file of readdirSync(migrationsFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(`${file}\n`).update(readFileSync(join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function initialImagePath(): string {
  return join(imageFolder, `${IMAGE_PREFIX}${initialImageKey()}.tar.gz`);
}

/** The image for the current migrations, or undefined when none was built. */
export function readInitialImage(): Blob | undefined {
  try {
    return new Blob([readFileSync(initialImagePath())]);
  } catch {
    return undefined;
  }
}

/** Builds the image unless the current one exists; removes images of older migrations. Returns its path. */
export async function writeInitialImage(): Promise<{ path: string; built: boolean }> {
  const path = initialImagePath();
  if (existsSync(path)) return { path, built: false };
  const client = new PGlite();
  await client.waitReady;
  await migrate(drizzle({ client }), { migrationsFolder });
  const image = await client.dumpDataDir('gzip');
  await client.close();
  mkdirSync(imageFolder, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await image.arrayBuffer()));
  renameSync(temporary, path);
  for (const name of readdirSync(imageFolder)) {
    if (name.startsWith(IMAGE_PREFIX) && join(imageFolder, name) !== path) rmSync(join(imageFolder, name), { force: true });
  }
  return { path, built: true };
}
