import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from './database.js';
import { initialImagePath, readInitialImage, writeInitialImage } from './initial-database-image.js';
import { units } from './schema/index.js';

describe('the initial database image', () => {
  const folder = mkdtempSync(join(tmpdir(), 'opendti-image-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const migrationCount = readdirSync(new URL('../../drizzle', import.meta.url)).filter((name) => name.endsWith('.sql')).length;

  it('is built once per set of migrations', async () => {
    await writeInitialImage();
    expect(existsSync(initialImagePath())).toBe(true);
    expect((await writeInitialImage()).built).toBe(false);
    expect(readInitialImage()?.size).toBeGreaterThan(100_000);
  }, 120_000);

  it('starts a new data directory already migrated, which keeps what is written after a restart', async () => {
    const directory = join(folder, 'db');
    const first = await openEmbeddedDatabase(directory);
    const applied = await first.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.count).toBe(migrationCount);
    await first.migrate(); // nothing left to apply
    await first.db.insert(units).values({ code: 'ANH', name: 'Đơn vị thử ảnh', kind: 'department' });
    await first.close();
    expect(existsSync(join(directory, 'PG_VERSION'))).toBe(true);

    const again = await openEmbeddedDatabase(directory);
    const rows = await again.db.select({ code: units.code }).from(units);
    expect(rows.map((row) => row.code)).toEqual(['ANH']);
    await again.close();
  }, 120_000);
});
