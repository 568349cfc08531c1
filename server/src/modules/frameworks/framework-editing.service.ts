import type { Static } from '@fastify/type-provider-typebox';
import { type Actor, DomainError, type FrameworkDocument, named, type Problem, validateFramework } from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { frameworks, periodCohorts, periods } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CloneBody } from './framework-schemas.js';
import { forgetCompiledFramework } from './frameworks.service.js';

export interface FrameworkUsage {
  id: string;
  source: string;
  /** The periods whose cohorts use the framework: any one of them freezes it. */
  periods: { id: string; year: number; name: string; state: string }[];
  /** Why the framework cannot be edited, or null when it can. */
  frozenBecause: 'builtin' | 'inUse' | null;
}

/** A framework's summary, as the list route shows it. */
export function summariseFramework(document: FrameworkDocument, source: string) {
  return {
    id: document.id,
    name: document.name,
    year: document.year,
    unitKind: document.unitKind,
    maxPoints: document.maxPoints ?? null,
    mainIndices: document.mainIndices.length,
    indicators: document.mainIndices.reduce((count, main) => count + main.indicators.length, 0),
    source,
  };
}

async function loadFramework(db: Pick<Database, 'select'>, id: string) {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  if (!row) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('framework', id) } }]);
  return row;
}

async function periodsUsing(db: Pick<Database, 'select'>, id: string): Promise<FrameworkUsage['periods']> {
  return db
    .select({ id: periods.id, year: periods.year, name: periods.name, state: periods.state })
    .from(periodCohorts)
    .innerJoin(periods, eq(periods.id, periodCohorts.periodId))
    .where(eq(periodCohorts.frameworkId, id))
    .orderBy(periods.year);
}

/**
 * Whether a framework may still change. A framework a period uses is frozen: its assessments were
 * opened, answered and scored against exactly that document, so changing it would rewrite results
 * after the fact. The built-in library reproduces the seeds' tables exactly and is frozen too; a
 * province changes a framework by cloning it into a new year and editing the clone.
 */
export async function getFrameworkUsage(db: Database, id: string): Promise<FrameworkUsage> {
  const row = await loadFramework(db, id);
  const using = await periodsUsing(db, id);
  return {
    id,
    source: row.source,
    periods: using,
    frozenBecause: row.source === 'builtin' ? 'builtin' : using.length > 0 ? 'inUse' : null,
  };
}

function frozenProblem(id: string, usage: Pick<FrameworkUsage, 'periods' | 'frozenBecause'>): Problem {
  const detail =
    usage.frozenBecause === 'builtin'
      ? `bộ chỉ số "${id}" có sẵn trong thư viện, giữ đúng văn bản gốc nên không sửa được; hãy nhân bản sang năm mới rồi sửa bản sao`
      : `bộ chỉ số "${id}" đang được dùng trong kỳ đánh giá ${usage.periods.map((period) => `"${period.name}"`).join(', ')} nên đã bị khoá; hãy nhân bản sang năm mới rồi sửa bản sao`;
  return { code: 'http.validation', params: { detail } };
}

/**
 * The new year's name: the source year replaced by the new one ("… năm 2024" → "… năm 2025"), or
 * the year appended when the name does not mention it.
 */
export function nameForYear(name: string, fromYear: number, toYear: number, locale: 'vi' | 'en'): string {
  const pattern = new RegExp(`\\b${fromYear}\\b`, 'g');
  if (pattern.test(name)) return name.replace(pattern, String(toYear));
  return locale === 'vi' ? `${name} (năm ${toYear})` : `${name} (${toYear})`;
}

export type CloneInput = Static<typeof CloneBody>;

/**
 * A new year's framework from an existing one: the same tree under a new id and year, editable
 * until a period uses it. The legal basis is kept (the province amends it when it issues the new
 * decision) and the clone is validated like an imported file.
 */
export async function cloneFramework(
  db: Database,
  actor: Actor,
  sourceId: string,
  input: CloneInput,
): Promise<FrameworkDocument> {
  const source = await loadFramework(db, sourceId);
  const copy = structuredClone(source.document);
  const document: FrameworkDocument = {
    ...copy,
    id: input.id,
    year: input.year,
    name: input.name?.trim() || nameForYear(copy.name, copy.year, input.year, 'vi'),
    ...(copy.nameEn !== undefined ? { nameEn: nameForYear(copy.nameEn, copy.year, input.year, 'en') } : {}),
  };
  const validated = validateFramework(document, input.id);
  const cloned = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(frameworks)
      .values({ id: validated.id, document: validated, source: 'imported' })
      .onConflictDoNothing()
      .returning({ id: frameworks.id });
    if (inserted.length === 0) {
      throw new DomainError('conflict', [
        { code: 'framework.duplicate-code', params: { code: validated.id, first: 'một bộ chỉ số đã có' } },
      ]);
    }
    await recordAudit(tx, {
      actor,
      action: 'framework.cloned',
      entityType: 'framework',
      entityId: validated.id,
      oldValue: { id: sourceId, year: source.document.year, name: source.document.name },
      newValue: { id: validated.id, year: validated.year, name: validated.name },
    });
    return validated;
  });
  // The cache is per process, not per database: a process serving several databases (tests) must not see another's framework.
  forgetCompiledFramework(cloned.id);
  return cloned;
}

/**
 * Replaces the document of a framework that is not frozen. Validated by core exactly as an imported
 * file is, so every problem names the code of the node at fault. The compiled form cached by
 * frameworks.service is dropped so that the next period scores with the new document.
 */
export async function replaceFrameworkDocument(db: Database, actor: Actor, id: string, raw: unknown): Promise<FrameworkDocument> {
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  if (rawId !== id) {
    throw new DomainError('invalid-input', [
      {
        code: 'http.validation',
        params: {
          detail: `mã bộ chỉ số trong tài liệu (${String(rawId)}) khác với mã đang sửa (${id}); muốn đổi mã hãy nhân bản`,
        },
      },
    ]);
  }
  const document = validateFramework(structuredClone(raw), id);
  const updated = await db.transaction(async (tx) => {
    // Locked until the edit commits: a period created meanwhile in another process (which takes a
    // share lock on the framework) waits for it, and one created first makes the check below refuse.
    await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, id)).for('update');
    const before = await loadFramework(tx, id);
    const using = await periodsUsing(tx, id);
    const frozenBecause = before.source === 'builtin' ? 'builtin' : using.length > 0 ? 'inUse' : null;
    if (frozenBecause) throw new DomainError('conflict', [frozenProblem(id, { periods: using, frozenBecause })]);
    // Saving what is already stored changes nothing and says nothing in the audit log.
    if (canonicalJson(before.document) === canonicalJson(document)) return document;
    await tx.update(frameworks).set({ document }).where(eq(frameworks.id, id));
    const changes = describeFrameworkChanges(before.document, document);
    await recordAudit(tx, {
      actor,
      action: 'framework.updated',
      entityType: 'framework',
      entityId: id,
      oldValue: changes.old,
      newValue: changes.new,
    });
    return document;
  });
  forgetCompiledFramework(id);
  return updated;
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order keys were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

type NodeFields = Record<string, unknown>;

/** Every node of a framework by a readable key ("1.2" for an indicator, "framework" for the root), with the fields people edit. */
function editableFields(document: FrameworkDocument): Map<string, NodeFields> {
  const nodes = new Map<string, NodeFields>();
  nodes.set('framework', {
    name: document.name,
    nameEn: document.nameEn,
    year: document.year,
    unitKind: document.unitKind,
    maxPoints: document.maxPoints,
    precision: document.precision,
    aggregation: document.aggregation,
    scale: document.scale,
    legalBasis: document.legalBasis,
    description: document.description,
    pillars: document.pillars,
  });
  for (const group of document.groups ?? [])
    nodes.set(group.code, { name: group.name, nameEn: group.nameEn, weight: group.weight });
  for (const mainIndex of document.mainIndices) {
    nodes.set(mainIndex.code, {
      name: mainIndex.name,
      nameEn: mainIndex.nameEn,
      group: mainIndex.group,
      maxPoints: mainIndex.maxPoints,
      weight: mainIndex.weight,
      unscored: mainIndex.unscored,
    });
    for (const indicator of mainIndex.indicators) {
      nodes.set(indicator.code, {
        name: indicator.name,
        nameEn: indicator.nameEn,
        maxPoints: indicator.maxPoints,
        weight: indicator.weight,
        method: indicator.method,
        inputUnit: indicator.inputUnit,
        numeratorLabel: indicator.numeratorLabel,
        denominatorLabel: indicator.denominatorLabel,
        pointsStep: indicator.pointsStep,
        guidance: indicator.guidance,
        evidence: indicator.evidence,
      });
    }
  }
  return nodes;
}

/** Audit entries stay readable: past this many changed fields the rest is counted, not listed. */
const MAX_LISTED_CHANGES = 200;

/**
 * What an edit changed, field by field, as two flat objects keyed "<code> · <field>" (old → new),
 * so the audit log shows "1.2 · maxPoints: 15 → 20" rather than two whole documents.
 */
export function describeFrameworkChanges(
  before: FrameworkDocument,
  after: FrameworkDocument,
): { old: Record<string, unknown>; new: Record<string, unknown> } {
  const oldNodes = editableFields(before);
  const newNodes = editableFields(after);
  const result = { old: {} as Record<string, unknown>, new: {} as Record<string, unknown> };
  let count = 0;
  const note = (key: string, oldValue: unknown, newValue: unknown) => {
    count++;
    if (count > MAX_LISTED_CHANGES) return;
    result.old[key] = oldValue ?? null;
    result.new[key] = newValue ?? null;
  };
  for (const [code, fields] of newNodes) {
    const previous = oldNodes.get(code);
    if (!previous) {
      note(code, null, fields.name ?? code);
      continue;
    }
    for (const [field, value] of Object.entries(fields)) {
      if (canonicalJson(value) !== canonicalJson(previous[field])) note(`${code} · ${field}`, previous[field], value);
    }
  }
  for (const [code, fields] of oldNodes) if (!newNodes.has(code)) note(code, fields.name ?? code, null);
  if (count > MAX_LISTED_CHANGES) {
    result.new['…'] = `${count - MAX_LISTED_CHANGES} thay đổi khác / more changes`;
  }
  return result;
}
