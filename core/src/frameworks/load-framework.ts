import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { DomainError, type Problem } from '../errors/problem.js';
import type { FrameworkDocument, ScoringMethod } from './framework-model.js';
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

const knownMethods = ['yesNo', 'ratio', 'thresholds', 'options', 'relativeToBest', 'minMax', 'direct'];

function normaliseMethod(raw: unknown, code: string, file: string, problems: Problem[]): ScoringMethod | undefined {
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
  if (!isRecord(method) || typeof method.type !== 'string' || !knownMethods.includes(method.type)) {
    problems.push({
      code: 'framework.unknown-method',
      params: { code, method: isRecord(method) ? String(method.type) : JSON.stringify(raw), known: knownMethods.join(', ') },
      location: { file, code },
    });
    return undefined;
  }
  const allowedKeys: Record<string, string[]> = {
    ratio: ['type', 'target'],
    thresholds: ['type', 'steps'],
    options: ['type', 'options'],
    minMax: ['type', 'direction'],
  };
  const extra = Object.keys(method).filter((key) => !(allowedKeys[method.type as string] ?? ['type']).includes(key));
  if (extra.length > 0) return bad(`unknown parameter ${extra.join(', ')}`);
  switch (method.type) {
    case 'ratio':
      if (method.target !== undefined && !(typeof method.target === 'number' && method.target > 0)) {
        return bad('target must be a number above 0');
      }
      return method.target === undefined ? { type: 'ratio' } : { type: 'ratio', target: method.target };
    case 'thresholds': {
      const steps = method.steps;
      if (!Array.isArray(steps) || steps.length === 0) return bad('steps must be a non-empty list of { atLeast, points }');
      for (const step of steps as unknown[]) {
        if (!isRecord(step) || typeof step.atLeast !== 'number' || typeof step.points !== 'number' || step.points < 0) {
          return bad('every step needs a number atLeast and points ≥ 0');
        }
      }
      const sorted = [...(steps as { atLeast: number; points: number }[])].sort((a, b) => b.atLeast - a.atLeast);
      return { type: 'thresholds', steps: sorted };
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
    default:
      return { type: method.type as 'yesNo' | 'relativeToBest' | 'direct' };
  }
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
