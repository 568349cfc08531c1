import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, decide, explainDenial, heldCapabilities, type ResourceContext } from './capabilities.js';
import { type Actor, ROLES, type Role } from './roles.js';

/**
 * The authorization matrix. Columns are the actors; each cell is the expected decision:
 * Y allowed · U denied, unauthenticated · - denied, forbidden. The unit roles belong to unit DBP;
 * the appraiser is assigned to main index "1" and indicator "3.4".
 */
const COLUMNS = [
  'anonymous',
  'administrator',
  'periodManager',
  'unitReporter',
  'unitLeader',
  'appraiser',
  'councilChair',
] as const;

const ACTORS: Record<(typeof COLUMNS)[number], Actor | undefined> = {
  anonymous: undefined,
  administrator: { userId: 'u-admin', role: 'administrator' },
  periodManager: { userId: 'u-manager', role: 'periodManager' },
  unitReporter: { userId: 'u-reporter', role: 'unitReporter', unitId: 'DBP' },
  unitLeader: { userId: 'u-leader', role: 'unitLeader', unitId: 'DBP' },
  appraiser: { userId: 'u-appraiser', role: 'appraiser', assignedScopes: ['1', '3.4'] },
  councilChair: { userId: 'u-chair', role: 'councilChair' },
};

type Matrix = Record<Capability, string>;

const RESOURCES: { name: string; resource: ResourceContext; matrix: Matrix }[] = [
  {
    name: 'own unit, indicator assigned through its main index, published',
    resource: { unitId: 'DBP', indicatorCode: '1.2', mainIndexCode: '1', published: true },
    matrix: {
      //                            anon adm mgr rep lead appr chair
      'results.readPublished': '     Y    Y   Y   Y   Y    Y    Y',
      'results.readUnpublished': '   U    Y   Y   Y   Y    Y    Y',
      'framework.read': '            U    Y   Y   Y   Y    Y    Y',
      'framework.manage': '          U    Y   Y   -   -    -    -',
      'unit.read': '                 U    Y   Y   Y   Y    Y    Y',
      'unit.manage': '               U    Y   Y   -   -    -    -',
      'unitMap.read': '              U    Y   Y   -   -    -    -',
      'unitMap.manage': '            U    Y   -   -   -    -    -',
      'user.manage': '               U    Y   -   -   -    -    -',
      'period.read': '               U    Y   Y   Y   Y    Y    Y',
      'period.manage': '             U    Y   Y   -   -    -    -',
      'period.publish': '            U    Y   Y   -   -    -    -',
      'assessment.read': '           U    Y   Y   Y   Y    Y    Y',
      'assessment.answer': '         U    -   -   Y   Y    -    -',
      'assessment.submit': '         U    -   -   -   Y    -    -',
      'assessment.supplement': '     U    -   -   Y   Y    -    -',
      'appraisal.decide': '          U    -   -   -   -    Y    Y',
      'appraisal.finalise': '        U    -   -   -   -    -    Y',
      'appraisal.reopen': '          U    -   -   -   -    -    Y',
      'appraisal.readCouncilNotes': 'U    Y   Y   -   -    Y    Y',
      'appraisal.assign': '          U    Y   Y   -   -    -    Y',
      'council.recordMinutes': '     U    -   -   -   -    -    Y',
      'audit.readAll': '             U    Y   -   -   -    -    -',
      'audit.readOwnUnit': '         U    Y   -   Y   Y    -    -',
      'job.manage': '                U    Y   -   -   -    -    -',
      'plan.manage': '               U    Y   Y   -   -    -    -',
      'plan.task.read': '            U    Y   Y   Y   Y    -    -',
      'plan.task.update': '          U    Y   Y   Y   Y    -    -',
      'document.manage': '           U    Y   -   -   -    -    -',
      'document.read': '             U    Y   Y   Y   Y    -    Y',
    },
  },
  {
    name: 'another unit, indicator assigned through its main index, published',
    resource: { unitId: 'MNE', indicatorCode: '1.2', mainIndexCode: '1', published: true },
    matrix: {
      //                            anon adm mgr rep lead appr chair
      'results.readPublished': '     Y    Y   Y   Y   Y    Y    Y',
      'results.readUnpublished': '   U    Y   Y   -   -    Y    Y',
      'framework.read': '            U    Y   Y   Y   Y    Y    Y',
      'framework.manage': '          U    Y   Y   -   -    -    -',
      'unit.read': '                 U    Y   Y   Y   Y    Y    Y',
      'unit.manage': '               U    Y   Y   -   -    -    -',
      'unitMap.read': '              U    Y   Y   -   -    -    -',
      'unitMap.manage': '            U    Y   -   -   -    -    -',
      'user.manage': '               U    Y   -   -   -    -    -',
      'period.read': '               U    Y   Y   Y   Y    Y    Y',
      'period.manage': '             U    Y   Y   -   -    -    -',
      'period.publish': '            U    Y   Y   -   -    -    -',
      'assessment.read': '           U    Y   Y   -   -    Y    Y',
      'assessment.answer': '         U    -   -   -   -    -    -',
      'assessment.submit': '         U    -   -   -   -    -    -',
      'assessment.supplement': '     U    -   -   -   -    -    -',
      'appraisal.decide': '          U    -   -   -   -    Y    Y',
      'appraisal.finalise': '        U    -   -   -   -    -    Y',
      'appraisal.reopen': '          U    -   -   -   -    -    Y',
      'appraisal.readCouncilNotes': 'U    Y   Y   -   -    Y    Y',
      'appraisal.assign': '          U    Y   Y   -   -    -    Y',
      'council.recordMinutes': '     U    -   -   -   -    -    Y',
      'audit.readAll': '             U    Y   -   -   -    -    -',
      'audit.readOwnUnit': '         U    Y   -   -   -    -    -',
      'job.manage': '                U    Y   -   -   -    -    -',
      'plan.manage': '               U    Y   Y   -   -    -    -',
      'plan.task.read': '            U    Y   Y   -   -    -    -',
      'plan.task.update': '          U    Y   Y   -   -    -    -',
      'document.manage': '           U    Y   -   -   -    -    -',
      'document.read': '             U    Y   Y   -   -    -    Y',
    },
  },
  {
    name: 'own unit, indicator outside the appraiser’s assignment, unpublished',
    resource: { unitId: 'DBP', indicatorCode: '2.3', mainIndexCode: '2', published: false },
    matrix: {
      //                            anon adm mgr rep lead appr chair
      'results.readPublished': '     -    -   -   -   -    -    -',
      'results.readUnpublished': '   U    Y   Y   Y   Y    Y    Y',
      'framework.read': '            U    Y   Y   Y   Y    Y    Y',
      'framework.manage': '          U    Y   Y   -   -    -    -',
      'unit.read': '                 U    Y   Y   Y   Y    Y    Y',
      'unit.manage': '               U    Y   Y   -   -    -    -',
      'unitMap.read': '              U    Y   Y   -   -    -    -',
      'unitMap.manage': '            U    Y   -   -   -    -    -',
      'user.manage': '               U    Y   -   -   -    -    -',
      'period.read': '               U    Y   Y   Y   Y    Y    Y',
      'period.manage': '             U    Y   Y   -   -    -    -',
      'period.publish': '            U    Y   Y   -   -    -    -',
      'assessment.read': '           U    Y   Y   Y   Y    Y    Y',
      'assessment.answer': '         U    -   -   Y   Y    -    -',
      'assessment.submit': '         U    -   -   -   Y    -    -',
      'assessment.supplement': '     U    -   -   Y   Y    -    -',
      'appraisal.decide': '          U    -   -   -   -    -    Y',
      'appraisal.finalise': '        U    -   -   -   -    -    Y',
      'appraisal.reopen': '          U    -   -   -   -    -    Y',
      'appraisal.readCouncilNotes': 'U    Y   Y   -   -    Y    Y',
      'appraisal.assign': '          U    Y   Y   -   -    -    Y',
      'council.recordMinutes': '     U    -   -   -   -    -    Y',
      'audit.readAll': '             U    Y   -   -   -    -    -',
      'audit.readOwnUnit': '         U    Y   -   Y   Y    -    -',
      'job.manage': '                U    Y   -   -   -    -    -',
      'plan.manage': '               U    Y   Y   -   -    -    -',
      'plan.task.read': '            U    Y   Y   Y   Y    -    -',
      'plan.task.update': '          U    Y   Y   Y   Y    -    -',
      'document.manage': '           U    Y   -   -   -    -    -',
      'document.read': '             U    Y   Y   Y   Y    -    Y',
    },
  },
  {
    name: 'another unit, indicator assigned by its own code, unpublished',
    resource: { unitId: 'MNE', indicatorCode: '3.4', mainIndexCode: '3', published: false },
    matrix: {
      //                            anon adm mgr rep lead appr chair
      'results.readPublished': '     -    -   -   -   -    -    -',
      'results.readUnpublished': '   U    Y   Y   -   -    Y    Y',
      'framework.read': '            U    Y   Y   Y   Y    Y    Y',
      'framework.manage': '          U    Y   Y   -   -    -    -',
      'unit.read': '                 U    Y   Y   Y   Y    Y    Y',
      'unit.manage': '               U    Y   Y   -   -    -    -',
      'unitMap.read': '              U    Y   Y   -   -    -    -',
      'unitMap.manage': '            U    Y   -   -   -    -    -',
      'user.manage': '               U    Y   -   -   -    -    -',
      'period.read': '               U    Y   Y   Y   Y    Y    Y',
      'period.manage': '             U    Y   Y   -   -    -    -',
      'period.publish': '            U    Y   Y   -   -    -    -',
      'assessment.read': '           U    Y   Y   -   -    Y    Y',
      'assessment.answer': '         U    -   -   -   -    -    -',
      'assessment.submit': '         U    -   -   -   -    -    -',
      'assessment.supplement': '     U    -   -   -   -    -    -',
      'appraisal.decide': '          U    -   -   -   -    Y    Y',
      'appraisal.finalise': '        U    -   -   -   -    -    Y',
      'appraisal.reopen': '          U    -   -   -   -    -    Y',
      'appraisal.readCouncilNotes': 'U    Y   Y   -   -    Y    Y',
      'appraisal.assign': '          U    Y   Y   -   -    -    Y',
      'council.recordMinutes': '     U    -   -   -   -    -    Y',
      'audit.readAll': '             U    Y   -   -   -    -    -',
      'audit.readOwnUnit': '         U    Y   -   -   -    -    -',
      'job.manage': '                U    Y   -   -   -    -    -',
      'plan.manage': '               U    Y   Y   -   -    -    -',
      'plan.task.read': '            U    Y   Y   -   -    -    -',
      'plan.task.update': '          U    Y   Y   -   -    -    -',
      'document.manage': '           U    Y   -   -   -    -    -',
      'document.read': '             U    Y   Y   -   -    -    Y',
    },
  },
];

const CELL = {
  Y: { allowed: true },
  U: { allowed: false, reason: 'unauthenticated' },
  '-': { allowed: false, reason: 'forbidden' },
};

const cases = RESOURCES.flatMap(({ name, resource, matrix }) =>
  (Object.keys(matrix) as Capability[]).flatMap((capability) => {
    const cells = matrix[capability].trim().split(/\s+/);
    return COLUMNS.map((column, index) => ({ name, resource, capability, column, cell: cells[index] as keyof typeof CELL }));
  }),
);

describe('decide: the authorization matrix', () => {
  it.each(RESOURCES.map(({ name, matrix }) => [name, matrix] as const))(
    '%s: one row per capability, one cell per actor',
    (_name, matrix) => {
      expect(Object.keys(matrix).sort()).toEqual([...CAPABILITIES].sort());
      for (const row of Object.values(matrix)) expect(row.trim().split(/\s+/)).toHaveLength(COLUMNS.length);
    },
  );

  it.each(cases)('$name · $capability · $column → $cell', ({ resource, capability, column, cell }) => {
    expect(decide(ACTORS[column], capability, resource)).toEqual(CELL[cell]);
  });
});

describe('decide: default deny', () => {
  const appraiser = (assignedScopes?: string[]): Actor => ({
    userId: 'u',
    role: 'appraiser',
    ...(assignedScopes ? { assignedScopes } : {}),
  });

  it('lets an appraiser without an assignment decide any indicator, even one not named', () => {
    for (const scopes of [undefined, []]) {
      expect(
        decide(appraiser(scopes), 'appraisal.decide', { unitId: 'X', indicatorCode: '9.9', mainIndexCode: '9' }).allowed,
      ).toBe(true);
      expect(decide(appraiser(scopes), 'appraisal.decide', { unitId: 'X' }).allowed).toBe(true);
    }
  });

  it('refuses an assigned appraiser when the resource names no indicator or main index', () => {
    expect(decide(appraiser(['1']), 'appraisal.decide', { unitId: 'X' })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(appraiser(['1']), 'appraisal.decide', { mainIndexCode: '1' }).allowed).toBe(true);
    expect(decide(appraiser(['1.2']), 'appraisal.decide', { indicatorCode: '1.2' }).allowed).toBe(true);
    expect(decide(appraiser(['1.2']), 'appraisal.decide', { indicatorCode: '1.3', mainIndexCode: '1' }).allowed).toBe(false);
  });

  it('refuses own-unit capabilities when the actor or the resource has no unit', () => {
    const leaderWithoutUnit: Actor = { userId: 'u', role: 'unitLeader' };
    const leader: Actor = { userId: 'u', role: 'unitLeader', unitId: 'DBP' };
    expect(decide(leaderWithoutUnit, 'assessment.submit', { unitId: 'DBP' }).allowed).toBe(false);
    expect(decide(leaderWithoutUnit, 'assessment.submit', {}).allowed).toBe(false);
    expect(decide(leader, 'assessment.submit', {}).allowed).toBe(false);
    expect(decide(leader, 'assessment.submit').allowed).toBe(false);
  });

  it('refuses an unknown capability: unauthenticated without an actor, forbidden with one', () => {
    const admin: Actor = { userId: 'u', role: 'administrator' };
    for (const capability of ['results.deleteAll', 'toString', 'constructor', '__proto__', '']) {
      expect(decide(admin, capability as Capability, {})).toEqual({ allowed: false, reason: 'forbidden' });
      expect(decide(undefined, capability as Capability, {})).toEqual({ allowed: false, reason: 'unauthenticated' });
    }
  });

  it('refuses an actor whose role is unknown (bad data), except for what is public', () => {
    for (const role of ['superuser', 'toString', '__proto__']) {
      const stranger = { userId: 'u', role: role as Role, unitId: 'DBP' };
      expect(decide(stranger, 'framework.read', {}).allowed).toBe(false);
      expect(decide(stranger, 'assessment.read', { unitId: 'DBP' }).allowed).toBe(false);
      expect(decide(stranger, 'results.readPublished', {}).allowed).toBe(true);
    }
  });

  it('lets anyone read published results when the route filters unpublished ones itself', () => {
    expect(decide(undefined, 'results.readPublished', {})).toEqual({ allowed: true });
    expect(decide(undefined, 'results.readPublished')).toEqual({ allowed: true });
    expect(decide(undefined, 'results.readPublished', { published: false })).toEqual({ allowed: false, reason: 'forbidden' });
  });
});

describe('explainDenial', () => {
  it.each([
    ['assessment.submit', 'unauthenticated', undefined, 'vi', 'cần đăng nhập để nộp bản tự đánh giá của đơn vị này'],
    [
      'appraisal.finalise',
      'forbidden',
      'appraiser',
      'vi',
      'tài khoản với vai trò "Thành viên hội đồng thẩm định" không có quyền chốt kết quả thẩm định',
    ],
    ['results.readPublished', 'forbidden', undefined, 'vi', 'không thể xem kết quả đã công bố: nội dung này chưa được công bố'],
    [
      'no.such.capability',
      'forbidden',
      'unitLeader',
      'vi',
      'tài khoản với vai trò "Lãnh đạo đơn vị" không có quyền thực hiện thao tác này',
    ],
    [
      'user.manage',
      'forbidden',
      'periodManager',
      'en',
      'an account with the role "Assessment period manager" may not manage user accounts',
    ],
    ['period.read', 'unauthenticated', undefined, 'en', 'sign in to view assessment periods'],
  ] as const)('%s, %s, %s (%s)', (capability, reason, role, locale, message) => {
    expect(explainDenial(capability, reason, { locale, ...(role ? { role } : {}) })).toBe(message);
  });

  it('speaks Vietnamese by default', () => {
    expect(explainDenial('audit.readAll', 'forbidden', { role: 'unitReporter' })).toBe(
      'tài khoản với vai trò "Cán bộ nhập liệu của đơn vị" không có quyền xem toàn bộ nhật ký hệ thống',
    );
  });
});

describe('heldCapabilities', () => {
  it('lists what a role holds anywhere, public reading included, in policy order', () => {
    expect(heldCapabilities('unitReporter')).toEqual([
      'results.readPublished',
      'results.readUnpublished',
      'framework.read',
      'unit.read',
      'period.read',
      'assessment.read',
      'assessment.answer',
      'assessment.supplement',
      'audit.readOwnUnit',
      'plan.task.read',
      'plan.task.update',
      'document.read',
    ]);
    expect(heldCapabilities('councilChair')).toContain('appraisal.finalise');
    expect(heldCapabilities('appraiser')).not.toContain('appraisal.finalise');
    for (const role of ROLES) {
      expect(
        heldCapabilities(role).every(
          (capability) => decide({ userId: 'u', role, unitId: 'x' }, capability, { unitId: 'x' }).allowed,
        ),
      ).toBe(true);
    }
  });
});
