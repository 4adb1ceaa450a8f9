/**
 * Which ids of a bundle the graph already holds, per label. References may point at entities
 * imported earlier; company and device ids must not collide with stored ones; and the writer
 * creates entities the graph lacks outright but upserts and compares the ones it holds.
 *
 * Lookups (import-stored-ids, one index seek per id) are sent while the first pass is still reading
 * the bundle, in chunks, so Neo4j answers them while Node validates; the ids the bundle refers to
 * without defining them are only known at the end and go in one last lookup.
 */
import type { GraphExecutor, RoundTripCounter } from '../graph/executor.ts';
import type { ListName, Piece } from './bundle-pieces.ts';
import type { BundleSurvey } from './survey.ts';

export interface ExistingIds {
  companies: ReadonlySet<string>;
  /** Companies with the :Manufacturer role label. */
  manufacturers: ReadonlySet<string>;
  /** Companies with the :OpticsPartner role label. */
  opticsPartners: ReadonlySet<string>;
  devices: ReadonlySet<string>;
  partnerships: ReadonlySet<string>;
  leakers: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  ownerships: ReadonlySet<string>;
  exclusivities: ReadonlySet<string>;
  claims: ReadonlySet<string>;
}

const LABEL_SETS = ['companies', 'manufacturers', 'opticsPartners', 'devices', 'partnerships', 'leakers', 'sources', 'ownerships', 'exclusivities', 'claims'] as const;

export function noExistingIds(): ExistingIds {
  return existingIds({});
}

/** Shorthand for tests and callers that know what the graph holds. */
export function existingIds(ids: Partial<Record<keyof ExistingIds, Iterable<string>>>): ExistingIds {
  return Object.fromEntries(LABEL_SETS.map((key) => [key, new Set(ids[key] ?? [])])) as unknown as ExistingIds;
}

/** Ids per lookup statement: a few hundred KB of parameters, answered in tens of milliseconds. */
const LOOKUP_CHUNK = 10_000;

type Lists = Record<Exclude<ListName, 'companies' | 'devices'> | 'subjects', string[]>;

function emptyLists(): Lists {
  return { subjects: [], sources: [], partnerships: [], ownerships: [], exclusivities: [], leakers: [], claims: [] };
}

/** Collects the ids of each piece as the first pass reads it, and looks them up in chunks meanwhile. */
export class StoredIdLookup {
  private readonly graph: GraphExecutor;
  private readonly counter: RoundTripCounter | undefined;
  private readonly found = Object.fromEntries(LABEL_SETS.map((key) => [key, new Set<string>()])) as Record<keyof ExistingIds, Set<string>>;
  private pending = emptyLists();
  private pendingCount = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(graph: GraphExecutor, counter?: RoundTripCounter) {
    this.graph = graph;
    this.counter = counter;
  }

  add(piece: Piece): void {
    if (piece.kind !== 'entries') return;
    const into = piece.list === 'companies' || piece.list === 'devices' ? this.pending.subjects : this.pending[piece.list];
    for (const item of piece.items) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') continue;
      into.push(id);
      if (++this.pendingCount >= LOOKUP_CHUNK) this.send([]);
    }
  }

  /** Everything found, once the survey of the whole bundle says which references point outside it. */
  async finish(survey: BundleSurvey): Promise<ExistingIds> {
    const elsewhere = survey.referencedElsewhere();
    if (this.pendingCount > 0 || elsewhere.length > 0) this.send(elsewhere);
    await this.chain;
    if (this.failure) throw this.failure;
    return this.found;
  }

  private send(elsewhere: string[]): void {
    const lists = this.pending;
    this.pending = emptyLists();
    this.pendingCount = 0;
    const { subjects, ...rest } = lists;
    const params = { ...rest, companies: subjects, devices: subjects, elsewhere };
    // One lookup at a time: Neo4j answers while Node reads on; a failure is reported by finish.
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        const [row] = await this.graph.read('import-stored-ids', params, this.counter);
        for (const key of LABEL_SETS) for (const id of (row?.[key] as string[] | undefined) ?? []) this.found[key].add(id);
      } catch (error) {
        this.failure = error;
      }
    });
  }
}
