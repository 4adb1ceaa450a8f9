/**
 * A bounded, seeded fuzz of client input: a few thousand operations built from the schema itself
 * (every root field, nested fields with their own arguments, fragments on unions and interfaces),
 * their arguments drawn from values a careless or hostile client sends (negative and huge page
 * sizes, foreign cursors, malformed and future days, ids of the wrong kind, operators, long
 * strings). Whatever the input, the answer is coded and in the client-error class: never
 * "Unexpected error.", never a 5xx. The seed is printed with every failure, so a failure replays.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const OPERATIONS = Number(process.env.FUZZ_OPERATIONS ?? 3000);

/** mulberry32: small, seeded, good enough to pick test inputs. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (max: number) => Math.floor(next() * max),
  };
}
type Random = ReturnType<typeof random>;

const base64 = (text: string) => Buffer.from(text).toString('base64');
const ints = [-2147483648, -1, 0, 1, 2, 3, 7, 50, 200, 201, 10_000, 2147483647];
const days = ['2021-11-16', '2016-02-25', '2022-07-04', '2014-01-01', '1900-01-01', '2099-01-01', '2021-02-30', 'not-a-date', '', '2021-1-1'];
const ids = [
  'leica',
  'xiaomi',
  'huawei',
  'honor',
  'zeiss',
  'vivo',
  'huawei-p9',
  'xiaomi-12s-ultra',
  'huawei-leica',
  'digital-chat-station',
  'nobody',
  '',
  '%%%',
  ' ',
  'x'.repeat(250),
  'leica@2021-01-01',
];
const globalIds = [
  base64('Company:leica@2021-11-16'),
  base64('Device:huawei-p9@2022-01-01'),
  base64('Company:leica@2099-01-01'),
  base64('Company:leica@not-a-date'),
  base64('Company:leica'),
  base64('Spaceship:leica@2021-01-01'),
  base64('Company:nobody@2021-01-01'),
  '%%%',
  '!!!',
];
const strings = [
  '',
  ' ',
  'leica',
  'Leica Xiaomi',
  'Leica AND Xiaomi',
  'OR',
  'NOT leica',
  '12S Ultra (China)',
  'JP',
  'jp',
  'Japan',
  'CN',
  '2021',
  '2021-Q3',
  '2021-H2',
  '2021-13',
  'https://example.com/a',
  'ü😀\u0000',
  'x'.repeat(3_000),
  'word '.repeat(40),
  'y'.repeat(100),
  '*:*',
  '"unterminated',
  '\\',
];
const cursors = [
  base64('OffsetConnection:0'),
  base64('OffsetConnection:3'),
  base64('OffsetConnection:999999'),
  base64('OffsetConnection:-1'),
  base64('OffsetConnection:abc'),
  '!!!',
  '',
  'bm9wZQ==',
];

function valueFor(type: GraphQLInputType, name: string, rng: Random, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, rng, depth);
  if (rng.chance(0.03)) return null;
  if (isListType(type)) {
    const length = rng.chance(0.05) ? 101 : rng.int(4);
    return Array.from({ length }, () => valueFor(type.ofType, name, rng, depth + 1));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return Object.fromEntries(
      fields.filter((field) => isNonNullType(field.type) || rng.chance(0.5)).map((field) => [field.name, valueFor(field.type, field.name, rng, depth + 1)]),
    );
  }
  if (isEnumType(type)) return rng.pick(type.getValues()).name;
  switch (type.name) {
    case 'Int':
      return rng.pick(ints);
    case 'Boolean':
      return rng.chance(0.5);
    case 'Date':
      return rng.pick(days);
    case 'ID':
      return name === 'ids' || (name === 'id' && rng.chance(0.3)) ? rng.pick(globalIds) : rng.pick(ids);
    default:
      if (name === 'after' || name === 'before') return rng.pick(cursors);
      return rng.pick(strings);
  }
}

interface Built {
  text: string;
  variables: Record<string, unknown>;
  definitions: string[];
}

function argumentsFor(args: readonly GraphQLArgument[], rng: Random, built: Built): string {
  const chosen = args.filter((arg) => isNonNullType(arg.type) || rng.chance(0.4));
  if (chosen.length === 0) return '';
  return `(${chosen
    .map((arg) => {
      const variable = `v${built.definitions.length}`;
      built.definitions.push(`$${variable}: ${String(arg.type)}`);
      built.variables[variable] = valueFor(arg.type, arg.name, rng);
      return `${arg.name}: $${variable}`;
    })
    .join(', ')})`;
}

function selectionFor(type: GraphQLNamedType, rng: Random, built: Built, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    const target = rng.pick(possible);
    return `{ __typename ... on ${target.name} ${selectionFor(target, rng, built, depth)} }`;
  }
  if (!isObjectType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields());
  const picked = new Set<GraphQLField<unknown, unknown>>();
  for (let i = 0; i < 1 + rng.int(4); i += 1) picked.add(rng.pick(fields));
  const parts = ['__typename'];
  for (const field of picked) {
    const named = getNamedType(field.type);
    if (!isLeafType(named) && depth >= 4) continue;
    parts.push(`${field.name}${argumentsFor(field.args, rng, built)} ${selectionFor(named, rng, built, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function operation(rng: Random): Built {
  const built: Built = { text: '', variables: {}, definitions: [] };
  const root = rng.chance(0.1) ? schema.getMutationType()! : schema.getQueryType()!;
  const field = rng.pick(Object.values(root.getFields()));
  const body = `${field.name}${argumentsFor(field.args, rng, built)} ${selectionFor(getNamedType(getNullableType(field.type)), rng, built, 1)}`;
  const kind = root === schema.getMutationType() ? 'mutation' : 'query';
  built.text = `${kind}${built.definitions.length ? `(${built.definitions.join(', ')})` : ''} { ${body} }`;
  return built;
}

describe('fuzzed client input', () => {
  it(`answers ${OPERATIONS} operations built from the schema with coded client errors only (seed ${SEED})`, { timeout: 900_000 }, async () => {
    const rng = random(SEED);
    const failures: string[] = [];
    const codes = new Map<string, number>();
    const operations = Array.from({ length: OPERATIONS }, () => operation(rng));
    let next = 0;
    const worker = async () => {
      while (next < operations.length) {
        const op = operations[next++]!;
        const response = await harness.app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: op.text, variables: op.variables }),
        });
        const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        for (const error of body.errors ?? []) codes.set(error.extensions?.code ?? 'none', (codes.get(error.extensions?.code ?? 'none') ?? 0) + 1);
        const bad = (body.errors ?? []).find((error) => error.message === 'Unexpected error.' || !error.extensions?.code);
        if (response.status >= 500 || bad) {
          failures.push(`${response.status} ${bad?.message ?? ''}\n  ${op.text.slice(0, 400)}\n  ${JSON.stringify(op.variables).slice(0, 400)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    console.log(`fuzz seed ${SEED}: ${OPERATIONS} operations; error codes seen: ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(failures.slice(0, 8).join('\n\n'), `${failures.length} of ${OPERATIONS} operations were not answered with coded client errors (seed ${SEED})`).toBe('');
  });
});
