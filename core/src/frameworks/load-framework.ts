import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { DomainError, type Problem } from '../errors/problem.js';
import type { FrameworkDocument, MethodPart, PartMethod, RatioInput, RatioMethod, ScoringMethod } from './framework-model.js';
import { frameworkJsonSchema } from './framework-schema.js';
import { validateFrameworkRules } from './validate-framework.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateSchema = ajv.compile(frameworkJsonSchema);

/**
 * Parses and validates framework text (YAML or JSON; JSON is YAML). Pure: the caller reads the file
 * and passes its name so that every problem names it.
 *
 * Throws a DomainError('invalid-input') listing every problem found.
 */
export function parseFramework(text: string, fileName: string): FrameworkDocument {
  const yamlDocument = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (yamlDocument.errors.length > 0) {
    throw new DomainError(
      'invalid-input',
      yamlDocument.errors.map((error) => ({
        code: 'framework.unreadable',
        params: { detail: error.message.split('\n')[0] ?? error.message },
        location: { file: fileName, row: error.linePos?.[0]?.line },
      })),
    );
  }
  return validateFramework(yamlDocument.toJS(), fileName);
}

/** Validates an already-parsed framework object (e.g. from a JSON API body). */
export function validateFramework(raw: unknown, fileName: string): FrameworkDocument {
  const problems: Problem[] = [];
  if (!validateSchema(raw)) {
    problems.push(...describeSchemaErrors(validateSchema.errors ?? [], raw, fileName));
  }
  // Methods are checked by hand for messages that name the indicator and the method; the schema's
  // oneOf errors would be a page of noise.
  const document = raw as FrameworkDocument;
  if (isRecord(raw) && Array.isArray(raw.mainIndices)) {
    for (const mainIndex of raw.mainIndices as unknown[]) {
      if (!isRecord(mainIndex) || !Array.isArray(mainIndex.indicators)) continue;
      for (const indicator of mainIndex.indicators as unknown[]) {
        if (!isRecord(indicator)) continue;
        const normalised = normaliseMethod(indicator.method, String(indicator.code), fileName, problems);
        if (normalised) indicator.method = normalised;
      }
    }
  }
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  problems.push(...validateFrameworkRules(document, fileName));
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return document;
}

const knownMethods = ['yesNo', 'ratio', 'thresholds', 'options', 'relativeToBest', 'minMax', 'direct', 'parts'];
/** Methods a part of a `parts` indicator may use: those that score a unit on its own. */
const partMethods = ['yesNo', 'ratio', 'thresholds', 'options', 'direct'];

function normaliseMethod(
  raw: unknown,
  code: string,
  file: string,
  problems: Problem[],
  inPart = false,
): ScoringMethod | undefined {
  if (raw === undefined) return { type: 'direct' };
  const method = typeof raw === 'string' ? { type: raw } : raw;
  const bad = (detail: string): undefined => {
    problems.push({
      code: 'framework.bad-method-parameter',
      params: { code, method: String((method as { type?: unknown }).type), detail },
      location: { file, code },
    });
    return undefined;
  };
  const known = inPart ? partMethods : knownMethods;
  if (!isRecord(method) || typeof method.type !== 'string' || !known.includes(method.type)) {
    problems.push({
      code: 'framework.unknown-method',
      params: { code, method: isRecord(method) ? String(method.type) : JSON.stringify(raw), known: known.join(', ') },
      location: { file, code },
    });
    return undefined;
  }
  const allowedKeys: Record<string, string[]> = {
    ratio: inPart
      ? ['type', 'target', 'allowOver100', 'fullAt', 'zeroBelow', 'whenNoneCounted']
      : ['type', 'target', 'allowOver100', 'fullAt', 'zeroBelow', 'whenNoneCounted', 'inputs', 'numerator', 'denominator'],
    thresholds: ['type', 'steps', 'absentLabel'],
    parts: ['type', 'parts'],
    options: ['type', 'options'],
    minMax: ['type', 'direction'],
  };
  const extra = Object.keys(method).filter((key) => !(allowedKeys[method.type as string] ?? ['type']).includes(key));
  if (extra.length > 0) return bad(`unknown parameter ${extra.join(', ')}`);
  switch (method.type) {
    case 'ratio':
      return normaliseRatio(method, bad);
    case 'thresholds': {
      const steps = method.steps;
      if (!Array.isArray(steps) || steps.length === 0) return bad('steps must be a non-empty list of { atLeast, points }');
      for (const step of steps as unknown[]) {
        if (!isRecord(step) || typeof step.atLeast !== 'number' || typeof step.points !== 'number' || step.points < 0) {
          return bad('every step needs a number atLeast and points ≥ 0');
        }
      }
      const sorted = [...(steps as { atLeast: number; points: number }[])].sort((a, b) => b.atLeast - a.atLeast);
      if (method.absentLabel === undefined) return { type: 'thresholds', steps: sorted };
      if (typeof method.absentLabel !== 'string' || method.absentLabel.trim() === '') return bad('absentLabel must be text');
      return { type: 'thresholds', steps: sorted, absentLabel: method.absentLabel };
    }
    case 'options': {
      const options = method.options;
      if (!Array.isArray(options) || options.length === 0)
        return bad('options must be a non-empty list of { code, label, points }');
      const seen = new Set<string>();
      for (const option of options as unknown[]) {
        if (
          !isRecord(option) ||
          typeof option.code !== 'string' ||
          typeof option.label !== 'string' ||
          typeof option.points !== 'number' ||
          option.points < 0
        ) {
          return bad('every option needs a code, a label and points ≥ 0');
        }
        if (seen.has(option.code)) return bad(`option code "${option.code}" is used twice`);
        seen.add(option.code);
      }
      return { type: 'options', options: options as { code: string; label: string; points: number }[] };
    }
    case 'minMax':
      if (method.direction !== 1 && method.direction !== -1) return bad('direction must be 1 or -1');
      return { type: 'minMax', direction: method.direction };
    case 'parts': {
      const parts = method.parts;
      if (!Array.isArray(parts) || parts.length < 2)
        return bad('parts must be a list of at least two { code, label, points, method }');
      const seen = new Set<string>();
      const normalised: MethodPart[] = [];
      for (const part of parts as unknown[]) {
        if (
          !isRecord(part) ||
          typeof part.code !== 'string' ||
          typeof part.label !== 'string' ||
          typeof part.points !== 'number' ||
          part.points < 0
        ) {
          return bad('every part needs a code, a label, points ≥ 0 and a method');
        }
        const extraPart = Object.keys(part).filter(
          (key) => !['code', 'label', 'points', 'method', 'numeratorLabel', 'denominatorLabel'].includes(key),
        );
        if (extraPart.length > 0) return bad(`part "${part.code}": unknown field ${extraPart.join(', ')}`);
        if (seen.has(part.code.toLowerCase())) return bad(`part code "${part.code}" is used twice`);
        seen.add(part.code.toLowerCase());
        const partMethod = normaliseMethod(part.method, `${code} ${part.code}`, file, problems, true);
        if (!partMethod) return undefined;
        normalised.push({ ...(part as unknown as MethodPart), method: partMethod as PartMethod });
      }
      return { type: 'parts', parts: normalised };
    }
    default:
      return { type: method.type as 'yesNo' | 'relativeToBest' | 'direct' };
  }
}

/** A ratio's parameters: thresholds are 0–1 ratios; a ratio of sums names each figure once. */
function normaliseRatio(method: Record<string, unknown>, bad: (detail: string) => undefined): ScoringMethod | undefined {
  const result: RatioMethod = { type: 'ratio' };
  if (method.target !== undefined) {
    if (!(typeof method.target === 'number' && method.target > 0)) return bad('target must be a number above 0');
    result.target = method.target;
  }
  if (method.allowOver100 !== undefined) {
    if (typeof method.allowOver100 !== 'boolean') return bad('allowOver100 must be true or false');
    result.allowOver100 = method.allowOver100;
  }
  for (const key of ['fullAt', 'zeroBelow'] as const) {
    const value = method[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || value <= 0 || value > 1) {
      return bad(`${key} must be a ratio above 0 and at most 1 (75 % is 0.75)`);
    }
    result[key] = value;
  }
  if (result.fullAt !== undefined && result.zeroBelow !== undefined && result.zeroBelow > result.fullAt) {
    return bad('zeroBelow must not be above fullAt');
  }
  if (method.whenNoneCounted !== undefined) {
    if (method.whenNoneCounted !== 'full') return bad('whenNoneCounted must be "full"');
    result.whenNoneCounted = 'full';
  }
  if (method.inputs !== undefined || method.numerator !== undefined || method.denominator !== undefined) {
    const inputs = method.inputs;
    if (!Array.isArray(inputs) || inputs.length < 2) return bad('inputs must list at least two { code, label }');
    const codes = new Set<string>();
    for (const input of inputs as unknown[]) {
      if (
        !isRecord(input) ||
        typeof input.code !== 'string' ||
        !/^[A-Za-z][A-Za-z0-9_]*$/.test(input.code) ||
        typeof input.label !== 'string' ||
        input.label.trim() === ''
      ) {
        return bad('every input needs a code (a letter, then letters or digits) and a label');
      }
      if (codes.has(input.code.toLowerCase())) return bad(`input code "${input.code}" is used twice`);
      codes.add(input.code.toLowerCase());
    }
    const sides: Record<'numerator' | 'denominator', string[]> = { numerator: [], denominator: [] };
    for (const side of ['numerator', 'denominator'] as const) {
      const list = method[side];
      if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
        return bad(`${side} must list the codes of inputs it adds up`);
      }
      const unknown = (list as string[]).find((item) => !codes.has(item.toLowerCase()));
      if (unknown !== undefined) return bad(`${side} names "${unknown}", which is not an input`);
      sides[side] = (list as string[]).map(
        (item) => (inputs as RatioInput[]).find((input) => input.code.toLowerCase() === item.toLowerCase())?.code ?? item,
      );
    }
    result.inputs = (inputs as RatioInput[]).map((input) => ({ code: input.code, label: input.label }));
    result.numerator = sides.numerator;
    result.denominator = sides.denominator;
  }
  return result;
}

function describeSchemaErrors(errors: ErrorObject[], raw: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (/\/method(\/|$)/.test(error.instancePath)) continue;
    let detail = `${error.instancePath || '/'} ${error.message ?? ''}`;
    if (error.keyword === 'additionalProperties') {
      detail = `${error.instancePath || '/'}: unknown field "${String(error.params.additionalProperty)}"`;
    } else if (error.keyword === 'type' && /\/code$/.test(error.instancePath)) {
      // YAML reads 1.10 as the number 1.1: codes must be quoted to survive.
      detail = `${error.instancePath}: a code must be quoted text, e.g. "1.10", not a number`;
    } else if (error.keyword === 'enum') {
      detail = `${error.instancePath}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    }
    if (seen.has(detail)) continue;
    seen.add(detail);
    problems.push({
      code: 'framework.schema',
      params: { detail },
      location: { file, path: error.instancePath, code: codeAtPath(raw, error.instancePath) },
    });
  }
  return problems;
}

/** The code of the nearest node (indicator, main index) enclosing a JSON pointer, for messages. */
function codeAtPath(raw: unknown, pointer: string): string | undefined {
  let current: unknown = raw;
  let code: string | undefined;
  for (const segment of pointer.split('/').slice(1)) {
    if (!isRecord(current) && !Array.isArray(current)) break;
    current = (current as Record<string, unknown>)[segment];
    if (isRecord(current) && (typeof current.code === 'string' || typeof current.code === 'number')) {
      code = String(current.code);
    }
  }
  return code;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
