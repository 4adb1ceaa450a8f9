/**
 * Checks a bundle against schema/bundle.schema.json (JSON Schema 2020-12, Ajv with every error) and
 * turns Ajv's errors into problems that name the field and say how to fix it. The schema is read
 * and compiled on first use, so modules that import this one load even before it is needed.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { childPath, pointerToPath, type Problem } from './problems.ts';

export const bundleSchemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/bundle.schema.json');

interface SchemaNode {
  description?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
}

let compiled: {
  validate: ValidateFunction;
  /** One validator per list, for its entries one at a time (a streamed bundle is never whole). */
  entry: Map<string, ValidateFunction>;
  schema: SchemaNode;
  patternNames: Map<string, string>;
} | null = null;

function compile() {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(bundleSchemaPath, 'utf8')) as SchemaNode;
  const ajv = new Ajv2020({ allErrors: true, verbose: true });
  addFormats.default(ajv);
  // Which named definition a pattern belongs to, so a failed pattern is explained in words.
  const patternNames = new Map<string, string>();
  for (const [name, def] of Object.entries(schema.$defs ?? {})) {
    if (def.pattern && !patternNames.has(def.pattern)) patternNames.set(def.pattern, name);
  }
  const validate = ajv.compile(schema);
  const entry = new Map<string, ValidateFunction>();
  for (const [list, property] of Object.entries(schema.properties ?? {})) {
    const items = (property as { items?: SchemaNode }).items;
    if (items?.$ref) entry.set(list, ajv.getSchema(`${(schema as { $id?: string }).$id ?? ''}${items.$ref}`) ?? ajv.compile({ $ref: items.$ref }));
  }
  compiled = { validate, entry, schema, patternNames };
  return compiled;
}

const patternAdvice: Record<string, string> = {
  id: 'is not a valid id: use a lower-case slug such as "huawei-p50" (a-z, 0-9, single dashes between)',
  idRef: 'is not a valid id: use a lower-case slug such as "huawei-p50" (a-z, 0-9, single dashes between)',
  day: 'is not a day: write YYYY-MM-DD, e.g. 2021-07-29',
  fuzzyDate: 'is not a date: write 2021 (year), 2021-H2 (half), 2021-Q3 (quarter), 2021-07 (month) or 2021-07-29 (day)',
  countryCode: 'is not a country code: use an ISO 3166-1 alpha-2 code in capitals, e.g. JP',
  url: 'is not a URL: use an http:// or https:// address without spaces',
};

export function schemaProblems(bundle: unknown): Problem[] {
  const { validate } = compile();
  return validate(bundle) ? [] : problemsOf(validate.errors ?? [], '');
}

/**
 * The schema's problems with one entry of a list, at their paths in the whole bundle: the same
 * problems schemaProblems finds there. The rest of the bundle (its top level with each list
 * replaced by []) is checked with schemaProblems.
 */
export function entrySchemaProblems(list: string, index: number, item: unknown): Problem[] {
  const validate = compile().entry.get(list);
  if (!validate || validate(item)) return [];
  return problemsOf(validate.errors ?? [], `/${list}/${index}`);
}

function problemsOf(ajvErrors: ErrorObject[], pointerPrefix: string): Problem[] {
  const { schema, patternNames } = compile();
  const errors = collapseNullableAlternatives(ajvErrors).map((error) => (pointerPrefix ? { ...error, instancePath: pointerPrefix + error.instancePath } : error));
  const problems = errors.map((error) => describe(error, schema, patternNames));
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Marks errors from `anyOf: [X, {type: null}]`: the null branch's complaint and the anyOf summary say nothing new. */
function collapseNullableAlternatives(errors: ErrorObject[]): (ErrorObject & { orNull?: boolean })[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const nullablePaths = new Set(
    errors.filter((e) => e.keyword === 'type' && (e.params as { type?: string }).type === 'null' && anyOfPaths.has(e.instancePath)).map((e) => e.instancePath),
  );
  const kept = errors.filter((e) => {
    if (!nullablePaths.has(e.instancePath)) return true;
    if (e.keyword === 'type' && (e.params as { type?: string }).type === 'null') return false;
    if (e.keyword === 'anyOf') {
      // Keep the summary only when no branch said anything more precise.
      return !errors.some(
        (other) =>
          other !== e &&
          other.keyword !== 'anyOf' &&
          other.instancePath.startsWith(e.instancePath) &&
          !(other.keyword === 'type' && (other.params as { type?: string }).type === 'null'),
      );
    }
    return true;
  });
  return kept.map((e) => (nullablePaths.has(e.instancePath) && e.keyword === 'type' ? { ...e, orNull: true } : e));
}

function describe(error: ErrorObject & { orNull?: boolean }, schema: SchemaNode, patternNames: Map<string, string>): Problem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      const about = describeProperty(parent.properties?.[field], schema);
      return { path: childPath(path, field), message: `is required but missing: add it${about ? ` (${about})` : ''}` };
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const guess = closest(field, allowed);
      return {
        path: childPath(path, field),
        message: `is not a known field${guess ? `: did you mean "${guess}"?` : ''} Allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'const':
      return { path, message: `must be exactly ${JSON.stringify(params.allowedValue)}; got ${shown(error.data)}` };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}; got ${shown(error.data)}` };
    case 'type':
      return { path, message: `must be ${article(String(params.type))}${error.orNull ? ' or null' : ''}; got ${typeName(error.data)}` };
    case 'pattern': {
      const name = patternNames.get(String(params.pattern));
      const advice = name ? patternAdvice[name] : undefined;
      return { path, message: `${shown(error.data)} ${advice ?? `does not match the expected form (${parent.description ?? params.pattern})`}` };
    }
    case 'minItems':
      return { path, message: `must list at least ${params.limit} item${params.limit === 1 ? '' : 's'}${parent.description ? ` (${parent.description})` : ''}` };
    case 'maxLength': {
      const length = typeof error.data === 'string' ? [...error.data].length : 0;
      return {
        path,
        message: `is ${length.toLocaleString('en')} characters long; the limit is ${Number(params.limit).toLocaleString('en')}${parent.description ? ` (${parent.description})` : ''}: shorten it`,
      };
    }
    case 'maxItems': {
      const count = Array.isArray(error.data) ? error.data.length : 0;
      return {
        path,
        message: `lists ${count.toLocaleString('en')} items; the limit is ${Number(params.limit).toLocaleString('en')}${parent.description ? ` (${parent.description})` : ''}`,
      };
    }
    case 'minLength':
      return { path, message: params.limit === 1 ? 'must not be empty: give the text or leave the field out' : `must be at least ${params.limit} characters` };
    case 'uniqueItems':
      return { path: childPath(path, Number(params.i)), message: `repeats item ${params.j} (${shown((error.data as unknown[])[Number(params.i)])}): remove the duplicate` };
    default:
      return { path, message: error.message ?? `fails the schema's "${error.keyword}" rule` };
  }
}

function describeProperty(property: SchemaNode | undefined, schema: SchemaNode): string | undefined {
  if (!property) return undefined;
  if (property.description) return property.description;
  const name = property.$ref?.replace('#/$defs/', '');
  return name ? schema.$defs?.[name]?.description : undefined;
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' && value.length > 100 ? JSON.stringify(value.slice(0, 100)) : (JSON.stringify(value) ?? String(value));
  } catch {
    // A value nested too deep for JSON.stringify (a 100,000-deep array) is shown by its kind.
    return Array.isArray(value) ? 'a deeply nested array' : 'a deeply nested object';
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${article(typeof value)} ${shown(value)}`.replace(/^an? object .*/, 'an object');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The allowed field nearest to a misspelt one (at most two edits away), for "did you mean". */
function closest(word: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance, one row of the table at a time: row i holds the distances from a's first i characters to each prefix of b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let distance = b.length;
  for (let i = 1; i <= a.length; i++) {
    let left = i;
    let diagonal = i - 1;
    const current = [left];
    for (const [j, above] of previous.slice(1).entries()) {
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j] ? 0 : 1));
      current.push(left);
      diagonal = above;
    }
    previous = current;
    distance = left;
  }
  return distance;
}
