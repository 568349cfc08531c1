import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '@opendti/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { EvidenceStorage } from '../storage/evidence-storage.js';

/**
 * Every table a backup holds, parents before children so that a restore satisfies foreign keys.
 * Sessions and login throttling are deliberately left out: a restored system starts signed out.
 */
export const BACKUP_TABLES = [
  'units',
  'frameworks',
  'users',
  'periods',
  'period_cohorts',
  'period_units',
  'assessments',
  'answers',
  'evidence',
  'appraisals',
  'supplementation_requests',
  'rebuttal_contests',
  'appraisal_assignments',
  'council_minutes',
  'audit_log',
  'result_snapshots',
  'unit_maps',
  'plans',
  'plan_targets',
  'plan_tasks',
  'plan_task_evidence',
  'plan_progress_reports',
  'plan_task_comments',
  'indicator_ownership',
  'document_settings',
  'document_templates',
  'notifications',
  'notification_email_opt_outs',
] as const;

const FORMAT = 'opendti-backup';
const FORMAT_VERSION = 1;
const BATCH = 500;

type Line =
  | { format: typeof FORMAT; version: number; createdAt: string; tables: readonly string[] }
  | { table: string; rows: unknown[] }
  | { file: string; content: string }
  | { end: true; rows: number; files: number };

/**
 * A logical backup, the same for PGlite and PostgreSQL: gzip'd JSON lines holding every row of every
 * table (as PostgreSQL's own row_to_json, so types round-trip exactly) and every evidence file the
 * rows refer to. Written to a temporary name and renamed at the end: a backup file that exists is whole.
 */
export async function createBackup(
  db: Database,
  storage: EvidenceStorage,
  path: string,
): Promise<{ rows: number; files: number }> {
  let rows = 0;
  let files = 0;
  async function* lines(): AsyncGenerator<string> {
    const header: Line = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), tables: BACKUP_TABLES };
    yield `${JSON.stringify(header)}\n`;
    for (const table of BACKUP_TABLES) {
      const result = await db.execute(sql.raw(`select row_to_json(t) as row from ${table} t`));
      const all = (result as unknown as { rows: { row: unknown }[] }).rows.map((entry) => entry.row);
      for (let start = 0; start < all.length; start += BATCH) {
        const batch = all.slice(start, start + BATCH);
        rows += batch.length;
        yield `${JSON.stringify({ table, rows: batch } satisfies Line)}\n`;
      }
    }
    // Assessment evidence and plan task evidence share the content-addressed storage.
    const hashes = await db.execute(
      sql.raw('select sha256 from evidence where sha256 is not null union select sha256 from plan_task_evidence order by sha256'),
    );
    for (const { sha256 } of (hashes as unknown as { rows: { sha256: string }[] }).rows) {
      const content = await storage.get(sha256); // verified against its hash on the way out
      files++;
      yield `${JSON.stringify({ file: sha256, content: content.toString('base64') } satisfies Line)}\n`;
    }
    yield `${JSON.stringify({ end: true, rows, files } satisfies Line)}\n`;
  }
  const temporary = `${path}.partial`;
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(temporary));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { rows, files };
}

function badBackup(detail: string): DomainError {
  return new DomainError('invalid-input', [{ code: 'backup.invalid', params: { detail } }]);
}

/**
 * Restores a backup into an empty, migrated database (and its evidence storage): every answer, file
 * and audit entry comes back. Refuses a database that already holds users, and a file that is not a
 * whole backup (it must end with its end marker); the rows are restored in one transaction, so a
 * failure leaves the database empty.
 */
export async function restoreBackup(
  db: Database,
  storage: EvidenceStorage,
  path: string,
): Promise<{ rows: number; files: number }> {
  const existing = await db.execute(sql.raw('select count(*)::int as count from users'));
  if (((existing as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0) > 0) {
    throw new DomainError('conflict', [{ code: 'backup.not-empty' }]);
  }
  // pipe() forwards no errors: a missing file, or a gunzip failure after the loop below has already
  // stopped at a bad line, was an unhandled 'error' event — a Node stack trace after the message.
  // Every stream's error now ends the read, and the loop's catch reports the first one.
  const file = createReadStream(path);
  const input = createGunzip();
  file.on('error', (error) => input.destroy(error));
  file.pipe(input);
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  reader.on('error', () => {});
  input.on('error', () => {});
  // The line iterator is taken now, before the transaction below begins: readline emits lines as soon
  // as data flows, and a line emitted before an iterator exists is lost. On PostgreSQL the BEGIN is a
  // round trip, long enough for the header line to go by ("not an OpenDTI backup", now and then).
  const lines = reader[Symbol.asyncIterator]();
  let header: Extract<Line, { format: string }> | undefined;
  let ended = false;
  let rows = 0;
  let files = 0;
  try {
    await db.transaction(async (tx) => {
      for await (const text of { [Symbol.asyncIterator]: () => lines }) {
        if (text.trim() === '') continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          throw badBackup('một dòng không phải JSON (tệp bị hỏng hoặc không phải bản sao lưu)');
        }
        if (!header) {
          if (!('format' in line) || line.format !== FORMAT) throw badBackup('không phải tệp sao lưu OpenDTI');
          if (line.version > FORMAT_VERSION) throw badBackup(`phiên bản ${line.version} mới hơn phần mềm này`);
          header = line;
          continue;
        }
        if ('table' in line) {
          if (!(BACKUP_TABLES as readonly string[]).includes(line.table)) throw badBackup(`bảng lạ "${line.table}"`);
          await tx.execute(
            sql`insert into ${sql.identifier(line.table)} select * from json_populate_recordset(null::${sql.identifier(line.table)}, ${JSON.stringify(line.rows)}::json)`,
          );
          rows += line.rows.length;
        } else if ('file' in line) {
          // Content-addressed and idempotent: a file stored by a restore that later fails is harmless.
          const stored = await storage.put(Buffer.from(line.content, 'base64'));
          if (stored.sha256 !== line.file) throw badBackup(`tệp ${line.file.slice(0, 12)}… không khớp mã băm`);
          files++;
        } else if ('end' in line) {
          if (line.rows !== rows || line.files !== files) throw badBackup('số dòng hoặc số tệp không khớp với phần kết');
          ended = true;
        }
      }
      if (!header) throw badBackup('tệp rỗng');
      if (!ended) throw badBackup('tệp bị cắt cụt (thiếu phần kết)');
      // The audit log's ids continue after the restored ones.
      await tx.execute(
        sql.raw(
          "select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)",
        ),
      );
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw badBackup('không giải nén được (không phải tệp .gz của OpenDTI)');
    }
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new DomainError('invalid-input', [{ code: 'backup.unreadable', params: { file: path, detail: code } }]);
    }
    throw error;
  } finally {
    reader.close();
    file.destroy();
    input.destroy();
  }
  return { rows, files };
}
