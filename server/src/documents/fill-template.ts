import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';

/**
 * A chart (or any picture) to place where its `{@tag}` stands. docxtemplater's image module is paid
 * (decision 0014), so the picture goes in as a raw `<w:drawing>` paragraph and the PNG part, its
 * relationship and its content type are added to the package here.
 */
export class DocumentImage {
  constructor(
    readonly png: Uint8Array,
    /** Size on the page, in centimetres. */
    readonly widthCm: number,
    readonly heightCm: number,
    readonly description: string,
  ) {}
}

/** What a template is filled with: strings (already formatted), lists of such objects, images. */
export type DocumentValue = string | DocumentImage | DocumentData[] | string[];
export interface DocumentData {
  [field: string]: DocumentValue;
}

/** The options every template is compiled with, the check of an uploaded one included. */
export const TEMPLATE_OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  // A field the data does not have prints as nothing (an administrator may drop a field in Word).
  nullGetter: () => '',
} as const;

const EMU_PER_CM = 360000;
const RELATIONSHIP_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function drawingXml(image: DocumentImage, index: number): string {
  const cx = Math.round(image.widthCm * EMU_PER_CM);
  const cy = Math.round(image.heightCm * EMU_PER_CM);
  const id = 4000 + index;
  const description = escapeXml(image.description);
  return (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>' +
    `<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="Hình ${index}" descr="${description}"/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="opendti-image-${index}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdOpendtiImage${index}"/>` +
    '<a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}

/** The data with each image replaced by its drawing XML, and the images in the order of their numbers. */
function placeImages(data: DocumentData): { data: Record<string, unknown>; images: DocumentImage[] } {
  const images: DocumentImage[] = [];
  const walk = (value: DocumentValue): unknown => {
    if (value instanceof DocumentImage) {
      images.push(value);
      return drawingXml(value, images.length);
    }
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : walkObject(item)));
    return value;
  };
  const walkObject = (object: DocumentData): Record<string, unknown> =>
    Object.fromEntries(Object.entries(object).map(([key, value]) => [key, walk(value)]));
  return { data: walkObject(data), images };
}

function addImageParts(zip: PizZip, images: DocumentImage[]): void {
  if (images.length === 0) return;
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = zip.file(relsPath)?.asText() ?? '';
  const added = images
    .map(
      (_, i) =>
        `<Relationship Id="rIdOpendtiImage${i + 1}" Type="${RELATIONSHIP_IMAGE}" Target="media/opendti-image-${i + 1}.png"/>`,
    )
    .join('');
  zip.file(relsPath, rels.replace('</Relationships>', `${added}</Relationships>`));
  images.forEach((image, i) => {
    zip.file(`word/media/opendti-image-${i + 1}.png`, image.png);
  });
  const typesPath = '[Content_Types].xml';
  const types = zip.file(typesPath)?.asText() ?? '';
  if (!/<Default\s+Extension="png"/i.test(types)) {
    zip.file(typesPath, types.replace('<Default ', '<Default Extension="png" ContentType="image/png"/><Default '));
  }
}

/** The template filled with the data: a .docx, compressed. Throws docxtemplater's errors on a broken template. */
export function fillTemplate(template: Uint8Array, data: DocumentData): Buffer {
  const zip = new PizZip(template);
  const document = new Docxtemplater(zip, TEMPLATE_OPTIONS);
  const placed = placeImages(data);
  document.render(placed.data);
  const filled = document.getZip();
  addImageParts(filled, placed.images);
  return filled.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
