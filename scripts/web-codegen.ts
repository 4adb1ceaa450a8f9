/**
 * `npm run codegen`: regenerates the page's typed client (web/src/gql) and its trusted documents
 * (web/persisted-documents.json: { sha256 hash: operation text }) from schema/schema.graphql and the
 * operations in web/src. With --check (run by `npm test`) it writes nothing and fails when an operation
 * no longer matches the schema, or when the committed files differ from what the schema and operations
 * give now.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig, generatedClientFolder } from '../web/codegen.ts';

const root = resolve(import.meta.dirname, '..');
/** Where the trusted-documents mode of the server reads the page's operations. */
export const persistedDocumentsFile = 'web/persisted-documents.json';

function committedPath(filename: string): string {
  const path = relative(root, resolve(root, filename));
  return path === `${generatedClientFolder}persisted-documents.json` ? persistedDocumentsFile : path;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(resolve(root, path), 'utf8');
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  let outputs: { filename: string; content: string }[];
  try {
    outputs = await generate({ ...codegenConfig, cwd: root }, false);
  } catch (error) {
    const details = (error as { errors?: unknown[] }).errors?.map(String).join('\n') ?? '';
    process.stderr.write(`The page's GraphQL operations do not match schema/schema.graphql:\n${(error as Error).message}\n${details}\n`);
    process.exit(1);
  }
  const stale: string[] = [];
  for (const output of outputs) {
    const path = committedPath(output.filename);
    const content = output.content.endsWith('\n') ? output.content : `${output.content}\n`;
    if (readOrNull(path) === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(resolve(root, path)), { recursive: true });
      writeFileSync(resolve(root, path), content);
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(`The page's generated client is out of date with the schema or its operations: ${stale.join(', ')}.\nRun \`npm run codegen\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(check ? `codegen: ${outputs.length} generated files are up to date\n` : `codegen: ${stale.length} of ${outputs.length} files written\n`);
}

await main();
