import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the committed schema', () => {
  it('matches the schema the code builds (run `npm run schema:print` after changing it)', () => {
    // Printed in a plain Node process: the same module graph as `npm start`, not the test runner's.
    const script = fileURLToPath(new URL('../../scripts/print-schema.ts', import.meta.url));
    const printed = spawnSync(process.execPath, [script, '--stdout'], { encoding: 'utf8' });
    expect(printed.stderr).toBe('');
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printed.stdout).toBe(committed);
    // A cold Node process loading the whole schema takes a few seconds on a busy two-core machine.
  }, 60_000);
});
