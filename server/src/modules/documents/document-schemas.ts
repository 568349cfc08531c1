import { Type } from '@fastify/type-provider-typebox';
import { DOCUMENT_KINDS } from '../../documents/document-layout.js';
import { Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

/** An uploaded template: at most 5 MB (a .docx of text and tables is tens of kilobytes). */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

const line = (description: string, maxLength = 200) => Type.String({ maxLength, description });

export const ProvinceHeaderSchema = Type.Object({
  parentBody: line('Cơ quan chủ quản, e.g. "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN" (a line break may split it)'),
  issuingBody: Type.String({ minLength: 1, maxLength: 200, description: 'Cơ quan ban hành, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ"' }),
  symbol: line('Chữ viết tắt trong ký hiệu văn bản, e.g. "SKHCN" (…/BC-SKHCN)', 40),
  place: line('Địa danh ghi ngày tháng, e.g. "Điện Biên"', 100),
  signerTitle: line('Quyền hạn, chức vụ người ký, one line each, e.g. "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC"'),
  signerName: line('Họ tên người ký', 100),
  councilChairName: line('Chủ tịch Hội đồng thẩm định, signs the score sheets', 100),
  recipients: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    maxItems: 30,
    description: 'Nơi nhận, one recipient each, e.g. "UBND tỉnh (b/c);"',
  }),
});

export const DocumentSettingsSchema = Type.Object({
  header: ProvinceHeaderSchema,
  version: Type.Integer({ description: '0 while the defaults are in use; send it back with a change' }),
  updatedAt: Nullable(Timestamp()),
});

export const UpdateDocumentSettingsBody = Type.Object({
  header: ProvinceHeaderSchema,
  version: Type.Integer({ minimum: 0, description: 'The version the change is based on (optimistic locking)' }),
});

export const DocumentKindParams = Type.Object({
  kind: StringEnum(DOCUMENT_KINDS, { description: 'The document the template makes' }),
});

export const TemplateSummarySchema = Type.Object({
  kind: StringEnum(DOCUMENT_KINDS),
  name: Type.String({ description: 'The document’s Vietnamese name' }),
  custom: Type.Boolean({ description: 'An uploaded template is in use (false: the shipped default)' }),
  fileName: Nullable(Type.String()),
  sizeBytes: Nullable(Type.Integer()),
  uploadedAt: Nullable(Timestamp()),
  fields: Type.Array(Type.String(), { description: 'The fields ({tag}) the document fills, loops as "loop.field"' }),
  required: Type.Array(Type.String(), { description: 'The fields a template must keep' }),
});

export const DocumentFormatQuery = Type.Object({
  format: Type.Optional(StringEnum(['docx', 'pdf'] as const, { description: 'docx (default) or pdf' })),
});

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';
export const ZIP_TYPE = 'application/zip';
