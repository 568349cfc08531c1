import type { CompiledFramework, PlanStatus, PublicationDecision } from '@opendti/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { periods, planTargets, planTasks } from '../../db/schema/index.js';
import { formatDay } from '../../documents/format-values.js';
import { DOCUMENT_NAMES } from '../../documents/layouts.js';
import { buildPlanData } from '../../documents/plan-data.js';
import { type DocumentFormat, renderDocument } from '../../documents/render-document.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { loadPlan, unitRegister } from '../plans/plans.service.js';
import { readProvinceHeader, templateFor } from './document-settings.service.js';

async function frameworkOrNull(db: Database, id: string | undefined): Promise<CompiledFramework | null> {
  if (!id) return null;
  try {
    return await getCompiledFramework(db, id);
  } catch {
    // A plan whose framework was removed still prints, with codes instead of names.
    return null;
  }
}

/**
 * The improvement plan's document (issue 13, item 5) from the stored plan: unit names for codes,
 * indicator names from the plan's framework, "Căn cứ" lines from the published results it rests on.
 */
export async function renderPlanDocument(db: Database, planId: string, format: DocumentFormat) {
  const plan = await loadPlan(db, planId);
  const register = await unitRegister(db);
  const targets = await db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.position));
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  const framework = await frameworkOrNull(db, plan.basis[0]?.frameworkId);
  const nameOfCode = (code: string) => {
    const index = framework?.nodeByCode.get(code);
    return index === undefined ? null : (framework?.nodes[index]?.name ?? null);
  };
  const unitName = (id: string) => register.nameOf.get(id) ?? id;
  // A basis's source is a period id on the server (a file name when the CLI drafted it).
  const periodIds = plan.basis.map((basis) => basis.source).filter((source) => /^[0-9a-f-]{36}$/i.test(source));
  const periodRows =
    periodIds.length > 0
      ? await db
          .select({ id: periods.id, name: periods.name, decision: periods.publicationDecision })
          .from(periods)
          .where(inArray(periods.id, periodIds))
      : [];
  const periodOf = new Map(periodRows.map((row) => [row.id, row]));
  const bases = await Promise.all(
    plan.basis.map(async (basis) => {
      const period = periodOf.get(basis.source);
      const basisFramework = await frameworkOrNull(db, basis.frameworkId);
      const decision = period?.decision as PublicationDecision | null | undefined;
      const unit = basis.unitCode ? register.byCode.get(basis.unitCode) : undefined;
      const unitText = basis.unitCode ? ` của ${unit ? (register.nameOf.get(unit.id) ?? basis.unitCode) : basis.unitCode}` : '';
      return [
        `kết quả đánh giá chỉ số chuyển đổi số "${period?.name ?? basis.source}"${unitText}`,
        ` (bộ chỉ số: ${basisFramework?.document.name ?? basis.frameworkId})`,
        decision ? ` công bố theo Quyết định số ${decision.number} ngày ${formatDay(decision.date)}` : '',
      ].join('');
    }),
  );
  const data = buildPlanData({
    plan: {
      title: plan.title,
      documentNumber: plan.documentNumber,
      date: plan.date,
      year: plan.year,
      purpose: plan.purpose,
      status: plan.status as PlanStatus,
      reportingSchedule: plan.reportingSchedule,
    },
    bases,
    targets: targets.map((target) => ({
      code: target.code,
      name: nameOfCode(target.code),
      baseline: target.baseline,
      target: target.target,
      unit: target.unit as 'points' | 'value' | 'percent',
      dueOn: target.dueOn,
    })),
    tasks: tasks.map((task) => ({
      text: task.text,
      indicators: task.indicators,
      leadName: task.leadUnitId === null ? null : unitName(task.leadUnitId),
      coordinatingNames: task.coordinatingUnitIds.map(unitName),
      product: task.product,
      dueOn: task.dueOn,
      state: task.state,
      cancelReason: task.cancelReason,
    })),
    header: await readProvinceHeader(db),
  });
  const template = await templateFor(db, 'improvement-plan');
  const rendered = await renderDocument('improvement-plan', data, format, { template: template.bytes });
  const suffix = plan.status === 'draft' ? '-du-thao' : '';
  return { ...rendered, fileName: `${DOCUMENT_NAMES['improvement-plan'].file}-${plan.year}${suffix}.${format}` };
}
