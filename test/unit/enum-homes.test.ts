/**
 * Each set of values has one home, in src/domain/facts.ts: the GraphQL enums are built from it, and the
 * bundle's JSON Schema, which cannot import it, must list the same values.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BINDS, CERTAINTIES, CLAIM_KINDS, EVIDENCE_KINDS, OUTCOMES } from '../../src/domain/facts.ts';

const bundleSchema = JSON.parse(readFileSync(new URL('../../schema/bundle.schema.json', import.meta.url), 'utf8'));
const property = (definition: string, name: string): string[] => bundleSchema.$defs[definition].properties[name].enum;

describe('the values of an enum', () => {
  it('are the same in the bundle schema as in the domain', () => {
    expect(new Set(property('exclusivity', 'binds'))).toEqual(new Set(BINDS));
    expect(new Set(property('exclusivity', 'certainty'))).toEqual(new Set(CERTAINTIES));
    expect(new Set(property('resolution', 'outcome'))).toEqual(new Set(OUTCOMES));
    expect(new Set(property('claim', 'kind'))).toEqual(new Set(CLAIM_KINDS));
    expect(new Set(property('evidence', 'kind'))).toEqual(new Set(EVIDENCE_KINDS));
  });

  it('are what the printed GraphQL schema lists, input and output alike (no second enum for inputs)', () => {
    const printed = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    const values = (name: string) => {
      const type = printed.getType(name);
      return type instanceof GraphQLEnumType ? new Set(type.getValues().map((value) => value.name)) : null;
    };
    expect(values('Binds')).toEqual(new Set(BINDS));
    expect(values('Certainty')).toEqual(new Set(CERTAINTIES));
    expect(values('Outcome')).toEqual(new Set(OUTCOMES));
    expect(values('ClaimKind')).toEqual(new Set(CLAIM_KINDS));
    expect(values('EvidenceKind')).toEqual(new Set(EVIDENCE_KINDS));
    expect(printed.getType('BindsInput')).toBeUndefined();
    expect(printed.getType('CertaintyInput')).toBeUndefined();
  });
});
