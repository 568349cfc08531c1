import { Type } from '@fastify/type-provider-typebox';

/**
 * Response schemas of the published results (core's ResultSet), shared by the public and the
 * preview routes. They document the API, type the web app, and let Fastify serialise fast.
 */
const Nullable = <T extends ReturnType<typeof Type.Number>>(schema: T) => Type.Union([Type.Null(), schema]);

export const ChangeSchema = Type.Object({ value: Nullable(Type.Number()), rank: Nullable(Type.Number()) });

/** The English name the framework gives a node, or null (then show `name`). */
const NameEn = Type.Union([Type.Null(), Type.String()]);

export const NodeResultSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: NameEn,
  points: Nullable(Type.Number()),
  selfPoints: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  value: Nullable(Type.Number()),
  rank: Nullable(Type.Number()),
  change: Type.Optional(ChangeSchema),
});

export const UnitResultSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  points: Nullable(Type.Number()),
  selfPoints: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  value: Nullable(Type.Number()),
  rank: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  change: Type.Optional(ChangeSchema),
  previous: Type.Optional(Type.Object({ value: Nullable(Type.Number()), rank: Nullable(Type.Number()) })),
  submittedAtClose: Type.Optional(
    Type.Boolean({ description: 'Submitted by the system when the self-assessment closed, not by the unit' }),
  ),
  groups: Type.Array(NodeResultSchema),
  mainIndices: Type.Array(NodeResultSchema),
  pillars: Type.Array(NodeResultSchema),
});

/** The decision that published a period's results (số, ngày, người ký), as stored and shown. */
export const PublicationDecisionSchema = Type.Object({
  number: Type.String({ description: 'Số quyết định, e.g. 123/QĐ-UBND' }),
  date: Type.String({ description: 'Ngày ký, yyyy-mm-dd' }),
  signerName: Type.String({ description: 'Họ tên người ký' }),
  signerTitle: Type.String({ description: 'Chức vụ người ký' }),
});

export const ResultSetSchema = Type.Object({
  framework: Type.Object({
    id: Type.String(),
    name: Type.String(),
    nameEn: NameEn,
    year: Type.Number(),
    max: Type.Number(),
    precision: Type.Number(),
  }),
  units: Type.Array(UnitResultSchema),
});

// Points, maxima and losses are null where the framework publishes no indicator points (DTI 2022).
const IndicatorAnalysisSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: NameEn,
  status: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('zero'), Type.Literal('notAssessed')]),
  points: Nullable(Type.Number()),
  selfPoints: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  lost: Nullable(Type.Number()),
  answered: Type.Boolean(),
});

export const MainIndexAnalysisSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: NameEn,
  points: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  value: Nullable(Type.Number()),
  rank: Nullable(Type.Number()),
  full: Type.Array(IndicatorAnalysisSchema),
  partial: Type.Array(IndicatorAnalysisSchema),
  zero: Type.Array(IndicatorAnalysisSchema),
  notAssessed: Type.Array(IndicatorAnalysisSchema),
  lost: Nullable(Type.Number()),
});

/** The province-wide view of a cohort's indicators (core's IndicatorOverview), null where the engine has no number. */
export const IndicatorOverviewSchema = Type.Object({
  framework: Type.Object({
    id: Type.String(),
    name: Type.String(),
    nameEn: NameEn,
    year: Type.Number(),
    precision: Type.Number(),
  }),
  publishedAt: Type.String({ format: 'date-time' }),
  mainIndices: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      nameEn: NameEn,
      max: Nullable(Type.Number()),
      indicators: Type.Array(Type.String(), { description: 'Its indicator codes, in the framework order' }),
      lost: Type.Number({ description: 'Points lost on its indicators across the cohort' }),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      nameEn: NameEn,
      mainIndex: Type.String(),
      max: Nullable(Type.Number({ description: "One unit's maximum points (the scale in a weighted-mean framework)" })),
      full: Type.Integer(),
      partial: Type.Integer(),
      zero: Type.Integer(),
      notAssessed: Type.Integer(),
      lost: Type.Number({ description: 'Σ over the assessed units of max − points' }),
      meanShare: Nullable(Type.Number({ description: 'Mean share of the maximum obtained, 0–1' })),
    }),
    { description: 'Every indicator, the ones losing the most points first' },
  ),
  indicatorOrder: Type.Array(Type.String(), {
    description: 'Indicator codes in the framework order: the columns of indicatorPoints',
  }),
  units: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      rank: Nullable(Type.Number()),
      value: Nullable(Type.Number()),
      mainIndexValues: Type.Array(Nullable(Type.Number()), {
        description: 'Published value (0–1) of each main index, in mainIndices order',
      }),
      indicatorPoints: Type.Array(Nullable(Type.Number()), {
        description: 'Points of each indicator, in indicatorOrder; null where not assessed',
      }),
    }),
    { description: 'Units by rank' },
  ),
});
/**
 * The fields a published table carries beside its results (presentPublishedTable): the publication
 * and its decision, and the framework's legal basis, which a download's title block names.
 */
export const PublicationFields = {
  publicationDecision: Type.Union([Type.Null(), PublicationDecisionSchema], {
    description:
      'The decision that published the results: number, date, signer ("Công bố theo Quyết định số … ngày … của …"); null for periods published without one, and before publication',
  }),
  legalBasis: Type.Object(
    {
      issuer: Type.String({ description: 'The authority that issued the framework, e.g. Ủy ban nhân dân tỉnh Điện Biên' }),
      document: Type.String({ description: 'Its decision, e.g. 2001/QĐ-UBND' }),
      date: Type.String({ description: 'yyyy-mm-dd' }),
    },
    { description: "The framework's legal basis: what a download's title block names as the authority." },
  ),
};
