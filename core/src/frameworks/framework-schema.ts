/**
 * JSON Schema (draft 2020-12) of one framework file. The same object is written to
 * `frameworks/schema/framework.schema.json` for editors (a test keeps the two identical), so a
 * framework author gets completion and errors while typing YAML.
 *
 * The schema checks shape; the rules that need the whole tree (unique codes, points adding up,
 * pillars naming real main indices) live in `validate-framework.ts`.
 */
const code = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' } as const;
const text = { type: 'string', minLength: 1 } as const;
const nonNegative = { type: 'number', minimum: 0 } as const;

const ratioFraction = { type: 'number', exclusiveMinimum: 0, maximum: 1 } as const;

/** The ratio method; a ratio of sums (named inputs) only outside parts. */
function ratioMethod<Named extends boolean>(named: Named) {
  const base = {
    type: { const: 'ratio' },
    target: { type: 'number', exclusiveMinimum: 0, description: 'Ratio that earns full marks, reached gradually (default 1).' },
    allowOver100: {
      type: 'boolean',
      description: 'The numerator may exceed the denominator (still capped at the maximum); otherwise a > b is refused.',
    },
    fullAt: {
      ...ratioFraction,
      description: 'At or above this ratio full marks; below it ratio × maximum (a jump at the threshold).',
    },
    zeroBelow: { ...ratioFraction, description: 'Below this ratio 0 points (1: all or nothing at 100 %).' },
    whenNoneCounted: { const: 'full', description: 'Nothing to count (denominator 0) earns full marks.' },
  } as const;
  const namedInputs = {
    inputs: {
      type: 'array',
      minItems: 2,
      description: 'Named figures of a ratio of sums, asked by their meaning.',
      items: {
        type: 'object',
        required: ['code', 'label'],
        additionalProperties: false,
        properties: { code: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' }, label: text },
      },
    },
    numerator: {
      type: 'array',
      minItems: 1,
      items: { type: 'string' },
      description: 'Codes of the inputs added up above the line.',
    },
    denominator: {
      type: 'array',
      minItems: 1,
      items: { type: 'string' },
      description: 'Codes of the inputs added up below the line.',
    },
  } as const;
  return {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: named ? { ...base, ...namedInputs } : base,
  } as const;
}

const thresholdsMethod = {
  type: 'object',
  required: ['type', 'steps'],
  additionalProperties: false,
  properties: {
    type: { const: 'thresholds' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['atLeast', 'points'],
        additionalProperties: false,
        properties: { atLeast: { type: 'number' }, points: nonNegative },
      },
    },
    absentLabel: text,
  },
} as const;

const optionsMethod = {
  type: 'object',
  required: ['type', 'options'],
  additionalProperties: false,
  properties: {
    type: { const: 'options' },
    options: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['code', 'label', 'points'],
        additionalProperties: false,
        properties: { code, label: text, points: nonNegative },
      },
    },
  },
} as const;

/** What a part of a `parts` indicator may use. */
const partMethod = {
  oneOf: [
    { enum: ['yesNo', 'ratio', 'direct'] },
    { type: 'object', required: ['type'], additionalProperties: false, properties: { type: { enum: ['yesNo', 'direct'] } } },
    ratioMethod(false),
    thresholdsMethod,
    optionsMethod,
  ],
} as const;

const scoringMethod = {
  description: 'How the raw input of an indicator becomes points. A string is shorthand for { type: <string> }.',
  oneOf: [
    { enum: ['yesNo', 'ratio', 'relativeToBest', 'direct'] },
    {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: { enum: ['yesNo', 'relativeToBest', 'direct'] } },
    },
    ratioMethod(true),
    {
      type: 'object',
      required: ['type', 'steps'],
      additionalProperties: false,
      properties: {
        type: { const: 'thresholds' },
        steps: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['atLeast', 'points'],
            additionalProperties: false,
            properties: { atLeast: { type: 'number' }, points: nonNegative },
          },
        },
        absentLabel: {
          ...text,
          description: 'The answer "nothing to count at all" (typed "không"), scored 0, e.g. "Chưa có chuyên mục".',
        },
      },
    },
    {
      type: 'object',
      required: ['type', 'options'],
      additionalProperties: false,
      properties: {
        type: { const: 'options' },
        options: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['code', 'label', 'points'],
            additionalProperties: false,
            properties: { code, label: text, points: nonNegative },
          },
        },
      },
    },
    {
      type: 'object',
      required: ['type', 'direction'],
      additionalProperties: false,
      properties: { type: { const: 'minMax' }, direction: { enum: [1, -1] } },
    },
    {
      type: 'object',
      required: ['type', 'parts'],
      additionalProperties: false,
      description: 'An indicator in parts that add up to its maximum, each part scored by its own method.',
      properties: {
        type: { const: 'parts' },
        parts: {
          type: 'array',
          minItems: 2,
          items: {
            type: 'object',
            required: ['code', 'label', 'points', 'method'],
            additionalProperties: false,
            properties: {
              code,
              label: text,
              points: nonNegative,
              method: partMethod,
              numeratorLabel: text,
              denominatorLabel: text,
            },
          },
        },
      },
    },
  ],
} as const;

const indicator = {
  type: 'object',
  required: ['code', 'name'],
  additionalProperties: false,
  properties: {
    code,
    name: text,
    nameEn: text,
    maxPoints: nonNegative,
    weight: nonNegative,
    method: scoringMethod,
    inputUnit: text,
    numeratorLabel: { ...text, description: "A ratio's numerator (a): what is counted." },
    denominatorLabel: { ...text, description: "A ratio's denominator (b): the whole it is counted in." },
    pointsStep: {
      type: 'number',
      exclusiveMinimum: 0,
      description: 'Typed points must be multiples of this step (e.g. 0.25); omitted, any points from 0 to the maximum.',
    },
    guidance: text,
    evidence: text,
    dataSource: text,
  },
} as const;

export const frameworkJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://opendti.org/schema/framework.schema.json',
  title: 'OpenDTI framework (Bộ chỉ số)',
  description: 'One version of a digital transformation index framework: groups, main indices, indicators, pillars.',
  type: 'object',
  required: ['id', 'name', 'year', 'unitKind', 'legalBasis', 'aggregation', 'precision', 'mainIndices'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80 },
    name: text,
    nameEn: text,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    unitKind: { enum: ['province', 'department', 'district', 'commune', 'ministry', 'other'] },
    legalBasis: {
      type: 'object',
      required: ['document', 'date', 'issuer'],
      additionalProperties: false,
      description:
        'The decision that issued the framework. Left empty ("") in an unverified transcription, for the province to fill in.',
      properties: {
        document: { type: 'string' },
        date: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
        issuer: { type: 'string' },
        title: text,
        table: text,
      },
    },
    aggregation: { enum: ['sum', 'weightedMean'] },
    maxPoints: nonNegative,
    scale: { type: 'number', exclusiveMinimum: 0 },
    precision: { type: 'integer', minimum: 0, maximum: 10 },
    description: text,
    verified: {
      type: 'boolean',
      description:
        'false: a transcription not yet checked against the official text (default true); shown wherever the framework is.',
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name'],
        additionalProperties: false,
        properties: { code, name: text, nameEn: text, weight: nonNegative },
      },
    },
    mainIndices: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['code', 'name', 'indicators'],
        additionalProperties: false,
        properties: {
          code,
          name: text,
          nameEn: text,
          group: code,
          maxPoints: nonNegative,
          weight: nonNegative,
          unscored: { type: 'boolean' },
          indicators: { type: 'array', items: indicator },
        },
      },
    },
    pillars: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'mainIndices'],
        additionalProperties: false,
        properties: { code, name: text, nameEn: text, mainIndices: { type: 'array', minItems: 1, items: code } },
      },
    },
  },
} as const;
