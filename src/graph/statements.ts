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
 * `#part(name, prefix)` reads every parameter of the part but `$asOf` with the prefix
 * (`$offset` as `$devicesOffset`): a statement can page its own entities and, by the same part as
 * the statement that pages them alone, the entities each one has (list-companies and a company's devices).
 */
function withProjections(file: string, text: string, depth = 0, narrowed: ProjectionSelection = {}): string {
  if (depth > 4) throw new Error(`${file}: projections nest too deep (a projection that includes itself?)`);
  return text.replace(/#(projection|part)\(([a-z-]+)(?:, ([A-Za-z]+))?\)/g, (_, kind: 'projection' | 'part', name: string, argument: string | undefined) => {
    const folder = kind === 'projection' ? 'projections' : 'parts';
    const body = (kind === 'projection' ? projections : parts).get(name);
    if (body === undefined) throw new Error(`${file} uses #${kind}(${name}), but cypher/${folder}/${name}.cypher does not exist`);
    const keep = kind === 'projection' ? narrowed[name] : undefined;
    const expanded = withProjections(`cypher/${folder}/${name}.cypher`, keep ? narrowProjection(`cypher/${folder}/${name}.cypher`, body, keep) : body, depth + 1, narrowed);
    if (argument === undefined) return expanded;
    if (argument === 'asOf') return expanded.replace(/\$asOf\b/g, 'asOf');
    if (kind !== 'part') throw new Error(`${file} uses #projection(${name}, ${argument}): a projection takes only asOf`);
    return expanded.replace(/\$([A-Za-z]\w*)/g, (parameter, parameterName: string) =>
      parameterName === 'asOf' ? parameter : `$${argument}${parameterName[0]?.toUpperCase()}${parameterName.slice(1)}`,
    );
  });
}

/**
 * What a page returns of an entity when the query selects only some of its fields: projection name
 * to the entries kept (property names, and the keys of computed entries such as `opticsPartnerId`).
 * A page of 500 devices that shows only names then reads and decodes names, not every property and
 * relationship of each (src/schema/page-shape.ts decides what a selection needs). `*` keeps every
 * property (`.*`): a row that must stay whole for its loader can still leave a computed entry out.
 */
export type ProjectionSelection = Readonly<Record<string, readonly string[]>>;

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A projection `v { .*, key: expr, ... }` narrowed to the entries in `keep`: `.*` becomes the kept
 * property names, computed entries stay only when their key is kept. Only names from the fixed
 * tables of src/schema (checked to be plain names) ever enter the text; values stay parameters.
 */
function narrowProjection(file: string, body: string, keep: readonly string[]): string {
  const open = body.indexOf('{');
  const close = body.lastIndexOf('}');
  if (open < 0 || close < open) throw new Error(`${file}: a projection narrowed by selection must be one map projection "v { ... }"`);
  const entries = topLevelEntries(body.slice(open + 1, close));
  const computed = new Map<string, string>();
  let wildcard = false;
  const listed = new Set<string>();
  for (const entry of entries) {
    if (entry === '.*') wildcard = true;
    else if (entry.startsWith('.')) listed.add(entry.slice(1));
    else computed.set(entry.slice(0, entry.indexOf(':')).trim(), entry);
  }
  const kept: string[] = [];
  for (const name of keep) {
    if (name === '*' && wildcard) {
      kept.push('.*');
      continue;
    }
    if (!PROPERTY_NAME.test(name)) throw new Error(`${file}: "${name}" is not a plain property or entry name`);
    const entry = computed.get(name);
    if (entry !== undefined) kept.push(entry);
    else if (wildcard || listed.has(name)) kept.push(`.${name}`);
    else throw new Error(`${file} has no entry "${name}" to keep`);
  }
  return `${body.slice(0, open + 1)}\n  ${kept.join(',\n  ')}\n${body.slice(close)}`;
}

/** The comma-separated entries of a map projection's body, comments dropped, brackets and strings respected. */
function topLevelEntries(inside: string): string[] {
  const text = inside
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const entries: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      entries.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  entries.push(text.slice(start).trim());
  return entries.filter((entry) => entry.length > 0);
}

const sources = readFolder('statements');
const texts = new Map([...sources].map(([name, text]) => [name, withProjections(`cypher/statements/${name}.cypher`, text)]));

/**
 * Every statement by name: a misspelt name fails the type-check, and a file added to or missing from
 * cypher/statements/ without this list following fails the start.
 */
export const STATEMENT_NAMES = [
  'attach-source',
  'backtest-partnerships',
  'bump-graph-version',
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
  'devices-by-ids-shown',
  'discard-staged',
  'end-partnership',
  'evidence-digests-of',
  'evidence-inputs',
  'evidence-of-partners',
  'evidence-partners',
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
  'graph-version',
  'import-claim-links',
  'import-claims',
  'import-companies',
  'import-company-links',
  'import-device-links',
  'import-devices',
  'import-exclusivities',
  'import-exclusivity-links',
  'import-guard',
  'import-guard-holders',
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
  'initial-load-empty-lists',
  'label-latest-credibility-steps',
  'leaker-claims',
  'leaker-resolved-claims',
  'leaker-with-claims',
  'leakers-by-ids',
  'list-claims',
  'list-companies',
  'list-devices',
  'list-leakers',
  'list-partnerships',
  'list-sources',
  'lock-evidence-digests',
  'network-partner-links',
  'outlook-evidence',
  'outlook-evidence-digest',
  'outlook-facts',
  'ownerships-by-ids',
  'partnership-devices',
  'partnership-for-update',
  'partnerships-by-ids',
  'partnerships-of-companies',
  'publish-staged',
  'refresh-evidence',
  'replace-credibility-steps',
  'resolve-claim',
  'search',
  'service-info',
  'source-claims',
  'sources-by-ids',
  'sources-exist',
  'store-claim-history',
  'store-evidence-digests',
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

/**
 * Statements narrowed by a selection, composed once per statement and selection (Neo4j caches each
 * plan). Selections are few in practice; a client cycling through many cannot grow this past a bound.
 */
const narrowedTexts = new Map<string, string>();
const MAX_NARROWED_TEXTS = 512;

export function statement(name: StatementName, selection?: ProjectionSelection): string {
  const text = texts.get(name);
  if (text === undefined) throw new Error(`no Cypher statement named "${name}" in cypher/statements/`);
  if (selection === undefined) return text;
  const cacheKey = `${name}\u0000${JSON.stringify(selection)}`;
  let narrowed = narrowedTexts.get(cacheKey);
  if (narrowed === undefined) {
    narrowed = withProjections(`cypher/statements/${name}.cypher`, sources.get(name) ?? text, 0, selection);
    if (narrowedTexts.size >= MAX_NARROWED_TEXTS) narrowedTexts.clear();
    narrowedTexts.set(cacheKey, narrowed);
  }
  return narrowed;
}
