import { fileURLToPath } from 'node:url';

/** The shipped font (Liberation Serif, SIL OFL 1.1, metric-compatible with Times New Roman; see OFL.txt). */
const folder = fileURLToPath(new URL('../../documents/fonts/', import.meta.url));
export const FONT_FAMILY = 'Liberation Serif';
export const FONT_PATHS = {
  normal: `${folder}LiberationSerif-Regular.ttf`,
  bold: `${folder}LiberationSerif-Bold.ttf`,
  italics: `${folder}LiberationSerif-Italic.ttf`,
  bolditalics: `${folder}LiberationSerif-BoldItalic.ttf`,
};
export const FONT_FILES = Object.values(FONT_PATHS);
export const TEMPLATE_FOLDER = fileURLToPath(new URL('../../documents/templates/', import.meta.url));
