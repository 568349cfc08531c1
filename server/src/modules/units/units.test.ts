/**
 * Units and periods refuse impossible data (issue 9, §9), each with a message naming the field: a unit
 * as its own parent or under one of its descendants, an activity that ends before it begins, a
 * period created with unit ids that do not exist (it used to answer 201 with no participants).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

describe.each(TEST_DATABASE_KINDS)('impossible units and periods on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
    // A little tree of its own: XA under HUYEN under TINH.
    let parentId: string | null = null;
    for (const code of ['TINH', 'HUYEN', 'XA']) {
      const created = await t.call(admin, 'POST', '/api/v1/units', { code, name: `Đơn vị ${code}`, kind: 'commune', parentId });
      expect(created.statusCode).toBe(201);
      ids[code] = created.json().id;
      parentId = created.json().id;
    }
  }, 120_000);
  afterAll(async () => t?.close());

  const error = (response: { statusCode: number; json: () => { error: { code: string; message: string } } }) => [
    response.statusCode,
    response.json().error,
  ];

  it('refuses a unit as its own parent', async () => {
    const response = await t.call(admin, 'PATCH', `/api/v1/units/${ids.HUYEN}`, { parentId: ids.HUYEN });
    expect(error(response)).toEqual([
      400,
      { code: 'unit.self-parent', message: 'trường parentId: đơn vị HUYEN không thể là đơn vị cấp trên của chính nó' },
    ]);
  });

  it('refuses a unit under one of its own descendants, naming the chain', async () => {
    const response = await t.call(admin, 'PATCH', `/api/v1/units/${ids.TINH}`, { parentId: ids.XA });
    expect(error(response)).toEqual([
      400,
      {
        code: 'unit.parent-loop',
        message:
          'trường parentId: TINH không thể thuộc XA, vì XA đang nằm dưới TINH (chuỗi: XA → HUYEN → TINH); cây đơn vị không được có vòng lặp',
      },
    ]);
    // Moving a unit elsewhere in the tree is still fine.
    expect((await t.call(admin, 'PATCH', `/api/v1/units/${ids.XA}`, { parentId: ids.TINH })).statusCode).toBe(200);
  });

  it('refuses an activity that ends before it begins, on creation and on a change of either end', async () => {
    const created = await t.call(admin, 'POST', '/api/v1/units', {
      code: 'NGUOC',
      name: 'Đơn vị ngược',
      kind: 'commune',
      activeFrom: '2025-07-01',
      activeTo: '2025-06-30',
    });
    expect(error(created)).toEqual([
      400,
      {
        code: 'unit.ends-before-start',
        message: 'trường activeTo: ngày kết thúc hoạt động 30/06/2025 trước ngày bắt đầu 01/07/2025',
      },
    ]);
    expect((await t.call(admin, 'PATCH', `/api/v1/units/${ids.XA}`, { activeFrom: '2025-07-01' })).statusCode).toBe(200);
    const changed = await t.call(admin, 'PATCH', `/api/v1/units/${ids.XA}`, { activeTo: '2024-12-31' });
    expect(error(changed)[0]).toBe(400);
  });

  it('refuses a period whose unit list names units that do not exist, creating nothing', async () => {
    const before = (await t.call(manager, 'GET', '/api/v1/periods?pageSize=100')).json().items.length;
    const missing = '00000000-0000-4000-8000-000000000000';
    const response = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2026,
      cohorts: [{ unitKind: 'commune', frameworkId: 'dienbien-2022-district' }],
      unitIds: [ids.XA, missing],
    });
    expect(error(response)).toEqual([
      400,
      { code: 'period.unknown-units', message: `trường unitIds: không có đơn vị nào với mã định danh ${missing}` },
    ]);
    expect((await t.call(manager, 'GET', '/api/v1/periods?pageSize=100')).json().items).toHaveLength(before);
  });
});
