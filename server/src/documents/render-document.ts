import { readFile } from 'node:fs/promises';
import { DomainError } from '@opendti/core';
import { convertManyWithLibreOffice, convertWithLibreOffice, findSoffice } from './convert-with-libreoffice.js';
import type { DocumentKind } from './document-layout.js';
import { type DocumentData, fillTemplate } from './fill-template.js';
import { TEMPLATE_FOLDER } from './fonts.js';
import { LAYOUTS } from './layouts.js';
import { renderPdf } from './render-pdf.js';

export type DocumentFormat = 'docx' | 'pdf';
/** Which program made the bytes: said in the X-Document-Renderer header and by the CLI. */
export type DocumentRenderer = 'docxtemplater' | 'libreoffice' | 'pdfmake';
export type PdfRendererChoice = 'auto' | 'libreoffice' | 'pdfmake';

export interface RenderedDocument {
  bytes: Buffer;
  renderer: DocumentRenderer;
}

/** The shipped default template of a document. */
export function readDefaultTemplate(kind: DocumentKind): Promise<Buffer> {
  return readFile(`${TEMPLATE_FOLDER}${kind}.docx`);
}

export interface RenderOptions {
  /** The template to fill (an uploaded one), else the shipped default. */
  template?: Uint8Array;
  /** auto: LibreOffice when present, else pdfmake. From OPENDTI_PDF_RENDERER when not given. */
  pdfRenderer?: PdfRendererChoice;
}

function pdfChoice(options: RenderOptions): PdfRendererChoice {
  const chosen = options.pdfRenderer ?? process.env.OPENDTI_PDF_RENDERER;
  return chosen === 'libreoffice' || chosen === 'pdfmake' ? chosen : 'auto';
}

/**
 * A document as .docx (the template filled) or PDF: LibreOffice converts the filled .docx when it is
 * installed (the PDF is then exactly the, possibly edited, template), otherwise pdfmake draws the
 * layout with the embedded font (decision 0014).
 */
export async function renderDocument(
  kind: DocumentKind,
  data: DocumentData,
  format: DocumentFormat,
  options: RenderOptions = {},
): Promise<RenderedDocument> {
  const choice = pdfChoice(options);
  if (format === 'pdf' && choice === 'pdfmake') return { bytes: await renderPdf(LAYOUTS[kind], data), renderer: 'pdfmake' };
  const docx = fillTemplate(options.template ?? (await readDefaultTemplate(kind)), data);
  if (format === 'docx') return { bytes: docx, renderer: 'docxtemplater' };
  const soffice = findSoffice();
  if (!soffice) {
    if (choice === 'libreoffice') {
      throw new DomainError('internal', [
        { code: 'document.pdf-failed', params: { detail: 'LibreOffice (soffice) is not installed' } },
      ]);
    }
    return { bytes: await renderPdf(LAYOUTS[kind], data), renderer: 'pdfmake' };
  }
  try {
    return { bytes: await convertWithLibreOffice(docx, soffice), renderer: 'libreoffice' };
  } catch (error) {
    throw new DomainError('internal', [
      { code: 'document.pdf-failed', params: { detail: error instanceof Error ? error.message : String(error) } },
    ]);
  }
}

/**
 * Several documents of one kind at once (a batch of score sheets for a ZIP): the same output as
 * renderDocument for each, but LibreOffice is started once for the whole batch.
 */
export async function renderDocuments(
  kind: DocumentKind,
  batch: DocumentData[],
  format: DocumentFormat,
  options: RenderOptions = {},
): Promise<RenderedDocument[]> {
  const soffice = format === 'pdf' && pdfChoice(options) !== 'pdfmake' ? findSoffice() : undefined;
  if (!soffice) return Promise.all(batch.map((data) => renderDocument(kind, data, format, options)));
  const template = options.template ?? (await readDefaultTemplate(kind));
  const documents = batch.map((data) => fillTemplate(template, data));
  try {
    return (await convertManyWithLibreOffice(documents, soffice)).map((bytes) => ({ bytes, renderer: 'libreoffice' as const }));
  } catch (error) {
    throw new DomainError('internal', [
      { code: 'document.pdf-failed', params: { detail: error instanceof Error ? error.message : String(error) } },
    ]);
  }
}
