/**
 * A document's layout, once: the default Word template is written from it (build-default-template.ts),
 * an uploaded template's tags are checked against it (check-template.ts), and the PDF renderer that
 * needs no office suite draws it (render-pdf.ts). Texts hold docxtemplater tags: `{field}`; a table
 * repeats one row per item of its `loop`; a section repeats its blocks per item of its `loop`; a chart
 * is a `{@tag}` raw tag that receives an image.
 *
 * Every document has the frame of Decree 30/2020/NĐ-CP (Appendix I): the issuing body and the national
 * header side by side, the number and symbol under the body, place and date under the motto, the
 * document kind and title centred in bold, then the body, then "Nơi nhận" and the signature block.
 */
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TableColumn {
  title: string;
  /** The item's field shown in the column. */
  field: string;
  /** Relative width. */
  width: number;
  align?: Align;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: Align; bold?: boolean; italic?: boolean }
  | { kind: 'table'; loop: string; columns: TableColumn[] }
  | { kind: 'chart'; tag: string }
  | { kind: 'section'; loop: string; blocks: Block[] }
  | { kind: 'pageBreak' };

export interface Signature {
  /** Above the name, e.g. "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" (tags allowed). */
  title: string;
  name: string;
}

export type DocumentKind =
  | 'result-report'
  | 'decision-appendix'
  | 'unit-score-sheet'
  | 'unit-self-assessment'
  | 'improvement-plan';
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'result-report',
  'decision-appendix',
  'unit-score-sheet',
  'unit-self-assessment',
  'improvement-plan',
];

export interface DocumentLayout {
  kind: DocumentKind;
  /**
   * A bold line between the header and the document type (tags allowed), e.g. `{draftMark}`: "DỰ
   * THẢO" on a plan not yet issued, empty once it is.
   */
  mark?: string;
  /** The kind of document as printed above the title (BÁO CÁO, PHỤ LỤC, PHIẾU…). */
  documentType: string;
  /** The title line(s) under it (tags allowed). */
  title: string;
  /** A line in italics under the title, e.g. "(Kèm theo Quyết định số … )". */
  subtitle?: string;
  body: Block[];
  /** One signature (the issuing body's signer, beside "Nơi nhận") or two side by side (unit and council). */
  signatures: Signature[];
  /** Printed with "Nơi nhận" (the recipients of the province's settings). */
  recipients: boolean;
  /** Tags the template must keep: without them the document would lose its numbers. */
  required: string[];
}

/** The header fields every document gets from the province's settings and the document's date. */
export const HEADER_TAGS = [
  'parentBody',
  'issuingBody',
  'documentNumber',
  'place',
  'day',
  'month',
  'year',
  'signerTitle',
  'signerName',
] as const;

/** The tag tree a layout fills: a field is `{}`, a loop is the tree of its items. */
export type TagTree = { [tag: string]: TagTree };

const TAG = /\{([@#/^]?)([A-Za-z][A-Za-z0-9_]*)\}/g;

function addTextTags(tree: TagTree, text: string): void {
  for (const match of text.matchAll(TAG)) {
    const [, prefix, name] = match;
    if (prefix === '/' || name === undefined) continue;
    tree[name] ??= {};
  }
}

/** The subtree of a loop, created on first use. */
function loopTree(tree: TagTree, loop: string): TagTree {
  const existing = tree[loop];
  if (existing) return existing;
  const created: TagTree = {};
  tree[loop] = created;
  return created;
}

function addBlockTags(tree: TagTree, blocks: Block[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        addTextTags(tree, block.text);
        break;
      case 'table': {
        const items = loopTree(tree, block.loop);
        for (const column of block.columns) addTextTags(items, `{${column.field}}`);
        break;
      }
      case 'chart':
        tree[block.tag] ??= {};
        break;
      case 'section':
        addBlockTags(loopTree(tree, block.loop), block.blocks);
        break;
      case 'pageBreak':
        break;
    }
  }
}

/** Every tag the layout's default template holds, nested by loop. */
export function tagTreeOf(layout: DocumentLayout): TagTree {
  const tree: TagTree = {};
  for (const tag of HEADER_TAGS) tree[tag] = {};
  if (layout.mark) addTextTags(tree, layout.mark);
  addTextTags(tree, layout.documentType);
  addTextTags(tree, layout.title);
  if (layout.subtitle) addTextTags(tree, layout.subtitle);
  addBlockTags(tree, layout.body);
  for (const signature of layout.signatures) {
    addTextTags(tree, signature.title);
    addTextTags(tree, signature.name);
  }
  if (layout.recipients) tree.recipients = { recipient: {} };
  return tree;
}
