/**
 * The page's operations are checked against the schema by GraphQL Code Generator; `npm test` runs that
 * check before the type-check (`npm run typecheck`). These tests pin that a schema that no longer has
 * what the page asks for stops generation with the field named, and that the trusted documents hold
 * exactly the page's operations, by hash.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { parse, print, visit, type ObjectTypeDefinitionNode } from 'graphql';
import { codegenConfig } from '../../web/codegen.ts';

const root = resolve(import.meta.dirname, '../..');
const schemaText = readFileSync(resolve(root, 'schema/schema.graphql'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'optics-graph-codegen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function generateAgainst(schema: string): Promise<{ filename: string; content: string }[]> {
  const file = join(scratch, `schema-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(file, schema);
  return generate({ ...codegenConfig, schema: file, cwd: root }, false);
}

describe("the page's typed client", () => {
  it('fails to generate when the schema drops a field an operation selects, naming the field', async () => {
    const withoutScore = print(
      visit(parse(schemaText), {
        ObjectTypeDefinition: (type: ObjectTypeDefinitionNode) =>
          type.name.value === 'OutlookCandidate' ? { ...type, fields: type.fields?.filter((field) => field.name.value !== 'score') } : undefined,
      }),
    );
    expect(/type OutlookCandidate \{[^}]*\}/.exec(withoutScore)?.[0]).not.toMatch(/\bscore:/);
    const failure = await generateAgainst(withoutScore).then(
      () => null,
      (error: Error & { errors?: unknown[] }) => `${error.message}\n${(error.errors ?? []).map(String).join('\n')}`,
    );
    expect(failure).toMatch(/Cannot query field "score" on type "OutlookCandidate"/);
  }, 60_000);

  it('writes every operation of the page to web/persisted-documents.json under the SHA-256 of its text', () => {
    const documents = JSON.parse(readFileSync(resolve(root, 'web/persisted-documents.json'), 'utf8')) as Record<string, string>;
    const names = Object.values(documents).map((text) => /(?:^|\} )(query|subscription|mutation) (\w+)/.exec(text)?.[2]);
    expect(names.sort()).toEqual(['MoreCandidates', 'MoreExclusions', 'Outlook', 'OutlookChanged', 'PageChoices', 'PartnerTimeline']);
    for (const [hash, text] of Object.entries(documents)) {
      expect(hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    }
  });
});
