import type { Static } from '@fastify/type-provider-typebox';
import { type Actor, DomainError, type IndicatorOwnership, type OwnersTable, readOwnersTable } from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { indicatorOwnership, units } from '../../db/schema/index.js';
import { parseCsvRows } from '../../spreadsheets/read-csv.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import type { OwnershipBody, OwnershipImportBody } from './plan-schemas.js';

/**
 * The ownership table of a framework (phân công theo dõi chỉ số): which unit leads and which
 * coordinate each indicator. Read and replaced whole (bulk, as the table editor and owners.csv do),
 * checked by core's `readOwnersTable` against the framework's indicators and the unit register, and
 * written all or nothing.
 */
export async function readOwnership(db: Pick<Database, 'select'>, frameworkId: string): Promise<IndicatorOwnership[]> {
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units);
  const codeOf = new Map(unitRows.map((row) => [row.id, row.code]));
  const rows = await db.select().from(indicatorOwnership).where(eq(indicatorOwnership.frameworkId, frameworkId));
  const framework = await getCompiledFramework(db, frameworkId);
  const position = new Map(framework.nodes.map((node, index) => [node.code, index]));
  return rows
    .sort((a, b) => (position.get(a.indicatorCode) ?? 0) - (position.get(b.indicatorCode) ?? 0))
    .map((row) => ({
      indicator: row.indicatorCode,
      lead: codeOf.get(row.leadUnitId) ?? row.leadUnitId,
      coordinating: row.coordinatingUnitIds.map((id) => codeOf.get(id) ?? id),
    }));
}

async function replaceWith(db: Database, actor: Actor, frameworkId: string, table: OwnersTable, dryRun: boolean) {
  const framework = await getCompiledFramework(db, frameworkId);
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units);
  const idOf = new Map(unitRows.map((row) => [row.code, row.id]));
  const { owners, problems } = readOwnersTable(table, {
    frameworkId,
    indicatorCodes: new Set(framework.indicatorNodes.map((index) => framework.nodes[index]?.code ?? '')),
    unitCodes: new Set(idOf.keys()),
  });
  if (problems.length > 0) {
    throw new DomainError(
      'invalid-input',
      problems.map((problem) => {
        const location = problem.location ?? {};
        // A body row is owners[row - 2] (core counts the header as row 1).
        const path =
          table.file === undefined && location.row !== undefined
            ? `owners[${location.row - 2}]${location.column ? `.${location.column}` : ''}`
            : undefined;
        return { ...problem, location: { ...location, ...(path ? { path } : {}) } };
      }),
    );
  }
  if (dryRun) return owners;
  const before = await readOwnership(db, frameworkId);
  await db.transaction(async (tx) => {
    await tx.delete(indicatorOwnership).where(eq(indicatorOwnership.frameworkId, frameworkId));
    if (owners.length > 0) {
      await tx.insert(indicatorOwnership).values(
        owners.map((owner) => ({
          frameworkId,
          indicatorCode: owner.indicator,
          leadUnitId: idOf.get(owner.lead) as string,
          coordinatingUnitIds: owner.coordinating.map((code) => idOf.get(code) as string),
        })),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'plan.ownership.replace',
      entityType: 'indicatorOwnership',
      entityId: frameworkId,
      oldValue: before,
      newValue: owners,
    });
  });
  return readOwnership(db, frameworkId);
}

export async function replaceOwnership(db: Database, actor: Actor, frameworkId: string, body: Static<typeof OwnershipBody>) {
  const table: OwnersTable = {
    header: ['indicator', 'lead', 'coordinating'],
    rows: body.owners.map((owner) => [owner.indicator, owner.lead, owner.coordinating.join(';')]),
  };
  return replaceWith(db, actor, frameworkId, table, false);
}

export async function importOwnership(db: Database, actor: Actor, frameworkId: string, body: Static<typeof OwnershipImportBody>) {
  const rows: string[][] = [];
  parseCsvRows(body.content.replace(/^\uFEFF/, ''), body.fileName, (cells) => rows.push(cells), {
    maxRows: 2000,
    basis: { vi: 'bảng phân công theo dõi chỉ số', en: 'an ownership table' },
  });
  const [header = [], ...rest] = rows;
  return replaceWith(db, actor, frameworkId, { file: body.fileName, header, rows: rest }, body.dryRun === true);
}
