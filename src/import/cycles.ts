/**
 * Chains that must not close on themselves, over what a bundle says together with what the graph
 * holds (a bundle's entry replaces the stored one of the same id):
 * - ownership: no company may own itself, directly or through others, on any day (A owns B while
 *   B owns A; A owns B owns C owns A). Ownerships in different periods do not form a cycle: a spun-off
 *   company may buy its former parent later.
 * - became: a rumoured device ships as another device, which is not itself rumoured to become the
 *   first (A became B became A); this holds whatever the dates.
 * Pure: the edges come in, the cycles go out, each named by the edges that close it.
 */

export interface OwnershipEdge {
  id: string;
  company: string;
  owner: string;
  /** First day the ownership may have held (first day of its start). */
  from: string;
  /** Last day it may have held (last day of its end); null while it lasts. */
  until: string | null;
  /** Its JSON path in the bundle; absent for one stored in the graph. */
  path?: string;
}

export interface BecameEdge {
  device: string;
  became: string;
  path?: string;
}

export interface Cycle<E> {
  /** The edges of the cycle, in order (each one's target is the next one's source). */
  edges: E[];
  /** For ownerships: the days all of them held at once (the first such day). */
  from?: string;
}

/** Ownership cycles: a cycle of ownerships whose periods share at least one day. */
export function ownershipCycles(edges: OwnershipEdge[]): Cycle<OwnershipEdge>[] {
  // A cycle whose periods overlap is active on the latest of their first days; so it is enough to
  // look at the edges active on each day some edge begins.
  const onCycles = edgesOnCycles(
    edges,
    (edge) => edge.owner,
    (edge) => edge.company,
  );
  const days = [...new Set(onCycles.map((edge) => edge.from))].sort();
  const found = new Map<string, Cycle<OwnershipEdge>>();
  for (const day of days) {
    const active = onCycles.filter((edge) => edge.from <= day && (edge.until === null || day <= edge.until));
    for (const cycle of cyclesOf(
      active,
      (edge) => edge.owner,
      (edge) => edge.company,
    )) {
      const key = cycle
        .map((edge) => edge.id)
        .sort()
        .join(' ');
      if (!found.has(key)) found.set(key, { edges: cycle, from: day });
    }
  }
  return [...found.values()];
}

/** `became` cycles, whatever the dates. */
export function becameCycles(edges: BecameEdge[]): Cycle<BecameEdge>[] {
  return cyclesOf(
    edges,
    (edge) => edge.device,
    (edge) => edge.became,
  ).map((cycle) => ({ edges: cycle }));
}

/**
 * One cycle per strongly connected group of nodes that has one (iterative depth-first search, so a
 * chain of 100,000 edges cannot overflow the stack): enough to name the problem, and fixing it
 * reveals any other.
 */
function cyclesOf<E>(edges: E[], source: (edge: E) => string, target: (edge: E) => string): E[][] {
  const out = new Map<string, E[]>();
  for (const edge of edges) {
    const from = source(edge);
    const list = out.get(from);
    if (list) list.push(edge);
    else out.set(from, [edge]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const cycles: E[][] = [];
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    // The path from `start`: its nodes, each with the index of its next edge to try, and the edges taken.
    const path: { node: string; next: number }[] = [{ node: start, next: 0 }];
    const taken: E[] = [];
    state.set(start, 'open');
    for (let step = path.at(-1); step !== undefined; step = path.at(-1)) {
      const edge = out.get(step.node)?.[step.next];
      if (edge === undefined) {
        state.set(step.node, 'done');
        path.pop();
        taken.pop();
        continue;
      }
      step.next++;
      const to = target(edge);
      if (state.get(to) === 'open') {
        cycles.push([...taken.slice(path.findIndex((on) => on.node === to)), edge]);
        continue;
      }
      if (state.get(to) === 'done') continue;
      state.set(to, 'open');
      path.push({ node: to, next: 0 });
      taken.push(edge);
    }
  }
  return cycles;
}

/**
 * The edges that can lie on a cycle: what is left after repeatedly dropping the edges of nodes that
 * nothing points to or that point nowhere (linear time). An acyclic graph (the usual bundle) is
 * left empty, so the day-by-day search above only ever sees the few suspects.
 */
function edgesOnCycles<E>(edges: E[], source: (edge: E) => string, target: (edge: E) => string): E[] {
  interface Link {
    edge: E;
    from: string;
    to: string;
    removed: boolean;
  }
  const links: Link[] = edges.map((edge) => ({ edge, from: source(edge), to: target(edge), removed: false }));
  const incoming = new Map<string, Link[]>();
  const outgoing = new Map<string, Link[]>();
  const add = (map: Map<string, Link[]>, key: string, link: Link) => {
    const list = map.get(key);
    if (list) list.push(link);
    else map.set(key, [link]);
  };
  for (const link of links) {
    add(outgoing, link.from, link);
    add(incoming, link.to, link);
  }
  // Edges not yet removed, per node; a node missing from a map has none.
  const inDegree = new Map([...incoming].map(([node, list]) => [node, list.length]));
  const outDegree = new Map([...outgoing].map(([node, list]) => [node, list.length]));
  const queue = [...new Set([...incoming.keys(), ...outgoing.keys()])].filter((node) => !inDegree.get(node) || !outDegree.get(node));
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    for (const link of [...(outgoing.get(node) ?? []), ...(incoming.get(node) ?? [])]) {
      if (link.removed) continue;
      link.removed = true;
      outDegree.set(link.from, (outDegree.get(link.from) ?? 0) - 1);
      inDegree.set(link.to, (inDegree.get(link.to) ?? 0) - 1);
      for (const other of [link.from, link.to]) {
        if (other !== node && (inDegree.get(other) === 0 || outDegree.get(other) === 0)) queue.push(other);
      }
    }
  }
  return links.filter((link) => !link.removed).map((link) => link.edge);
}
