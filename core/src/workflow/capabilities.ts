import { formatMessage, type Locale, type Problem } from '../errors/problem.js';
import { type Actor, type Role, roleLabel } from './roles.js';

/**
 * Authorization: one default-deny decision used by every server route. The policy is a table from
 * capability to, per role, how far the role reaches; a role missing from a row is denied. Whether
 * the action is possible *now* (the state of the period or assessment) is the workflow's concern.
 */
export const CAPABILITIES = [
  'results.readPublished',
  'results.readUnpublished',
  'framework.read',
  'framework.manage',
  'unit.read',
  'unit.manage',
  'unitMap.read',
  'unitMap.manage',
  'user.manage',
  'period.read',
  'period.manage',
  'period.publish',
  'assessment.read',
  'assessment.answer',
  'assessment.submit',
  'assessment.supplement',
  'appraisal.decide',
  'appraisal.finalise',
  'appraisal.reopen',
  'appraisal.readCouncilNotes',
  'appraisal.assign',
  'council.recordMinutes',
  'audit.readAll',
  'audit.readOwnUnit',
  'job.manage',
  'plan.manage',
  'plan.task.read',
  'plan.task.update',
  'document.manage',
  'document.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What the request is about; the more a route knows, the more precisely it is checked. */
export interface ResourceContext {
  unitId?: string;
  indicatorCode?: string;
  mainIndexCode?: string;
  published?: boolean;
}

/**
 * How far a role reaches for one capability:
 * - `everywhere`: any resource;
 * - `ownUnit`: only the actor's own unit (the resource must name it);
 * - `assignedScope`: only indicators the appraiser is assigned to (the resource must name the
 *   indicator or its main index), or everything when no scope is assigned.
 */
export type Reach = 'everywhere' | 'ownUnit' | 'assignedScope';

export interface CapabilityRule {
  /** Open to everyone, signed in or not, whatever the role (unless the resource is known to be unpublished). */
  public?: true;
  grants: Readonly<Partial<Record<Role, Reach>>>;
}

const SIGNED_IN: Readonly<Record<Role, Reach>> = {
  administrator: 'everywhere',
  periodManager: 'everywhere',
  unitReporter: 'everywhere',
  unitLeader: 'everywhere',
  appraiser: 'everywhere',
  councilChair: 'everywhere',
};

/**
 * The policy. Unit roles see and touch their own unit only; the council sees every unit because it
 * appraises them all; appraisers decide only within their field (seed 001: members "thẩm định các
 * chỉ số thuộc lĩnh vực … của ngành"), the chair everywhere and alone closes or reopens a unit's
 * appraisal. Council notes are internal deliberation and never shown to the units.
 */
export const POLICY: Readonly<Record<Capability, CapabilityRule>> = {
  'results.readPublished': { public: true, grants: {} },
  'results.readUnpublished': {
    grants: {
      administrator: 'everywhere',
      periodManager: 'everywhere',
      councilChair: 'everywhere',
      appraiser: 'everywhere',
      unitReporter: 'ownUnit',
      unitLeader: 'ownUnit',
    },
  },
  'framework.read': { grants: SIGNED_IN },
  'framework.manage': { grants: { administrator: 'everywhere', periodManager: 'everywhere' } },
  'unit.read': { grants: SIGNED_IN },
  'unit.manage': { grants: { administrator: 'everywhere', periodManager: 'everywhere' } },
  // Boundary maps are the administrator's to upload; the period manager sees which cohorts have one.
  'unitMap.read': { grants: { administrator: 'everywhere', periodManager: 'everywhere' } },
  'unitMap.manage': { grants: { administrator: 'everywhere' } },
  'user.manage': { grants: { administrator: 'everywhere' } },
  'period.read': { grants: SIGNED_IN },
  'period.manage': { grants: { administrator: 'everywhere', periodManager: 'everywhere' } },
  'period.publish': { grants: { administrator: 'everywhere', periodManager: 'everywhere' } },
  'assessment.read': {
    grants: {
      administrator: 'everywhere',
      periodManager: 'everywhere',
      appraiser: 'everywhere',
      councilChair: 'everywhere',
      unitReporter: 'ownUnit',
      unitLeader: 'ownUnit',
    },
  },
  'assessment.answer': { grants: { unitReporter: 'ownUnit', unitLeader: 'ownUnit' } },
  // The head of the unit signs the submission, not the clerk who typed it.
  'assessment.submit': { grants: { unitLeader: 'ownUnit' } },
  'assessment.supplement': { grants: { unitReporter: 'ownUnit', unitLeader: 'ownUnit' } },
  'appraisal.decide': { grants: { appraiser: 'assignedScope', councilChair: 'everywhere' } },
  'appraisal.finalise': { grants: { councilChair: 'everywhere' } },
  'appraisal.reopen': { grants: { councilChair: 'everywhere' } },
  'appraisal.readCouncilNotes': {
    grants: { administrator: 'everywhere', periodManager: 'everywhere', appraiser: 'everywhere', councilChair: 'everywhere' },
  },
  // Who appraises which unit or main index: the chair shares out the work, the period manager may too.
  // An assignment directs the work; it does not narrow who may decide (that is the account's scope).
  'appraisal.assign': { grants: { administrator: 'everywhere', periodManager: 'everywhere', councilChair: 'everywhere' } },
  // The minutes of the council's sign-off meeting are the chair's to record.
  'council.recordMinutes': { grants: { councilChair: 'everywhere' } },
  'audit.readAll': { grants: { administrator: 'everywhere' } },
  'audit.readOwnUnit': { grants: { administrator: 'everywhere', unitReporter: 'ownUnit', unitLeader: 'ownUnit' } },
  // The job queue (issue 12): failed jobs, their errors and the retry, and whether e-mail is on.
  'job.manage': { grants: { administrator: 'everywhere' } },
  // Improvement plans (issue 11): the provincial office owns them; a unit sees and moves the tasks of
  // issued plans it leads or coordinates (the resource names the unit). Which task action each party
  // may take is core's task workflow (plans/task-workflow.ts): the manager steers, the lead unit
  // works, a coordinating unit reads only. The public sees nothing.
  'plan.manage': { grants: { administrator: 'everywhere', periodManager: 'everywhere' } },
  'plan.task.read': {
    grants: { administrator: 'everywhere', periodManager: 'everywhere', unitReporter: 'ownUnit', unitLeader: 'ownUnit' },
  },
  'plan.task.update': {
    grants: { administrator: 'everywhere', periodManager: 'everywhere', unitReporter: 'ownUnit', unitLeader: 'ownUnit' },
  },
  // Official documents (issue 13): the header settings and Word templates are the administrator's;
  // documents of a published period go to the provincial office and the council chair, and a unit
  // reads its own score sheet and self-assessment report (the resource names the unit).
  'document.manage': { grants: { administrator: 'everywhere' } },
  'document.read': {
    grants: {
      administrator: 'everywhere',
      periodManager: 'everywhere',
      councilChair: 'everywhere',
      unitReporter: 'ownUnit',
      unitLeader: 'ownUnit',
    },
  },
};

export type DenialReason = 'unauthenticated' | 'forbidden';
export type Decision = { allowed: true } | { allowed: false; reason: DenialReason };

const ALLOWED: Decision = { allowed: true };
const FORBIDDEN: Decision = { allowed: false, reason: 'forbidden' };
const UNAUTHENTICATED: Decision = { allowed: false, reason: 'unauthenticated' };

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (CAPABILITIES as readonly string[]).includes(value);
}

function reaches(reach: Reach, actor: Actor, resource: ResourceContext): boolean {
  switch (reach) {
    case 'everywhere':
      return true;
    case 'ownUnit':
      return actor.unitId !== undefined && resource.unitId !== undefined && actor.unitId === resource.unitId;
    case 'assignedScope': {
      const scopes = actor.assignedScopes ?? [];
      if (scopes.length === 0) return true;
      return [resource.indicatorCode, resource.mainIndexCode].some((code) => code !== undefined && scopes.includes(code));
    }
    default:
      return false;
  }
}

/**
 * May `actor` (undefined = anonymous) exercise `capability` on `resource`? Default deny: an unknown
 * capability or role, a unit role without a unit, or a resource that does not name what a rule needs
 * is refused. Without an actor the answer is `unauthenticated` (signing in might help), except for
 * the public capability, where it cannot.
 */
export function decide(actor: Actor | undefined, capability: Capability, resource: ResourceContext = {}): Decision {
  const rule: CapabilityRule | undefined = isCapability(capability) ? POLICY[capability] : undefined;
  // The public sees published results only; a route that knows the resource is unpublished says so.
  if (rule?.public) return resource.published === false ? FORBIDDEN : ALLOWED;
  if (actor === undefined) return UNAUTHENTICATED;
  if (rule === undefined || !Object.hasOwn(rule.grants, actor.role)) return FORBIDDEN;
  const reach = rule.grants[actor.role];
  return reach !== undefined && reaches(reach, actor, resource) ? ALLOWED : FORBIDDEN;
}

/**
 * The capabilities a role holds somewhere (on every resource, its own unit, or its assignment): what
 * a page needs to know to offer a whole section (administration, the council's queue, the unit's
 * workspace) before any resource is named. Each action on a resource is still decided by `decide`.
 */
export function heldCapabilities(role: Role): Capability[] {
  return CAPABILITIES.filter(
    (capability) => POLICY[capability].public === true || Object.hasOwn(POLICY[capability].grants, role),
  );
}

/** Phrased to complete "cần đăng nhập để …" / "không có quyền …". */
export const CAPABILITY_LABELS: Readonly<Record<Capability, Readonly<Record<Locale, string>>>> = {
  'results.readPublished': { vi: 'xem kết quả đã công bố', en: 'view published results' },
  'results.readUnpublished': { vi: 'xem kết quả chưa công bố', en: 'view unpublished results' },
  'framework.read': { vi: 'xem bộ chỉ số', en: 'view frameworks' },
  'framework.manage': { vi: 'quản lý bộ chỉ số', en: 'manage frameworks' },
  'unit.read': { vi: 'xem danh sách đơn vị', en: 'view units' },
  'unit.manage': { vi: 'quản lý đơn vị', en: 'manage units' },
  'unitMap.read': { vi: 'xem bản đồ ranh giới đơn vị', en: 'view unit boundary maps' },
  'unitMap.manage': { vi: 'tải lên hoặc xoá bản đồ ranh giới đơn vị', en: 'upload or delete unit boundary maps' },
  'user.manage': { vi: 'quản lý tài khoản người dùng', en: 'manage user accounts' },
  'period.read': { vi: 'xem kỳ đánh giá', en: 'view assessment periods' },
  'period.manage': { vi: 'quản lý kỳ đánh giá', en: 'manage assessment periods' },
  'period.publish': { vi: 'công bố kết quả kỳ đánh giá', en: 'publish the results of a period' },
  'assessment.read': { vi: 'xem bản đánh giá của đơn vị này', en: "view this unit's assessment" },
  'assessment.answer': { vi: 'nhập điểm tự đánh giá cho đơn vị này', en: 'enter self-assessment scores for this unit' },
  'assessment.submit': { vi: 'nộp bản tự đánh giá của đơn vị này', en: "submit this unit's self-assessment" },
  'assessment.supplement': { vi: 'bổ sung, giải trình cho đơn vị này', en: 'add supplementation for this unit' },
  'appraisal.decide': { vi: 'thẩm định chỉ số này', en: 'appraise this indicator' },
  'appraisal.finalise': { vi: 'chốt kết quả thẩm định', en: 'finalise an appraisal' },
  'appraisal.reopen': { vi: 'mở lại kết quả thẩm định đã chốt', en: 'reopen a finalised appraisal' },
  'appraisal.readCouncilNotes': { vi: 'xem ghi chú nội bộ của Hội đồng thẩm định', en: "view the council's internal notes" },
  'appraisal.assign': { vi: 'phân công thành viên Hội đồng thẩm định', en: 'assign council members' },
  'council.recordMinutes': { vi: 'ghi biên bản họp Hội đồng thẩm định', en: "record the council's meeting minutes" },
  'audit.readAll': { vi: 'xem toàn bộ nhật ký hệ thống', en: 'view the whole audit log' },
  'audit.readOwnUnit': { vi: 'xem nhật ký của đơn vị này', en: "view this unit's audit log" },
  'job.manage': { vi: 'xem và chạy lại các tác vụ nền bị lỗi', en: 'view and retry failed background jobs' },
  'plan.manage': { vi: 'quản lý kế hoạch nâng cao chỉ số', en: 'manage improvement plans' },
  'plan.task.read': { vi: 'xem nhiệm vụ kế hoạch của đơn vị này', en: "view this unit's plan tasks" },
  'plan.task.update': { vi: 'cập nhật nhiệm vụ kế hoạch của đơn vị này', en: "update this unit's plan tasks" },
  'document.manage': { vi: 'sửa thông tin và mẫu văn bản', en: 'edit document settings and templates' },
  'document.read': { vi: 'tải văn bản (báo cáo, phiếu chấm điểm) này', en: 'download this document' },
};

/**
 * The problem behind a denial, for a response or a page: "cần đăng nhập để …", or "vai trò … không
 * có quyền …" (an anonymous visitor denied a public capability is told it is not available).
 */
export function denialProblem(capability: string, reason: DenialReason, role?: Role): Problem {
  const what = isCapability(capability) ? CAPABILITY_LABELS[capability] : { vi: 'thực hiện thao tác này', en: 'do this' };
  if (reason === 'unauthenticated') return { code: 'access.unauthenticated', params: { what: what.vi, whatEn: what.en } };
  if (role === undefined) return { code: 'access.unavailable', params: { what: what.vi, whatEn: what.en } };
  return {
    code: 'access.forbidden',
    params: { what: what.vi, whatEn: what.en, role: roleLabel(role, 'vi'), roleEn: roleLabel(role, 'en') },
  };
}

/** A denial explained to the user, in Vietnamese by default. */
export function explainDenial(capability: string, reason: DenialReason, options: { role?: Role; locale?: Locale } = {}): string {
  return formatMessage(denialProblem(capability, reason, options.role), options.locale ?? 'vi');
}
