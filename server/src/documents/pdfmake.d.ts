/**
 * The little of pdfmake 0.3's server API this project uses. Its DefinitelyTyped package pulls the
 * DOM library into the whole server's types (fetch's body types change), so it is not installed.
 */
declare module 'pdfmake' {
  /** A node of pdfmake's document definition (text, stack, columns, table, image). */
  export type Content = string | { [key: string]: unknown } | Content[];
  export interface DocumentDefinition {
    pageSize?: string;
    pageMargins?: [number, number, number, number];
    defaultStyle?: { [key: string]: unknown };
    info?: { title?: string; creator?: string };
    content: Content[];
  }
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  const pdfmake: {
    addFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: DocumentDefinition): { getBuffer(): Promise<Uint8Array> };
  };
  export default pdfmake;
}
