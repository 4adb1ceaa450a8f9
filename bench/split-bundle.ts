/**
 * Splits a generated world into files of at most `claimsPerPart` claims, so that a world bigger than
 * one import transaction can hold (about 36 KB of Neo4j transaction memory per claim: a million
 * claims would need a 50 GB heap) is imported as several bundles, each all-or-nothing on its own.
 * The first part holds every other entity; the later ones refer to them by id, which the importer
 * checks against the graph. The world is read with the importer's own streaming reader (a million
 * claims are more text than one JavaScript string holds); parts are written next to it and reused.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { bundleFilePieces } from '../src/import/bundle-file.ts';

export async function splitBundle(file: string, claimsPerPart: number): Promise<string[]> {
  const count = (JSON.parse(readFileSync(`${file}.meta.json`, 'utf8')) as { counts: { claims: number } }).counts.claims;
  const parts = Math.max(1, Math.ceil(count / claimsPerPart));
  const names = Array.from({ length: parts }, (_, i) => `${file}.part-${i + 1}-of-${parts}.json`);
  if (names.every((name) => existsSync(name))) return names;
  const files = names.map((name) => openSync(name, 'w'));
  try {
    const claimsWritten = names.map(() => 0);
    const write = (part: number, text: string) => writeSync(files[part]!, text);
    for (const [i] of names.entries()) write(i, '{"format":"optics-graph-bundle/1"');
    const openLists = names.map(() => new Set<string>());
    const item = (part: number, list: string, value: unknown) => {
      if (!openLists[part]!.has(list)) {
        for (const open of openLists[part]!) if (open !== list) write(part, ']');
        write(part, `,${JSON.stringify(list)}:[`);
        openLists[part]!.clear();
        openLists[part]!.add(list);
      } else write(part, ',');
      write(part, JSON.stringify(value));
    };
    for await (const piece of (await bundleFilePieces(file)).pieces()) {
      if (piece.kind !== 'entries') continue;
      for (const [offset, value] of piece.items.entries()) {
        if (piece.list !== 'claims') item(0, piece.list, value);
        else {
          const part = Math.floor((piece.start + offset) / claimsPerPart);
          claimsWritten[part]!++;
          item(part, 'claims', value);
        }
      }
    }
    for (const [i] of names.entries()) write(i, `${openLists[i]!.size ? ']' : ''}}\n`);
    return names;
  } finally {
    for (const fd of files) closeSync(fd);
  }
}
