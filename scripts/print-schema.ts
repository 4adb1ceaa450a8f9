/** `npm run schema:print`: writes the printed schema to schema/schema.graphql (a test fails when it is stale). */
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--stdout')) {
    process.stdout.write(printedSchema());
  } else {
    writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printedSchema());
    console.log('wrote schema/schema.graphql');
  }
}
