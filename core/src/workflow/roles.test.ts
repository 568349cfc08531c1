import { describe, expect, it } from 'vitest';
import { POLICY } from './capabilities.js';
import { isRole, ROLE_LABELS, ROLES, roleLabel, SCOPED_ROLES, UNIT_ROLES } from './roles.js';

describe('roles', () => {
  it('labels every role in Vietnamese and English', () => {
    expect(ROLES.map((role) => roleLabel(role))).toEqual([
      'Quản trị hệ thống',
      'Cơ quan quản lý kỳ đánh giá',
      'Cán bộ nhập liệu của đơn vị',
      'Lãnh đạo đơn vị',
      'Thành viên hội đồng thẩm định',
      'Chủ tịch hội đồng thẩm định',
    ]);
    for (const role of ROLES) expect(ROLE_LABELS[role].en).not.toBe('');
    expect(roleLabel('councilChair', 'en')).toBe('Appraisal council chair');
  });

  it('recognises only the six roles (the public is no role)', () => {
    expect(ROLES.every(isRole)).toBe(true);
    for (const value of ['public', 'anonymous', '', 'toString', undefined, 3]) expect(isRole(value)).toBe(false);
    expect(roleLabel('superuser')).toBe('superuser');
  });

  it('ties only reporters and leaders to a unit', () => {
    expect(UNIT_ROLES).toEqual(['unitReporter', 'unitLeader']);
  });
});

describe('SCOPED_ROLES', () => {
  it('are exactly the roles the policy grants anything with an assigned scope', () => {
    const scoped = ROLES.filter((role) => Object.values(POLICY).some((rule) => rule.grants[role] === 'assignedScope'));
    expect([...SCOPED_ROLES]).toEqual(scoped);
  });
});
