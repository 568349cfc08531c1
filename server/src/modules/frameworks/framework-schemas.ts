import { Type } from '@fastify/type-provider-typebox';
import { UNIT_KINDS } from '@opendti/core';
import { Nullable, StringEnum } from '../../http/common-schemas.js';

/**
 * Response schemas of the framework routes. The document mirrors core's framework JSON schema
 * (frameworkJsonSchema, which every stored document passed, methods normalised to objects), with
 * objects left open so that serialising never drops a key a newer document may carry.
 */
const open = { additionalProperties: true } as const;

const Text = Type.String();

/** How an indicator's raw input becomes points: one object per method, told apart by `type`. */
const ScoringMethodSchema = Type.Union([
  Type.Object({ type: StringEnum(['yesNo', 'relativeToBest', 'direct'] as const) }, open),
  Type.Object(
    {
      type: Type.Literal('ratio'),
      target: Type.Optional(Type.Number({ description: 'Ratio that earns full marks (default 1)' })),
      allowOver100: Type.Optional(
        Type.Boolean({
          description: 'The numerator may exceed the denominator (capped at the maximum); otherwise a > b is refused',
        }),
      ),
    },
    open,
  ),
  Type.Object(
    {
      type: Type.Literal('thresholds'),
      steps: Type.Array(Type.Object({ atLeast: Type.Number(), points: Type.Number() }, open)),
    },
    open,
  ),
  Type.Object(
    {
      type: Type.Literal('options'),
      options: Type.Array(Type.Object({ code: Type.String(), label: Text, points: Type.Number() }, open)),
    },
    open,
  ),
  Type.Object({ type: Type.Literal('minMax'), direction: Type.Union([Type.Literal(1), Type.Literal(-1)]) }, open),
  Type.Object(
    {
      type: Type.Literal('parts'),
      parts: Type.Array(
        Type.Object(
          { code: Type.String(), label: Text, points: Type.Number(), method: Type.Object({ type: Type.String() }, open) },
          open,
        ),
        { description: 'Parts that add up to the maximum, each with its own method' },
      ),
    },
    open,
  ),
]);

const IndicatorSchema = Type.Object(
  {
    code: Type.String(),
    name: Text,
    nameEn: Type.Optional(Text),
    maxPoints: Type.Optional(Type.Number({ description: 'Absent when the source publishes none' })),
    weight: Type.Optional(Type.Number()),
    method: ScoringMethodSchema,
    inputUnit: Type.Optional(Text),
    numeratorLabel: Type.Optional(Type.String({ description: "A ratio's numerator (a): what is counted" })),
    denominatorLabel: Type.Optional(Type.String({ description: "A ratio's denominator (b): the whole it is counted in" })),
    pointsStep: Type.Optional(Type.Number({ description: 'Typed points must be multiples of this step' })),
    guidance: Type.Optional(Text),
    evidence: Type.Optional(Text),
    dataSource: Type.Optional(Text),
  },
  open,
);

/** One framework version (bộ chỉ số) as its file defines it. */
export const FrameworkDocumentSchema = Type.Object(
  {
    id: Type.String(),
    name: Text,
    nameEn: Type.Optional(Text),
    year: Type.Integer(),
    unitKind: StringEnum(UNIT_KINDS),
    legalBasis: Type.Object(
      {
        document: Text,
        date: Type.String({ description: 'yyyy-mm-dd' }),
        issuer: Text,
        title: Type.Optional(Text),
        table: Type.Optional(Text),
      },
      open,
    ),
    aggregation: StringEnum(['sum', 'weightedMean'] as const),
    maxPoints: Type.Optional(Type.Number()),
    scale: Type.Optional(Type.Number()),
    precision: Type.Integer(),
    description: Type.Optional(Text),
    groups: Type.Optional(
      Type.Array(
        Type.Object({ code: Type.String(), name: Text, nameEn: Type.Optional(Text), weight: Type.Optional(Type.Number()) }, open),
      ),
    ),
    mainIndices: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          name: Text,
          nameEn: Type.Optional(Text),
          group: Type.Optional(Type.String()),
          maxPoints: Type.Optional(Type.Number()),
          weight: Type.Optional(Type.Number()),
          unscored: Type.Optional(Type.Boolean()),
          indicators: Type.Array(IndicatorSchema),
        },
        open,
      ),
    ),
    pillars: Type.Optional(
      Type.Array(
        Type.Object(
          { code: Type.String(), name: Text, nameEn: Type.Optional(Text), mainIndices: Type.Array(Type.String()) },
          open,
        ),
      ),
    ),
  },
  open,
);

/** One row of the framework list. */
export const FrameworkSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  year: Type.Integer(),
  unitKind: StringEnum(UNIT_KINDS),
  maxPoints: Nullable(Type.Number()),
  mainIndices: Type.Integer({ description: 'How many' }),
  indicators: Type.Integer({ description: 'How many' }),
  source: StringEnum(['builtin', 'imported'] as const),
});

/** A new year's copy of a framework: its id, year and name (cloneFramework's input). */
export const CloneBody = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9][a-z0-9-]*$' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  name: Type.Optional(Type.String({ maxLength: 500 })),
});
