/**
 * A bundle as the importer reads it: a sequence of pieces in the order the bundle lists them, so a
 * bundle of a million claims never has to be one object in memory. A piece is a run of consecutive
 * entries of one entity list, or one other top-level field (`format`, an unknown key, a list that
 * is not an array), or, when the bundle is not an object at all, the whole value.
 *
 * Both sources of pieces (an object already in memory, and a file read as a stream by
 * bundle-file.ts) can be walked more than once: the importer validates in a first pass and writes
 * in a second.
 */
import { BUNDLE_LISTS } from './bundle.ts';
import type { Problem } from './problems.ts';

export type ListName = (typeof BUNDLE_LISTS)[number];

export type Piece = (
  | { kind: 'entries'; list: ListName /** Index of items[0] in its list. */; start: number; items: unknown[] }
  | { kind: 'field'; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
) & {
  /** What reading the piece found wrong that its value cannot show (bytes that are not UTF-8). */
  problems?: Problem[];
};

export interface BundlePieces {
  /** Walks the bundle from the start; each call begins a new pass. */
  pieces(): AsyncIterable<Piece>;
}

const LIST_NAMES = new Set<string>(BUNDLE_LISTS);

export function isListName(key: string): key is ListName {
  return LIST_NAMES.has(key);
}

/** The pieces of a bundle already in memory (mutations, the demo, tests), in its key order. */
export function piecesOfObject(bundle: unknown): BundlePieces {
  return {
    async *pieces() {
      yield* objectPieces(bundle);
    },
  };
}

export function objectPieces(bundle: unknown): Piece[] {
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return [{ kind: 'whole', value: bundle }];
  return Object.entries(bundle).map(
    ([key, value]): Piece => (isListName(key) && Array.isArray(value) ? { kind: 'entries', list: key, start: 0, items: value } : { kind: 'field', key, value }),
  );
}
