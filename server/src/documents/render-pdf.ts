import { createRequire } from 'node:module';
import type PdfMake from 'pdfmake';
import type { Content, DocumentDefinition } from 'pdfmake';
import type { Align, Block, DocumentLayout } from './document-layout.js';
import { type DocumentData, DocumentImage, type DocumentValue } from './fill-template.js';
import { FONT_FILES, FONT_PATHS } from './fonts.js';
import { PAGE, twipsToPoints } from './page-geometry.js';

/**
 * The PDF that needs no office suite: pdfmake draws the layout (the one the default template is
 * written from) with the shipped font embedded. Used when LibreOffice is not installed; the wording
 * is the default template's, the numbers and the province's header are the same data.
 */
// Loaded on the first PDF it draws: a Word document or a LibreOffice PDF does not need it.
const require = createRequire(import.meta.url);
let loaded: typeof PdfMake | undefined;
function pdfmakeWithFonts(): typeof PdfMake {
  if (loaded) return loaded;
  const pdfmake = require('pdfmake') as typeof PdfMake;
  pdfmake.addFonts({ Serif: FONT_PATHS });
  // Nothing is fetched or read beyond the fonts: images are given as data.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.includes(path));
  loaded = pdfmake;
  return pdfmake;
}

type Scope = DocumentData[];

function lookup(scope: Scope, field: string): DocumentValue | undefined {
  for (const frame of scope) if (frame[field] !== undefined) return frame[field];
  return undefined;
}

const TAG = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

function fill(text: string, scope: Scope): string {
  return text.replace(TAG, (_, field: string) => {
    const value = lookup(scope, field);
    return typeof value === 'string' ? value : '';
  });
}

function items(scope: Scope, loop: string): DocumentData[] {
  const value = lookup(scope, loop);
  return Array.isArray(value) ? value.filter((item): item is DocumentData => typeof item === 'object') : [];
}

const BODY = 13;
const TABLE = 10.5;

function paragraph(
  text: string,
  options: { align?: Align; bold?: boolean; italics?: boolean; size?: number; margin?: number[] } = {},
): Content {
  return {
    text,
    alignment: options.align ?? 'justify',
    bold: options.bold,
    italics: options.italics,
    fontSize: options.size ?? BODY,
    margin: (options.margin ?? [0, 0, 0, 4]) as [number, number, number, number],
  };
}

function blockContent(block: Block, scope: Scope): Content[] {
  switch (block.kind) {
    case 'heading':
      return [paragraph(fill(block.text, scope), { bold: true, align: 'left', margin: [0, 6, 0, 3] })];
    case 'paragraph':
      return [paragraph(fill(block.text, scope), { align: block.align, bold: block.bold, italics: block.italic })];
    case 'table': {
      const rows = items(scope, block.loop);
      const total = block.columns.reduce((sum, column) => sum + column.width, 0);
      const header: Content[] = block.columns.map((column) => ({
        text: column.title,
        bold: true,
        alignment: 'center',
        fontSize: TABLE,
        fillColor: '#e7e6e6',
      }));
      const body: Content[][] = rows.map((row) =>
        block.columns.map((column) => ({
          text: fill(`{${column.field}}`, [row, ...scope]),
          alignment: column.align ?? 'left',
          fontSize: TABLE,
        })),
      );
      return [
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: block.columns.map((column) => `${(column.width / total) * 100}%`),
            body: [header, ...body],
          },
          margin: [0, 2, 0, 6],
        },
      ];
    }
    case 'chart': {
      const image = lookup(scope, block.tag);
      if (!(image instanceof DocumentImage)) return [];
      return [
        {
          image: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`,
          width: image.widthCm * 28.3465,
          height: image.heightCm * 28.3465,
          alignment: 'center',
          margin: [0, 4, 0, 4],
        },
      ];
    }
    case 'section':
      return items(scope, block.loop).flatMap((item) => block.blocks.flatMap((inner) => blockContent(inner, [item, ...scope])));
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

function nationalHeader(scope: Scope): Content {
  const center = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) => ({
    text,
    alignment: 'center' as const,
    bold: options.bold,
    italics: options.italics,
    fontSize: options.size ?? 12,
  });
  const leftWidth = twipsToPoints(PAGE.headerLeft);
  return {
    table: {
      widths: [leftWidth, '*'],
      body: [
        [
          { stack: [center(fill('{parentBody}', scope)), center(fill('{issuingBody}', scope), { bold: true }), center('―――――')] },
          {
            stack: [
              center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
              center('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 13 }),
              center('―――――――――――'),
            ],
          },
        ],
        [
          center(fill('Số: {documentNumber}', scope), { size: 13 }),
          center(fill('{place}, ngày {day} tháng {month} năm {year}', scope), { italics: true, size: 13 }),
        ],
      ],
    },
    layout: 'noBorders',
  };
}

function signatureBlock(layout: DocumentLayout, scope: Scope): Content {
  const columns: Content[] = [];
  if (layout.recipients) {
    columns.push({
      width: '*',
      stack: [
        { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
        ...items(scope, 'recipients').map((item) => ({ text: `- ${fill('{recipient}', [item, ...scope])}`, fontSize: 11 })),
      ],
    });
  }
  for (const signature of layout.signatures) {
    columns.push({
      width: '*',
      stack: [
        { text: fill(signature.title, scope), bold: true, alignment: 'center' },
        { text: '\n\n\n\n' },
        { text: fill(signature.name, scope), bold: true, alignment: 'center' },
      ],
    });
  }
  return { columns, margin: [0, 12, 0, 0], unbreakable: true };
}

/** The layout drawn with the data, as PDF bytes. */
export async function renderPdf(layout: DocumentLayout, data: DocumentData): Promise<Buffer> {
  const pdfmake = pdfmakeWithFonts();
  const scope: Scope = [data];
  const definition: DocumentDefinition = {
    pageSize: 'A4',
    pageMargins: [twipsToPoints(PAGE.left), twipsToPoints(PAGE.top), twipsToPoints(PAGE.right), twipsToPoints(PAGE.bottom)],
    defaultStyle: { font: 'Serif', fontSize: BODY, lineHeight: 1.1 },
    info: { title: fill(layout.title, scope), creator: 'OpenDTI' },
    content: [
      nationalHeader(scope),
      ...(layout.mark && fill(layout.mark, scope)
        ? [paragraph(fill(layout.mark, scope), { align: 'center', bold: true, size: 14, margin: [0, 12, 0, 0] })]
        : []),
      paragraph(layout.documentType, { align: 'center', bold: true, size: 14, margin: [0, 12, 0, 0] }),
      paragraph(fill(layout.title, scope), {
        align: 'center',
        bold: true,
        size: 14,
        margin: [0, 0, 0, layout.subtitle ? 0 : 12],
      }),
      ...(layout.subtitle
        ? [paragraph(fill(layout.subtitle, scope), { align: 'center', italics: true, margin: [0, 0, 0, 12] })]
        : []),
      ...layout.body.flatMap((block) => blockContent(block, scope)),
      signatureBlock(layout, scope),
    ],
  };
  const document = pdfmake.createPdf(definition);
  return Buffer.from(await document.getBuffer());
}
