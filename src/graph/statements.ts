/**
 * The named Cypher statements the service runs, each in its own file under cypher/statements/.
 * Read once at start-up so a missing or misnamed statement fails at start, not mid-request.
 *
 * A statement may write `#projection(device)` where it returns an entity: the text of
 * cypher/projections/device.cypher is put there, so every statement that returns devices returns
 * them in one shape, and a page of devices can fill the device loader without another round trip.
 * Only fixed text from these folders is ever composed; values always travel as parameters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cypherDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../cypher');

function readFolder(folder: string): Map<string, string> {
  const dir = join(cypherDir, folder);
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.cypher'))
      .map((file) => [basename(file, '.cypher'), readFileSync(join(dir, file), 'utf8').trim()]),
  );
}

const projections = readFolder('projections');
const parts = readFolder('parts');

/**
 * Puts each `#projection(name)` (cypher/projections: the shape an entity is returned in) and each
 * `#part(name)` (cypher/parts: a selection a statement needs twice, to count and to page) in place;
 * they may use others (a claim row carries its subjects' rows). Projections read the day as
 * `$asOf`; `#projection(name, asOf)` reads it from the row's variable `asOf` instead, so one
 * statement can load entities as of different days (the `*-by-ids` statements, keyed by id and day).
 */
function withProjections(file: string, text: string, depth = 0): string {
  if (depth > 4) throw new Error(`${file}: projections nest too deep (a projection that includes itself?)`);
  return text.replace(/#(projection|part)\(([a-z-]+)(, asOf)?\)/g, (_, kind: 'projection' | 'part', name: string, perRow: string | undefined) => {
    const folder = kind === 'projection' ? 'projections' : 'parts';
    const body = (kind === 'projection' ? projections : parts).get(name);
    if (body === undefined) throw new Error(`${file} uses #${kind}(${name}), but cypher/${folder}/${name}.cypher does not exist`);
    const expanded = withProjections(`cypher/${folder}/${name}.cypher`, body, depth + 1);
    return perRow ? expanded.replace(/\$asOf\b/g, 'asOf') : expanded;
  });
}

const texts = new Map([...readFolder('statements')].map(([name, text]) => [name, withProjections(`cypher/statements/${name}.cypher`, text)]));

/**
 * Every statement by name: a misspelt name fails the type-check, and a file added to or missing from
 * cypher/statements/ without this list following fails the start.
 */
export const STATEMENT_NAMES = [
  'attach-source',
  'backtest-partnerships',
  'calibration-claims',
  'claim-for-update',
  'claims-by-ids',
  'claims-for-history',
  'claims-without-history',
  'companies-by-ids',
  'company-claims',
  'company-co-engineered-devices',
  'company-devices',
  'company-exclusivities',
  'company-ownerships',
  'company-partnerships',
  'company-sources',
  'company-timeline-ids',
  'credibility-changes',
  'credibility-of-leakers',
  'device-claims',
  'devices-by-ids',
  'end-partnership',
  'exclusivities-by-ids',
  'export-claims',
  'export-companies',
  'export-devices',
  'export-exclusivities',
  'export-leakers',
  'export-ownerships',
  'export-partnerships',
  'export-resolutions',
  'export-sources',
  'import-claim-links',
  'import-claims',
  'import-companies',
  'import-company-links',
  'import-device-links',
  'import-devices',
  'import-exclusivities',
  'import-exclusivity-links',
  'import-has-companies',
  'import-leaker-links',
  'import-leakers',
  'import-missing-targets',
  'import-new-claims',
  'import-new-companies',
  'import-new-devices',
  'import-new-exclusivities',
  'import-new-leakers',
  'import-new-ownerships',
  'import-new-partnerships',
  'import-new-sources',
  'import-ownership-links',
  'import-ownerships',
  'import-partnership-links',
  'import-partnerships',
  'import-resolution-links',
  'import-resolutions',
  'import-sources',
  'import-stored-chains',
  'import-stored-ids',
  'leaker-claims',
  'leaker-resolved-claims',
  'leakers-by-ids',
  'list-claims',
  'list-companies',
  'list-devices',
  'list-leakers',
  'list-partnerships',
  'list-sources',
  'network-partner-links',
  'outlook-evidence',
  'outlook-facts',
  'ownerships-by-ids',
  'partnership-devices',
  'partnership-for-update',
  'partnerships-by-ids',
  'partnerships-of-companies',
  'refresh-evidence',
  'replace-credibility-steps',
  'resolve-claim',
  'search',
  'service-info',
  'source-claims',
  'sources-by-ids',
  'sources-exist',
  'store-claim-history',
  'timeline-claims',
  'timeline-partnerships',
] as const;

export type StatementName = (typeof STATEMENT_NAMES)[number];

{
  const listed = new Set<string>(STATEMENT_NAMES);
  const unlisted = [...texts.keys()].filter((name) => !listed.has(name));
  const missing = STATEMENT_NAMES.filter((name) => !texts.has(name));
  if (unlisted.length > 0 || missing.length > 0) {
    throw new Error(
      `cypher/statements/ and STATEMENT_NAMES in src/graph/statements.ts disagree: ${[
        ...unlisted.map((name) => `${name}.cypher is not listed`),
        ...missing.map((name) => `${name} has no file`),
      ].join('; ')}`,
    );
  }
}

export function statement(name: StatementName): string {
  const text = texts.get(name);
  if (text === undefined) throw new Error(`no Cypher statement named "${name}" in cypher/statements/`);
  return text;
}
