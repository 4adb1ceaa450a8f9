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

/** Puts each `#projection(name)` in place; projections may use others (a device row carries its companies' rows). */
function withProjections(file: string, text: string, depth = 0): string {
  if (depth > 4) throw new Error(`${file}: projections nest too deep (a projection that includes itself?)`);
  return text.replace(/#projection\(([a-z-]+)\)/g, (_, projection: string) => {
    const body = projections.get(projection);
    if (body === undefined) throw new Error(`${file} uses #projection(${projection}), but cypher/projections/${projection}.cypher does not exist`);
    return withProjections(`cypher/projections/${projection}.cypher`, body, depth + 1);
  });
}

const texts = new Map([...readFolder('statements')].map(([name, text]) => [name, withProjections(`cypher/statements/${name}.cypher`, text)]));

export type StatementName = string;

export function statement(name: StatementName): string {
  const text = texts.get(name);
  if (text === undefined) throw new Error(`no Cypher statement named "${name}" in cypher/statements/`);
  return text;
}
