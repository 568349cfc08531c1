import { brotliDecompressSync } from 'node:zlib';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, periods, unitMaps } from '../../db/schema/index.js';
import { DEMO_DISTRICT_CODES, syntheticBoundaries } from '../../test-support/synthetic-boundaries.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { MAX_MAP_FILE_BYTES } from './unit-map-schemas.js';

const UPLOAD = '/api/v1/unit-maps/district';

/** The demo districts but the last (Tuần Giáo: a unit without a shape), and a square whose code is no unit. */
const withGaps = () =>
  syntheticBoundaries(DEMO_DISTRICT_CODES.slice(0, -1), [
    {
      type: 'Feature',
      properties: { id: 99, ma_dv: 'NGOAI-TINH', ten: 'Ô ngoài danh sách' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [20, 0],
            [21, 0],
            [21, -1],
            [20, 0],
          ],
        ],
      },
    },
  ]);

const body = (document: unknown, extra: Record<string, unknown> = {}) => ({
  name: 'Ranh giới huyện (thử nghiệm)',
  fileName: 'huyen.geojson',
  content: typeof document === 'string' ? document : JSON.stringify(document),
  ...extra,
});

describe.each(TEST_DATABASE_KINDS)('unit boundary maps on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let reporter: Session;
  let published2022: string;
  let open2023: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    const rows = await t.database.db.select().from(periods);
    published2022 = rows.find((period) => period.year === 2022)?.id as string;
    open2023 = rows.find((period) => period.year === 2023)?.id as string;
  }, 120_000);
  afterAll(async () => t?.close());

  const lastAudit = async () => {
    const [entry] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return entry;
  };

  it('previews an upload: the suggested code property, matched units, and the warnings; nothing is stored', async () => {
    const response = await t.call(admin, 'PUT', `${UPLOAD}?dryRun=true`, body(withGaps()));
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      applied: false,
      featureCount: 10,
      suggestedCodeProperty: 'ma_dv',
      codeProperty: 'ma_dv',
      problems: [],
      unmatchedFeatures: [{ feature: 10, code: 'NGOAI-TINH', label: 'Ô ngoài danh sách' }],
      unitsWithoutShape: [{ code: 'TGI', name: 'Huyện Tuần Giáo', activeTo: '2025-06-30' }],
      replaces: null,
      map: null,
    });
    expect(report.matchedUnits).toHaveLength(9);
    expect(report.matchedUnits[0]).toEqual({ code: 'DBP', name: 'Thành phố Điện Biên Phủ', feature: 1 });
    expect(report.points).toEqual({ read: 58, kept: 49 });
    expect((await t.call(admin, 'GET', '/api/v1/unit-maps')).json().items).toEqual([]);
  });

  it('lists the code property’s problems in a preview, so another property can be chosen, and refuses to save', async () => {
    const document = syntheticBoundaries(DEMO_DISTRICT_CODES);
    (document.features[2] as { properties: Record<string, unknown> }).properties.ma_dv = '';
    const preview = await t.call(admin, 'PUT', `${UPLOAD}?dryRun=true`, body(document));
    expect(preview.statusCode).toBe(200);
    expect(preview.json().problems).toEqual([
      {
        code: 'map.code-missing',
        message: 'đối tượng thứ 3 (Ô thử nghiệm DBI) không có giá trị ở thuộc tính mã đơn vị "ma_dv"',
        location: { path: '/features/2/properties/ma_dv' },
      },
    ]);
    const save = await t.call(admin, 'PUT', UPLOAD, body(document));
    expect(save.statusCode).toBe(400);
    expect(save.json().error.code).toBe('map.code-missing');

    const unknown = await t.call(admin, 'PUT', UPLOAD, body(document, { codeProperty: 'ma_huyen' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe(
      'không đối tượng nào có thuộc tính "ma_huyen" (các thuộc tính có trong tệp: id, ma_dv, ten)',
    );

    const nothingMatches = syntheticBoundaries(['X1', 'X2']);
    const noSuggestion = await t.call(admin, 'PUT', `${UPLOAD}?dryRun=true`, body(nothingMatches));
    expect(noSuggestion.json()).toMatchObject({ suggestedCodeProperty: null, codeProperty: null });
    expect(noSuggestion.json().problems[0].code).toBe('map.no-code-property');
    expect((await t.call(admin, 'PUT', UPLOAD, body(nothingMatches))).json().error.code).toBe('map.no-code-property');
  });

  it.each([
    [
      'a file that is not JSON',
      '{"type": "FeatureCollection", "features": [',
      'map.not-json',
      'tệp "huyen.geojson" không phải JSON',
    ],
    [
      'a Feature instead of a FeatureCollection',
      { type: 'Feature', properties: {}, geometry: null },
      'map.not-feature-collection',
      '{"type": "Feature", …}',
    ],
    [
      'a feature without geometry',
      syntheticBoundaries(['DBP'], [{ type: 'Feature', properties: { ma_dv: 'MLA', ten: 'Thị xã thử' }, geometry: null }]),
      'map.no-geometry',
      'đối tượng thứ 2 (Thị xã thử) không có hình',
    ],
    [
      'a point instead of an area',
      syntheticBoundaries(
        ['DBP'],
        [{ type: 'Feature', properties: { ma_dv: 'MLA' }, geometry: { type: 'Point', coordinates: [0, 0] } }],
      ),
      'map.geometry-type',
      'đối tượng thứ 2 có hình kiểu Point; chỉ nhận ranh giới vùng kiểu Polygon hoặc MultiPolygon',
    ],
    [
      'projected coordinates (metres)',
      syntheticBoundaries(
        ['DBP'],
        [
          {
            type: 'Feature',
            properties: { ma_dv: 'MLA' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [412000, 2370000],
                  [413000, 2370000],
                  [413000, 2371000],
                  [412000, 2370000],
                ],
              ],
            },
          },
        ],
      ),
      'map.coordinate-out-of-range',
      'đối tượng thứ 2: điểm [412000, 2370000] nằm ngoài',
    ],
  ])('refuses %s with 400, naming the feature (even in a preview)', async (_name, document, code, message) => {
    for (const url of [UPLOAD, `${UPLOAD}?dryRun=true`]) {
      const response = await t.call(admin, 'PUT', url, body(document));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toContain(message);
    }
  });

  it('answers 413 naming the file limit for a request over its body limit, and 400 for an unknown cohort', async () => {
    const huge = await t.call(admin, 'PUT', UPLOAD, body(' '.repeat(21 * 1024 * 1024)));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toEqual({ code: 'http.payload-too-large', message: 'dữ liệu gửi lên quá lớn (tối đa 10 MB)' });
    const unknownKind = await t.call(admin, 'PUT', '/api/v1/unit-maps/village', body(withGaps()));
    expect(unknownKind.statusCode).toBe(400);
  });

  describe('at the size limit (10 MB of the file’s UTF-8 bytes)', () => {
    /** The map padded with trailing blanks, or with Vietnamese letters (2–3 bytes each) in a name, to a size in bytes. */
    const fileOf = (bytes: number, padding: 'blank' | 'vietnamese' = 'blank') => {
      const text = JSON.stringify(withGaps());
      if (padding === 'blank') return text + ' '.repeat(bytes - Buffer.byteLength(text));
      const document = withGaps();
      const base = Buffer.byteLength(JSON.stringify({ ...document, name: '' }));
      const letters = 'ệ'.repeat(Math.floor((bytes - base) / 3));
      const name = letters + 'a'.repeat(bytes - base - Buffer.byteLength(letters));
      return JSON.stringify({ ...document, name });
    };
    const storedMaps = async () => (await t.database.db.select({ id: unitMaps.id }).from(unitMaps)).length;

    it('accepts a file of exactly 10 MB', async () => {
      const exactly = fileOf(MAX_MAP_FILE_BYTES);
      expect(Buffer.byteLength(exactly)).toBe(MAX_MAP_FILE_BYTES);
      const response = await t.call(admin, 'PUT', `${UPLOAD}?dryRun=true`, body(exactly));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().fileName).toBe('huyen.geojson');
    }, 60_000);

    it.each([
      ['ASCII only', () => ' '.repeat(MAX_MAP_FILE_BYTES + 1)],
      ['one blank too many after Vietnamese feature names', () => fileOf(MAX_MAP_FILE_BYTES + 1)],
      ['Vietnamese letters: fewer characters than the limit, one byte more', () => fileOf(MAX_MAP_FILE_BYTES + 1, 'vietnamese')],
    ])(
      'refuses a file one byte over (%s) with 413 naming 10 MB, storing nothing',
      async (_name, file) => {
        const before = await storedMaps();
        const content = file();
        expect(Buffer.byteLength(content)).toBe(MAX_MAP_FILE_BYTES + 1);
        const response = await t.call(admin, 'PUT', UPLOAD, body(content));
        expect(response.statusCode, response.body).toBe(413);
        expect(response.json().error).toMatchObject({ code: 'map.too-large' });
        expect(response.json().error.message).toContain('10 MB');
        expect(await storedMaps()).toBe(before);
      },
      60_000,
    );

    it('refuses a file of 10 MB whose JSON escaping makes the request larger only by the file’s rule', async () => {
      // Line breaks are escaped as two characters in the JSON body: a 10 MB file of short lines is a
      // request of about 15 MB, which is still the file's size to judge.
      const text = JSON.stringify(withGaps());
      const lines = `${text}${'\n'.repeat(MAX_MAP_FILE_BYTES - Buffer.byteLength(text))}`;
      const response = await t.call(admin, 'PUT', `${UPLOAD}?dryRun=true`, body(lines));
      expect(response.statusCode, response.body).toBe(200);
    }, 60_000);
  });

  it('is the administrator’s to upload and delete; the period manager may only look', async () => {
    expect((await t.call(manager, 'PUT', `${UPLOAD}?dryRun=true`, body(withGaps()))).statusCode).toBe(403);
    expect((await t.call(reporter, 'GET', '/api/v1/unit-maps')).statusCode).toBe(403);
    expect((await t.call(undefined, 'GET', '/api/v1/unit-maps')).statusCode).toBe(401);
    expect((await t.call(manager, 'GET', '/api/v1/unit-maps')).statusCode).toBe(200);
    expect((await t.call(manager, 'DELETE', UPLOAD)).statusCode).toBe(403);
  });

  let firstEtag: string;

  it('stores the map, audited, and serves it to the public with only the published units’ codes', async () => {
    const response = await t.call(admin, 'PUT', UPLOAD, body(withGaps()));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      applied: true,
      map: {
        unitKind: 'district',
        name: 'Ranh giới huyện (thử nghiệm)',
        codeProperty: 'ma_dv',
        featureCount: 10,
        matchedUnits: 9,
        unmatchedFeatures: 1,
        unitsWithoutShape: 1,
        version: 1,
        uploadedBy: { displayName: expect.any(String) },
      },
    });
    expect(await lastAudit()).toMatchObject({
      action: 'unitMap.uploaded',
      entityType: 'unitMap',
      actorId: admin.userId,
      oldValue: null,
      newValue: { unitKind: 'district', codeProperty: 'ma_dv', sourceFileName: 'huyen.geojson', featureCount: 10 },
    });
    const list = (await t.call(manager, 'GET', '/api/v1/unit-maps')).json().items;
    expect(list).toHaveLength(1);

    expect((await t.call(undefined, 'GET', '/api/v1/public/unit-maps')).json()).toEqual({
      items: [{ unitKind: 'district', name: 'Ranh giới huyện (thử nghiệm)', featureCount: 10 }],
    });
    const map = await t.call(undefined, 'GET', `/api/v1/public/periods/${published2022}/unit-maps/district`);
    expect(map.statusCode).toBe(200);
    expect(map.headers['cache-control']).toBe('public, max-age=60');
    expect(map.headers['content-type']).toContain('application/json');
    const served = map.json();
    expect(served.unitKind).toBe('district');
    expect(served.boundaries.features.map((feature: { properties: { code?: string } }) => feature.properties.code)).toEqual([
      ...DEMO_DISTRICT_CODES.slice(0, -1),
      // A shape whose code is not in the published results is served without one.
      undefined,
    ]);
    // Only the code: no name, no id, nothing else of the uploaded file.
    expect(map.body).not.toContain('Ô thử nghiệm');
    expect(served.boundaries.features[0].geometry.coordinates[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, -1],
      [0, -1],
      [0, 0],
    ]);

    // Served compressed to a browser, the same JSON.
    const compressed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/periods/${published2022}/unit-maps/district`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect([compressed.headers['content-encoding'], compressed.headers.vary]).toEqual(['br', 'Accept-Encoding']);
    expect(JSON.parse(brotliDecompressSync(compressed.rawPayload).toString('utf8'))).toEqual(served);

    firstEtag = map.headers.etag as string;
    expect(firstEtag).toMatch(/^"[\w-]{27}"$/);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/periods/${published2022}/unit-maps/district`,
      headers: { 'if-none-match': firstEtag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(firstEtag);
  });

  it('shows nothing of a period that is not published, nor of a cohort without a map', async () => {
    for (const url of [
      `/api/v1/public/periods/${open2023}/unit-maps/district`,
      `/api/v1/public/periods/${published2022}/unit-maps/department`,
      '/api/v1/public/periods/00000000-0000-4000-8000-000000000000/unit-maps/district',
    ]) {
      const response = await t.call(undefined, 'GET', url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('http.not-found');
    }
  });

  it('replaces the map, keeping the previous one in the audit log, and the public ETag changes', async () => {
    const [before] = (await t.call(admin, 'GET', '/api/v1/unit-maps')).json().items;
    const response = await t.call(
      admin,
      'PUT',
      UPLOAD,
      body(syntheticBoundaries(DEMO_DISTRICT_CODES), { name: 'Ranh giới huyện, bản sửa', codeProperty: 'ma_dv' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      applied: true,
      replaces: { version: 1, sourceSha256: before.sourceSha256 },
      map: { version: 2, name: 'Ranh giới huyện, bản sửa', matchedUnits: 10, unmatchedFeatures: 0, unitsWithoutShape: 0 },
    });
    expect(await lastAudit()).toMatchObject({
      action: 'unitMap.replaced',
      oldValue: { version: 1, sourceSha256: before.sourceSha256, name: 'Ranh giới huyện (thử nghiệm)' },
      newValue: { version: 2, name: 'Ranh giới huyện, bản sửa' },
    });
    const map = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/periods/${published2022}/unit-maps/district`,
      headers: { 'if-none-match': firstEtag },
    });
    expect(map.statusCode).toBe(200);
    expect(map.headers.etag).not.toBe(firstEtag);
    expect(map.json().name).toBe('Ranh giới huyện, bản sửa');
  });

  it('deletes the map, audited; the public map is gone', async () => {
    const [before] = (await t.call(admin, 'GET', '/api/v1/unit-maps')).json().items;
    expect((await t.call(admin, 'DELETE', UPLOAD)).statusCode).toBe(204);
    expect(await lastAudit()).toMatchObject({ action: 'unitMap.deleted', entityId: before.id, oldValue: { version: 2 } });
    expect((await t.call(undefined, 'GET', `/api/v1/public/periods/${published2022}/unit-maps/district`)).statusCode).toBe(404);
    expect((await t.call(undefined, 'GET', '/api/v1/public/unit-maps')).json().items).toEqual([]);
    const again = await t.call(admin, 'DELETE', UPLOAD);
    expect(again.statusCode).toBe(404);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'unitMap'));
    expect(entries.map((entry) => entry.action)).toEqual(['unitMap.uploaded', 'unitMap.replaced', 'unitMap.deleted']);
  });
});
