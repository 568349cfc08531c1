import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Align, Block, DocumentLayout } from './document-layout.js';
import { PAGE } from './page-geometry.js';

/**
 * The default Word template of a layout, written with the `docx` package (a build-time tool: the
 * result is committed in server/documents/templates/, `npm run documents:templates`). Times New Roman
 * as Decree 30/2020/NĐ-CP prescribes; body 13 pt, tables 11 pt. Every tag sits in one run so Word
 * keeps it whole until an administrator edits it.
 */
const FONT = 'Times New Roman';
const BODY = 26; // half-points: 13 pt
const TABLE = 22; // 11 pt
const SMALL = 24; // 12 pt

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface TextOptions {
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  after?: number;
  before?: number;
}

function text(value: string, options: TextOptions = {}): Paragraph {
  const children: ParagraphChild[] = [
    new TextRun({ text: value, font: FONT, size: options.size ?? BODY, bold: options.bold, italics: options.italic }),
  ];
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'justify'],
    spacing: { before: options.before ?? 0, after: options.after ?? 60 },
    children,
  });
}

function cell(children: Paragraph[], width: number, shaded = false, top = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    shading: shaded ? { fill: 'E7E6E6' } : undefined,
    children,
  });
}

/** Issuing body | national header, then number | place and date (Decree 30, Appendix I, models 1–2). */
function nationalHeader(): Table {
  const left = PAGE.headerLeft;
  const right = PAGE.textWidth - left;
  const center = (value: string, options: TextOptions = {}) =>
    text(value, { align: 'center', size: SMALL, after: 0, ...options });
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([center('{parentBody}'), center('{issuingBody}', { bold: true }), center('―――――')], left),
          cell(
            [
              center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
              center('Độc lập - Tự do - Hạnh phúc', { bold: true, size: BODY }),
              center('―――――――――――'),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([center('Số: {documentNumber}', { size: BODY })], left),
          cell([center('{place}, ngày {day} tháng {month} năm {year}', { italic: true, size: BODY })], right),
        ],
      }),
    ],
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = block.columns.map((column) => Math.floor((column.width / total) * PAGE.textWidth));
  const last = block.columns.length - 1;
  const item = (field: string, index: number) =>
    `${index === 0 ? `{#${block.loop}}` : ''}{${field}}${index === last ? `{/${block.loop}}` : ''}`;
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: LINES,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((column, index) =>
          cell([text(column.title, { align: 'center', bold: true, size: TABLE, after: 0 })], widths[index] ?? 0, true),
        ),
      }),
      new TableRow({
        cantSplit: true,
        children: block.columns.map((column, index) =>
          cell([text(item(column.field, index), { align: column.align ?? 'left', size: TABLE, after: 0 })], widths[index] ?? 0),
        ),
      }),
    ],
  });
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case 'heading':
        return [text(block.text, { bold: true, before: 120, after: 60, align: 'left' })];
      case 'paragraph':
        return [text(block.text, { align: block.align, bold: block.bold, italic: block.italic })];
      case 'table':
        return [table(block), text('', { after: 60 })];
      case 'chart':
        return [text(`{@${block.tag}}`, { align: 'center' })];
      case 'section':
        return [text(`{#${block.loop}}`), ...blocks(block.blocks), text(`{/${block.loop}}`)];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      default:
        return [];
    }
  });
}

function signatureCell(title: string, name: string, width: number): TableCell {
  const center = (value: string, options: TextOptions = {}) => text(value, { align: 'center', after: 0, ...options });
  return cell(
    [center(title, { bold: true }), center(''), center(''), center(''), center(''), center(name, { bold: true })],
    width,
    false,
    true,
  );
}

function signatureBlock(layout: DocumentLayout): Table[] {
  const half = Math.floor(PAGE.textWidth / 2);
  const cells: TableCell[] = [];
  if (layout.signatures.length === 0 && !layout.recipients) return [];
  if (layout.recipients) {
    cells.push(
      cell(
        [
          text('Nơi nhận:', { bold: true, italic: true, size: SMALL, after: 0, align: 'left' }),
          // Loop tags in paragraphs of their own: the recipient's paragraph repeats (paragraphLoop).
          text('{#recipients}', { size: TABLE, after: 0, align: 'left' }),
          text('- {recipient}', { size: TABLE, after: 0, align: 'left' }),
          text('{/recipients}', { size: TABLE, after: 0, align: 'left' }),
        ],
        half,
        false,
        true,
      ),
    );
  }
  for (const signature of layout.signatures) cells.push(signatureCell(signature.title, signature.name, half));
  return [
    new Table({
      width: { size: PAGE.textWidth, type: WidthType.DXA },
      columnWidths: cells.map(() => half),
      borders: NO_BORDERS,
      rows: [new TableRow({ cantSplit: true, children: cells })],
    }),
  ];
}

/** The layout's default template as .docx bytes. */
export async function writeDefaultTemplate(layout: DocumentLayout): Promise<Buffer> {
  const document = new Document({
    creator: 'OpenDTI',
    title: layout.documentType,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: [
          nationalHeader(),
          ...(layout.mark ? [text(layout.mark, { align: 'center', bold: true, size: 28, before: 240, after: 0 })] : []),
          text(layout.documentType, { align: 'center', bold: true, size: 28, before: layout.mark ? 120 : 240, after: 0 }),
          text(layout.title, { align: 'center', bold: true, size: 28, after: layout.subtitle ? 0 : 240 }),
          ...(layout.subtitle ? [text(layout.subtitle, { align: 'center', italic: true, after: 240 })] : []),
          ...blocks(layout.body),
          text('', { after: 120 }),
          ...signatureBlock(layout),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
