import { createHash } from 'node:crypto';
import type { Static } from '@fastify/type-provider-typebox';
import { type Actor, DomainError, named } from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { documentSettings, documentTemplates } from '../../db/schema/index.js';
import { checkTemplate } from '../../documents/check-template.js';
import { DOCUMENT_KINDS, type DocumentKind, type TagTree, tagTreeOf } from '../../documents/document-layout.js';
import { DOCUMENT_NAMES, LAYOUTS } from '../../documents/layouts.js';
import { DEFAULT_PROVINCE_HEADER, type ProvinceHeader } from '../../documents/province-header.js';
import { readDefaultTemplate } from '../../documents/render-document.js';
import { recordAudit } from '../audit/audit.service.js';
import type { UpdateDocumentSettingsBody } from './document-schemas.js';

const SETTINGS_ID = 'province';

/** The province's header settings, or the defaults (version 0) until an administrator saves them. */
export async function readDocumentSettings(db: Database) {
  const [row] = await db.select().from(documentSettings).where(eq(documentSettings.id, SETTINGS_ID));
  if (!row) return { header: DEFAULT_PROVINCE_HEADER, version: 0, updatedAt: null };
  return { header: { ...DEFAULT_PROVINCE_HEADER, ...row.header }, version: row.version, updatedAt: row.updatedAt };
}

export async function readProvinceHeader(db: Database): Promise<ProvinceHeader> {
  return (await readDocumentSettings(db)).header;
}

const trimmed = (header: ProvinceHeader): ProvinceHeader => ({
  ...header,
  parentBody: header.parentBody.trim(),
  issuingBody: header.issuingBody.trim(),
  symbol: header.symbol.trim(),
  place: header.place.trim(),
  signerTitle: header.signerTitle.trim(),
  signerName: header.signerName.trim(),
  councilChairName: header.councilChairName.trim(),
  recipients: header.recipients.map((recipient) => recipient.trim()).filter(Boolean),
});

/** Saves the header settings on the version they were based on (409 otherwise); audited. */
export async function updateDocumentSettings(db: Database, actor: Actor, body: Static<typeof UpdateDocumentSettingsBody>) {
  const header = trimmed(body.header);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(documentSettings).where(eq(documentSettings.id, SETTINGS_ID)).for('update');
    const current = before?.version ?? 0;
    if (current !== body.version) {
      throw new DomainError('conflict', [
        { code: 'http.stale-version', params: { what: named('documentSettings'), current, based: body.version } },
      ]);
    }
    const values = { header, version: current + 1, updatedBy: actor.userId, updatedAt: new Date() };
    if (before) await tx.update(documentSettings).set(values).where(eq(documentSettings.id, SETTINGS_ID));
    else await tx.insert(documentSettings).values({ id: SETTINGS_ID, ...values });
    await recordAudit(tx, {
      actor,
      action: 'documentSettings.updated',
      entityType: 'documentSettings',
      entityId: SETTINGS_ID,
      oldValue: before?.header ?? DEFAULT_PROVINCE_HEADER,
      newValue: header,
    });
  });
  return readDocumentSettings(db);
}

function tagPaths(tree: TagTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([tag, children]) => [`${prefix}${tag}`, ...tagPaths(children, `${prefix}${tag}.`)]);
}

/** Each document with the template in use (uploaded or shipped) and the fields a template may hold. */
export async function listTemplates(db: Database) {
  const rows = await db
    .select({
      kind: documentTemplates.kind,
      fileName: documentTemplates.fileName,
      sizeBytes: documentTemplates.sizeBytes,
      uploadedAt: documentTemplates.uploadedAt,
    })
    .from(documentTemplates);
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return DOCUMENT_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      name: DOCUMENT_NAMES[kind].vi,
      custom: row !== undefined,
      fileName: row?.fileName ?? null,
      sizeBytes: row?.sizeBytes ?? null,
      uploadedAt: row?.uploadedAt ?? null,
      fields: tagPaths(tagTreeOf(LAYOUTS[kind])),
      required: LAYOUTS[kind].required,
    };
  });
}

/** The template a document is filled from: the uploaded one, else the shipped default. */
export async function templateFor(
  db: Database,
  kind: DocumentKind,
): Promise<{ bytes: Buffer; custom: boolean; fileName: string }> {
  const [row] = await db.select().from(documentTemplates).where(eq(documentTemplates.kind, kind));
  if (row) return { bytes: Buffer.from(row.content, 'base64'), custom: true, fileName: row.fileName };
  return { bytes: await readDefaultTemplate(kind), custom: false, fileName: `mau-${DOCUMENT_NAMES[kind].file}.docx` };
}

/** An uploaded template checked (unknown and missing fields named) and stored in place of the current one; audited. */
export async function uploadTemplate(
  db: Database,
  actor: Actor,
  kind: DocumentKind,
  upload: { fileName: string; bytes: Buffer },
) {
  checkTemplate(LAYOUTS[kind], upload.bytes);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ fileName: documentTemplates.fileName, sha256: documentTemplates.sha256 })
      .from(documentTemplates)
      .where(eq(documentTemplates.kind, kind))
      .for('update');
    const values = {
      fileName: upload.fileName,
      sha256,
      sizeBytes: upload.bytes.length,
      content: upload.bytes.toString('base64'),
      uploadedBy: actor.userId,
      uploadedAt: new Date(),
    };
    if (before) await tx.update(documentTemplates).set(values).where(eq(documentTemplates.kind, kind));
    else await tx.insert(documentTemplates).values({ kind, ...values });
    await recordAudit(tx, {
      actor,
      action: before ? 'documentTemplate.replaced' : 'documentTemplate.uploaded',
      entityType: 'documentTemplate',
      entityId: kind,
      oldValue: before ?? undefined,
      newValue: { fileName: upload.fileName, sha256 },
    });
  });
  const summary = (await listTemplates(db)).find((item) => item.kind === kind);
  if (!summary) throw new Error(`no template summary for ${kind}`);
  return summary;
}

/** Back to the shipped template; audited. 404 when no uploaded template is in use. */
export async function deleteTemplate(db: Database, actor: Actor, kind: DocumentKind): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ fileName: documentTemplates.fileName, sha256: documentTemplates.sha256 })
      .from(documentTemplates)
      .where(eq(documentTemplates.kind, kind))
      .for('update');
    if (!before)
      throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('documentTemplate', kind) } }]);
    await tx.delete(documentTemplates).where(eq(documentTemplates.kind, kind));
    await recordAudit(tx, {
      actor,
      action: 'documentTemplate.deleted',
      entityType: 'documentTemplate',
      entityId: kind,
      oldValue: before,
    });
  });
}
