import type { Locale } from '../errors/problem.js';

/**
 * The roles of OpenDTI. Seed 001 names the people of the process: the provincial IT department
 * runs the assessment ("cơ quan thường trực", today the Department of Science and Technology), each
 * unit self-assesses and its head signs the submission, an appraisal council checks every score and
 * its chair decides. The anonymous public has no role: it is the absence of an actor, and may only
 * read published results.
 */
export const ROLES = ['administrator', 'periodManager', 'unitReporter', 'unitLeader', 'appraiser', 'councilChair'] as const;

export type Role = (typeof ROLES)[number];

/** Roles that belong to one unit; an actor with one of them carries that unit's id. */
export const UNIT_ROLES: readonly Role[] = ['unitReporter', 'unitLeader'];

/**
 * Roles whose reach the administrator narrows with assigned main indices or indicators (the policy's
 * `assignedScope` reach; a test keeps the two equal): only their accounts carry assignments.
 */
export const SCOPED_ROLES: readonly Role[] = ['appraiser'];

export const ROLE_LABELS: Readonly<Record<Role, Readonly<Record<Locale, string>>>> = {
  administrator: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  periodManager: { vi: 'Cơ quan quản lý kỳ đánh giá', en: 'Assessment period manager' },
  unitReporter: { vi: 'Cán bộ nhập liệu của đơn vị', en: 'Unit reporter' },
  unitLeader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader' },
  appraiser: { vi: 'Thành viên hội đồng thẩm định', en: 'Appraisal council member' },
  councilChair: { vi: 'Chủ tịch hội đồng thẩm định', en: 'Appraisal council chair' },
};

/**
 * Who is acting. `assignedScopes` limits an appraiser to the main indices or indicators of their
 * field: seed 001 has each member of the steering committee "thẩm định các chỉ số thuộc lĩnh vực,
 * nhiệm vụ theo chức năng, nhiệm vụ của ngành". Empty or missing means every indicator.
 */
export interface Actor {
  userId: string;
  role: Role;
  /** The unit of a unit reporter or unit leader; other roles have none. */
  unitId?: string;
  /** Main-index or indicator codes an appraiser is assigned to; empty or undefined = all. */
  assignedScopes?: string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role's name in the UI; an unknown role (bad data) is shown as its code rather than hidden. */
export function roleLabel(role: string, locale: Locale = 'vi'): string {
  return isRole(role) ? ROLE_LABELS[role][locale] : role;
}
