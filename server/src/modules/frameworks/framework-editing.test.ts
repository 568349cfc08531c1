import type { FrameworkDocument } from '@opendti/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworks } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { getCompiledFramework } from './frameworks.service.js';

describe.each(TEST_DATABASE_KINDS)('framework cloning and editing on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
  }, 120_000);
  afterAll(async () => t?.close());

  const documentOf = async (id: string): Promise<FrameworkDocument> =>
    (await t.call(admin, 'GET', `/api/v1/frameworks/${id}`)).json();

  it('clones a framework into a new year under a new id, audited', async () => {
    const response = await t.call(manager, 'POST', '/api/v1/frameworks/dienbien-2022-department/clone', {
      id: 'dienbien-2025-department',
      year: 2025,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: 'dienbien-2025-department',
      year: 2025,
      unitKind: 'department',
      maxPoints: 500,
      mainIndices: 6,
      indicators: 35,
      source: 'imported',
    });
    const clone = await documentOf('dienbien-2025-department');
    const original = await documentOf('dienbien-2022-department');
    expect(clone.name).toBe(`${original.name} (năm 2025)`);
    expect(clone.nameEn).toBe(`${original.nameEn} (2025)`);
    expect(clone.mainIndices).toEqual(original.mainIndices);
    const audit = (await t.call(admin, 'GET', '/api/v1/audit?action=framework.cloned')).json();
    expect(audit.items[0]).toMatchObject({
      entityId: 'dienbien-2025-department',
      oldValue: { id: 'dienbien-2022-department', year: 2022 },
      newValue: { id: 'dienbien-2025-department', year: 2025 },
    });
  });

  it('refuses a clone whose id is taken (409), malformed (400), or asked by a unit (403) or a visitor (401)', async () => {
    const taken = await t.call(admin, 'POST', '/api/v1/frameworks/dienbien-2022-department/clone', {
      id: 'dienbien-2022-district',
      year: 2025,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('framework.duplicate-code');
    const malformed = await t.call(admin, 'POST', '/api/v1/frameworks/dienbien-2022-department/clone', {
      id: 'Có Dấu',
      year: 2025,
    });
    expect(malformed.statusCode).toBe(400);
    const unknown = await t.call(admin, 'POST', '/api/v1/frameworks/nope/clone', { id: 'nope-2025', year: 2025 });
    expect(unknown.statusCode).toBe(404);
    const reporter = await t.signIn('nhaplieu.dbp');
    expect(
      (await t.call(reporter, 'POST', '/api/v1/frameworks/dienbien-2022-department/clone', { id: 'x-2025', year: 2025 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call(undefined, 'POST', '/api/v1/frameworks/dienbien-2022-department/clone', { id: 'x-2025', year: 2025 }))
        .statusCode,
    ).toBe(401);
  });

  it('edits names, points and methods of an unused framework; the next read shows the edit (cache dropped), audited field by field', async () => {
    await t.call(admin, 'POST', '/api/v1/frameworks/dienbien-2022-district/clone', {
      id: 'dienbien-2024-district',
      year: 2024,
      name: 'Bộ chỉ số cấp huyện 2024',
    });
    const document = await documentOf('dienbien-2024-district'); // compiled and cached now
    expect(document.name).toBe('Bộ chỉ số cấp huyện 2024');
    const mainIndex = document.mainIndices[0] as FrameworkDocument['mainIndices'][number];
    const [first, second] = mainIndex.indicators;
    if (!first || !second) throw new Error('district framework without indicators');
    first.name = 'Người đứng đầu làm Trưởng ban chỉ đạo';
    // Points move between two indicators of the same main index, so the sums still hold.
    const moved = 2.5;
    first.maxPoints = (first.maxPoints as number) - moved;
    second.maxPoints = (second.maxPoints as number) + moved;
    second.method = {
      type: 'thresholds',
      steps: [
        { atLeast: 4, points: second.maxPoints },
        { atLeast: 2, points: 5 },
      ],
    };
    const response = await t.call(manager, 'PUT', '/api/v1/frameworks/dienbien-2024-district', { document });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'dienbien-2024-district', year: 2024, indicators: 68 });

    const after = await documentOf('dienbien-2024-district');
    expect(after.mainIndices[0]?.indicators[0]).toMatchObject({ name: 'Người đứng đầu làm Trưởng ban chỉ đạo' });
    expect(after.mainIndices[0]?.indicators[1]?.method).toEqual(second.method);

    const audit = (await t.call(admin, 'GET', '/api/v1/audit?action=framework.updated')).json();
    const entry = audit.items[0];
    expect(entry.entityId).toBe('dienbien-2024-district');
    expect(entry.newValue[`${first.code} · name`]).toBe('Người đứng đầu làm Trưởng ban chỉ đạo');
    expect(entry.oldValue[`${second.code} · maxPoints`]).toBe((second.maxPoints as number) - moved);
    expect(entry.newValue[`${second.code} · method`]).toEqual(second.method);

    // Saving the same document again is not an edit.
    expect((await t.call(manager, 'PUT', '/api/v1/frameworks/dienbien-2024-district', { document: after })).statusCode).toBe(200);
    expect((await t.call(admin, 'GET', '/api/v1/audit?action=framework.updated')).json().total).toBe(audit.total);
  });

  it('explains what is wrong with an edit, naming the code of the node at fault', async () => {
    const document = await documentOf('dienbien-2024-district');
    const mainIndex = document.mainIndices[1] as FrameworkDocument['mainIndices'][number];
    const indicator = mainIndex.indicators[0] as FrameworkDocument['mainIndices'][number]['indicators'][number];
    indicator.maxPoints = (indicator.maxPoints as number) + 1;
    indicator.method = { type: 'options', options: [{ code: 'head', label: 'Người đứng đầu', points: 999 }] };
    const response = await t.call(admin, 'PUT', '/api/v1/frameworks/dienbien-2024-district', { document });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    type Located = { code: string; message: string; location: { code?: string } };
    const byCode = new Map<string, Located>(error.problems.map((problem: Located) => [problem.code, problem]));
    expect([...byCode.keys()].sort()).toEqual(['framework.bad-method-parameter', 'framework.points-mismatch']);
    expect(byCode.get('framework.points-mismatch')?.location.code).toBe(mainIndex.code);
    expect(byCode.get('framework.bad-method-parameter')?.location.code).toBe(indicator.code);
    expect(byCode.get('framework.bad-method-parameter')?.message).toContain(`"${indicator.code}"`);

    const renamed = await t.call(admin, 'PUT', '/api/v1/frameworks/dienbien-2024-district', {
      document: { ...(await documentOf('dienbien-2024-district')), id: 'other-id' },
    });
    expect(renamed.statusCode).toBe(400);
    const english = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/frameworks/dienbien-2024-district',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
      payload: { document: { ...(await documentOf('dienbien-2024-district')), maxPoints: 400 } },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toContain('main indices add up to 500 points, but the framework has 400');
  });

  it('freezes a framework once a period uses it, and the built-in library always (409)', async () => {
    const period = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ dùng bộ chỉ số nhân bản',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2024-district' }],
    });
    expect(period.statusCode).toBe(201);
    const usage = (await t.call(admin, 'GET', '/api/v1/frameworks/dienbien-2024-district/usage')).json();
    expect(usage).toMatchObject({ frozenBecause: 'inUse', periods: [{ id: period.json().id, year: 2024 }] });
    const document = await documentOf('dienbien-2024-district');
    const inUse = await t.call(admin, 'PUT', '/api/v1/frameworks/dienbien-2024-district', {
      document: { ...document, name: 'Đổi tên' },
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain('Kỳ dùng bộ chỉ số nhân bản');
    expect((await documentOf('dienbien-2024-district')).name).toBe(document.name);

    const unused = (await t.call(admin, 'GET', '/api/v1/frameworks/dienbien-2025-department/usage')).json();
    expect(unused).toMatchObject({ frozenBecause: null, periods: [] });
    const builtin = await documentOf('ict-index-2018');
    const refused = await t.call(admin, 'PUT', '/api/v1/frameworks/ict-index-2018', {
      document: { ...builtin, name: 'Đổi tên' },
    });
    expect(refused.statusCode).toBe(409);
    expect((await t.call(admin, 'GET', '/api/v1/frameworks/ict-index-2018/usage')).json().frozenBecause).toBe('builtin');
  });

  it('lets only framework managers edit', async () => {
    const chair = await t.signIn('chutich');
    const document = await documentOf('dienbien-2025-department');
    expect((await t.call(chair, 'PUT', '/api/v1/frameworks/dienbien-2025-department', { document })).statusCode).toBe(403);
    expect((await t.call(chair, 'GET', '/api/v1/frameworks/dienbien-2025-department/usage')).statusCode).toBe(200);
  });
});

describe.each(TEST_DATABASE_KINDS)('the compiled-framework cache on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
  }, 120_000);
  afterAll(async () => t?.close());

  it('reads an editable framework afresh (another process may edit it) and caches it once a period uses it', async () => {
    const id = 'dienbien-2030-district';
    expect(
      (await t.call(manager, 'POST', '/api/v1/frameworks/dienbien-2022-district/clone', { id, year: 2030 })).statusCode,
    ).toBe(201);
    expect((await getCompiledFramework(t.database.db, id)).document.year).toBe(2030);

    // Another server process edits the document: this one has nothing to forget and must see it.
    const renamed = (name: string) =>
      t.database.db
        .update(frameworks)
        .set({ document: sql`jsonb_set(${frameworks.document}, '{name}', to_jsonb(${name}::text))` })
        .where(eq(frameworks.id, id));
    await renamed('Bộ chỉ số sửa ở máy chủ khác');
    expect((await getCompiledFramework(t.database.db, id)).document.name).toBe('Bộ chỉ số sửa ở máy chủ khác');

    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2030,
      cohorts: [{ unitKind: 'district', frameworkId: id }],
    });
    expect(created.statusCode).toBe(201);
    const frozen = await getCompiledFramework(t.database.db, id);
    await renamed('Không bao giờ xảy ra: bộ chỉ số đã dùng thì không sửa được');
    expect(await getCompiledFramework(t.database.db, id)).toBe(frozen); // the very same compiled object
  });
});
