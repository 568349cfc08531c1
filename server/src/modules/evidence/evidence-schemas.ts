import { Type } from '@fastify/type-provider-typebox';

/** A document cited as evidence instead of a file (addEvidenceReference's input). */
export const ReferenceBody = Type.Object({
  documentNumber: Type.String({ maxLength: 100, description: 'Số, ký hiệu văn bản, e.g. 2001/QĐ-UBND' }),
  documentDate: Type.String({ maxLength: 10, description: 'dd/mm/yyyy or yyyy-mm-dd' }),
  issuer: Type.String({ maxLength: 300 }),
  summary: Type.String({ maxLength: 5000 }),
  link: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 2000, description: 'http(s) only' })])),
});
