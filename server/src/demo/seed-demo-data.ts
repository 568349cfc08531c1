import { randomBytes } from 'node:crypto';
import { type Actor, type CompiledNode, compileFramework, type Role, scoreRawValue } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { answers, appraisals, assessments, units, users } from '../db/schema/index.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { createPeriod, transitionPeriod } from '../modules/periods/periods.service.js';
import { createUser } from '../modules/users/users.service.js';
import { DIEN_BIEN_DISTRICTS, generateDemoAnswers } from './demo-answers.js';

/** Điện Biên's provincial departments before the 2025 mergers, as assessed in 2022 (demo data; capabilities invented). */
const DIEN_BIEN_DEPARTMENTS = [
  { code: 'SNV', name: 'Sở Nội vụ', capability: 0.72 },
  { code: 'STP', name: 'Sở Tư pháp', capability: 0.66 },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', capability: 0.7 },
  { code: 'STC', name: 'Sở Tài chính', capability: 0.75 },
  { code: 'SCT', name: 'Sở Công Thương', capability: 0.6 },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', capability: 0.55 },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', capability: 0.58 },
  { code: 'SXD', name: 'Sở Xây dựng', capability: 0.57 },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', capability: 0.63 },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', capability: 0.9 },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', capability: 0.59 },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', capability: 0.56 },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', capability: 0.74 },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', capability: 0.77 },
  { code: 'SYT', name: 'Sở Y tế', capability: 0.69 },
  { code: 'TTT', name: 'Thanh tra tỉnh', capability: 0.52 },
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', capability: 0.82 },
  { code: 'BDT', name: 'Ban Dân tộc', capability: 0.48 },
];

/**
 * The 2025 restructuring (in force 1 March 2025) merged these departments into another; the two
 * departments it created are added, active from that day, so that 2025 periods take the new list
 * while 2022–2024 keep the old one.
 */
const MERGED_DEPARTMENTS_2025: { code: string; into: string }[] = [
  { code: 'SKHDT', into: 'STC' },
  { code: 'STTTT', into: 'SKHCN' },
  { code: 'SGTVT', into: 'SXD' },
  { code: 'STNMT', into: 'SNNMT' },
  { code: 'SNNPTNT', into: 'SNNMT' },
  { code: 'SLDTBXH', into: 'SNV' },
  { code: 'BDT', into: 'SDTTG' },
];
const DEPARTMENTS_CREATED_2025 = [
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' },
  { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo' },
];
const LAST_DAY_BEFORE_MERGERS = '2025-02-28';
const FIRST_DAY_AFTER_MERGERS = '2025-03-01';

const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; unit?: string; scopes?: string[] }[] = [
  { username: 'quantri', displayName: 'Quản trị hệ thống (DEMO)', role: 'administrator' },
  { username: 'quanly', displayName: 'Sở KH&CN – Phòng Chuyển đổi số (DEMO)', role: 'periodManager' },
  { username: 'nhaplieu.dbp', displayName: 'Cán bộ nhập liệu TP Điện Biên Phủ (DEMO)', role: 'unitReporter', unit: 'DBP' },
  { username: 'lanhdao.dbp', displayName: 'Lãnh đạo UBND TP Điện Biên Phủ (DEMO)', role: 'unitLeader', unit: 'DBP' },
  {
    username: 'thamdinh',
    displayName: 'Thành viên Hội đồng thẩm định (DEMO)',
    role: 'appraiser',
    scopes: ['1', '2', '3', '4', '5'],
  },
  { username: 'chutich', displayName: 'Chủ tịch Hội đồng thẩm định (DEMO)', role: 'councilChair' },
];

export interface SeededDemo {
  accounts: { role: Role; username: string; password: string }[];
}

/** A random password that passes the strength rules, shown once at first start. */
function demoPassword(): string {
  return `Demo-${randomBytes(9).toString('base64url')}`;
}

/**
 * First start on an empty database: the Điện Biên demo — the province, its departments (those merged
 * in 2025 ended and replaced) and its ten pre-2025 districts; one account per role; a 2022 period
 * answered, appraised, finalised and published in 2023 with plausible (invented, clearly labelled)
 * results; and an open 2023 period.
 * Returns undefined when the database already has users.
 */
export async function seedDemoData(db: Database): Promise<SeededDemo | undefined> {
  const [existing] = await db.select({ value: count() }).from(users);
  if ((existing?.value ?? 0) > 0) return undefined;

  const [province] = await db
    .insert(units)
    // The province continues after 2025; it was its districts that were abolished.
    .values({ code: 'DIENBIEN', name: 'Tỉnh Điện Biên', kind: 'province' })
    .returning();
  const unitRows = await db
    .insert(units)
    .values([
      ...DIEN_BIEN_DEPARTMENTS.map((unit) => ({ code: unit.code, name: unit.name, kind: 'department', parentId: province?.id })),
      ...DEPARTMENTS_CREATED_2025.map((unit) => ({
        ...unit,
        kind: 'department',
        parentId: province?.id,
        activeFrom: FIRST_DAY_AFTER_MERGERS,
      })),
      // The district level was abolished on 1 July 2025.
      ...DIEN_BIEN_DISTRICTS.map((unit) => ({
        code: unit.code,
        name: unit.name,
        kind: 'district',
        parentId: province?.id,
        activeTo: '2025-06-30',
      })),
    ])
    .returning();
  const unitByCode = new Map(unitRows.map((unit) => [unit.code, unit]));
  for (const merged of MERGED_DEPARTMENTS_2025) {
    const unit = unitByCode.get(merged.code);
    if (!unit) continue;
    await db
      .update(units)
      .set({ activeTo: LAST_DAY_BEFORE_MERGERS, replacedById: unitByCode.get(merged.into)?.id })
      .where(eq(units.id, unit.id));
  }

  const accounts: SeededDemo['accounts'] = [];
  const actorByRole = new Map<Role, Actor>();
  for (const account of DEMO_ACCOUNTS) {
    const password = demoPassword();
    const created = await createUser(db, undefined, {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      unitId: account.unit ? unitByCode.get(account.unit)?.id : null,
      assignedScopes: account.scopes ?? [],
      password,
      mustChangePassword: false,
    });
    accounts.push({ role: account.role, username: account.username, password });
    actorByRole.set(account.role, {
      userId: created.id,
      role: account.role,
      unitId: created.unitId ?? undefined,
      assignedScopes: created.assignedScopes,
    });
  }
  const manager = actorByRole.get('periodManager') as Actor;
  const now = new Date();

  // 2022: answered, appraised, finalised, published — on the dates seed 001's schedule gives
  // (09:00 in Vietnam), so that "Công bố ngày" reads 31/03/2023, not the day the demo was started.
  const on = (day: string) => new Date(`${day}T02:00:00Z`);
  const period2022 = await createPeriod(db, manager, {
    year: 2022,
    name: 'Đánh giá chỉ số chuyển đổi số năm 2022 (DEMO)',
    selfAssessmentDeadline: '2023-01-30',
    appraisalDeadline: '2023-03-15',
    publicationDue: '2023-03-31',
    // The demo keeps the council's flow without a rebuttal round; a manager may switch it on.
    rebuttalEnabled: false,
    cohorts: [
      { unitKind: 'department', frameworkId: 'dienbien-2022-department' },
      { unitKind: 'district', frameworkId: 'dienbien-2022-district' },
    ],
  });
  await transitionPeriod(db, manager, period2022.id, 'openSelfAssessment', undefined, on('2022-12-01'));
  const cohorts = [
    { frameworkId: 'dienbien-2022-department', units: DIEN_BIEN_DEPARTMENTS },
    { frameworkId: 'dienbien-2022-district', units: DIEN_BIEN_DISTRICTS },
  ];
  const assessmentRows = await db.select().from(assessments).where(eq(assessments.periodId, period2022.id));
  const assessmentByUnit = new Map(assessmentRows.map((row) => [row.unitId, row.id]));
  const chair = actorByRole.get('councilChair') as Actor;
  for (const cohort of cohorts) {
    const framework = compileFramework(loadBuiltinFramework(cohort.frameworkId));
    const generated = generateDemoAnswers(framework, cohort.units, cohort.frameworkId.length * 97);
    const answerRows = [];
    const decisionRows = [];
    for (const answer of generated) {
      const unit = unitByCode.get(answer.unitCode);
      const assessmentId = unit ? assessmentByUnit.get(unit.id) : undefined;
      const node = framework.nodes[framework.nodeByCode.get(answer.indicator) ?? -1];
      if (!assessmentId || !node) continue;
      const selfPoints = demoSelfPoints(answer, node);
      answerRows.push({
        assessmentId,
        indicatorCode: answer.indicator,
        value: answer.value || null,
        selfPoints,
        notAssessed: answer.notAssessed === 'x',
        notAssessedReason: answer.notAssessed === 'x' ? 'Đơn vị không có nhiệm vụ này trong năm đánh giá' : null,
        explanation: 'Số liệu mẫu (DEMO)',
      });
      const adjusted = answer.appraisedPoints !== '';
      decisionRows.push({
        assessmentId,
        indicatorCode: answer.indicator,
        decision: adjusted ? 'adjusted' : 'accepted',
        appraisedPoints: adjusted ? Number(answer.appraisedPoints.replace(',', '.')) : null,
        reason: adjusted ? 'Tài liệu kiểm chứng chưa đầy đủ (DEMO)' : null,
        decidedBy: chair.userId,
      });
    }
    await db.insert(answers).values(answerRows);
    await db.insert(appraisals).values(decisionRows);
  }
  await db
    .update(assessments)
    .set({ state: 'finalised', submittedAt: on('2023-01-30'), finalisedAt: on('2023-03-15') })
    .where(eq(assessments.periodId, period2022.id));
  await recordAudit(db, {
    actor: undefined,
    action: 'demo.seeded',
    entityType: 'period',
    entityId: period2022.id,
    periodId: period2022.id,
    reason: 'Dữ liệu mẫu tạo khi khởi động lần đầu (DEMO)',
  });
  await transitionPeriod(db, manager, period2022.id, 'startAppraisal', undefined, on('2023-01-31'));
  // Publishing takes a decision (number, date, signer). The demo's is invented and says so: no real
  // decision of the province is cited.
  await transitionPeriod(db, manager, period2022.id, 'publish', undefined, on('2023-03-31'), DEMO_PUBLICATION_DECISION);

  // 2023: open for self-assessment, the departments and districts as in 2022. Its schedule is
  // moved to next year so that the demo can be tried end to end today, in seed 001's order:
  // self-assessment deadline, then the appraisal, then publication.
  const nextYear = now.getUTCFullYear() + 1;
  const period2023 = await createPeriod(db, manager, {
    year: 2023,
    name: 'Đánh giá chỉ số chuyển đổi số năm 2023 (DEMO)',
    selfAssessmentDeadline: `${nextYear}-01-30`,
    appraisalDeadline: `${nextYear}-03-15`,
    publicationDue: `${nextYear}-03-31`,
    rebuttalEnabled: false,
    cohorts: [
      { unitKind: 'department', frameworkId: 'dienbien-2022-department' },
      { unitKind: 'district', frameworkId: 'dienbien-2022-district' },
    ],
  });
  await transitionPeriod(db, manager, period2023.id, 'openSelfAssessment', undefined, now);
  return { accounts };
}

/** The invented decision that publishes the demo's 2022 results, marked as sample data in every field a reader sees. */
export const DEMO_PUBLICATION_DECISION = {
  number: '01/QĐ-UBND (dữ liệu mẫu)',
  date: '2023-03-30',
  signerName: 'Nguyễn Văn Mẫu (dữ liệu mẫu)',
  signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
} as const;

/** The demo rows carry raw values; the stored self points are what the indicator's method gives. */
function demoSelfPoints(answer: { value: string; points: string; notAssessed: string }, node: CompiledNode): number | null {
  if (answer.notAssessed === 'x') return null;
  const outcome = scoreRawValue(node.method ?? { type: 'direct' }, answer.points || answer.value, node.maxPoints);
  return 'points' in outcome ? outcome.points : null;
}
