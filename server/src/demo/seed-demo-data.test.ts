import { periodScheduleIssues, publicationDecisionIssues } from '@opendti/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { periods, resultSnapshots, units } from '../db/schema/index.js';
import { installBuiltinFrameworks } from '../modules/frameworks/frameworks.service.js';
import { openTestDatabase } from '../test-support/test-databases.js';
import { seedDemoData } from './seed-demo-data.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await installBuiltinFrameworks(database.db);
  await seedDemoData(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('the Điện Biên demo', () => {
  it('keeps the province after 2025; its districts end on 30 June 2025', async () => {
    const rows = await database.db.select().from(units);
    const province = rows.find((unit) => unit.code === 'DIENBIEN');
    expect(province?.activeTo).toBeNull();
    const districts = rows.filter((unit) => unit.kind === 'district');
    expect(districts).toHaveLength(10);
    expect(new Set(districts.map((unit) => unit.activeTo))).toEqual(new Set(['2025-06-30']));
  });

  it('ends the departments merged in 2025 and names the department that took each over', async () => {
    const rows = await database.db.select().from(units);
    const codeOf = new Map(rows.map((unit) => [unit.id, unit.code]));
    const merged = rows
      .filter((unit) => unit.replacedById !== null)
      .map((unit) => [unit.code, unit.activeTo, codeOf.get(unit.replacedById ?? '')]);
    expect(merged).toEqual(
      expect.arrayContaining([
        ['STTTT', '2025-02-28', 'SKHCN'],
        ['SKHDT', '2025-02-28', 'STC'],
        ['STNMT', '2025-02-28', 'SNNMT'],
        ['SNNPTNT', '2025-02-28', 'SNNMT'],
      ]),
    );
    expect(rows.find((unit) => unit.code === 'SNNMT')).toMatchObject({
      kind: 'department',
      activeFrom: '2025-03-01',
      activeTo: null,
    });
    // Departments that continue carry no end.
    expect(rows.find((unit) => unit.code === 'SKHCN')?.activeTo).toBeNull();
  });

  it('schedules each period in seed 001’s order and publishes 2022 in 2023', async () => {
    const rows = await database.db.select().from(periods).orderBy(periods.year);
    for (const period of rows) {
      expect(period.appraisalDeadline, `${period.year}`).not.toBeNull();
      // Core's one date rule, the one the API and the web form apply.
      expect(periodScheduleIssues(period), `${period.year}`).toEqual([]);
    }
    const [published] = rows;
    expect(published?.publishedAt?.toISOString()).toBe('2023-03-31T02:00:00.000Z');
    // Signed before it was published, and marked as sample data.
    expect(published?.publicationDecision).toEqual({
      number: '01/QĐ-UBND (dữ liệu mẫu)',
      date: '2023-03-30',
      signerName: 'Nguyễn Văn Mẫu (dữ liệu mẫu)',
      signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
    });
    expect(publicationDecisionIssues(published?.publicationDecision ?? undefined, '2023-03-31')).toEqual([]);
    const [snapshot] = await database.db.select().from(resultSnapshots);
    expect(snapshot?.publishedAt.toISOString()).toBe('2023-03-31T02:00:00.000Z');
  });
});
