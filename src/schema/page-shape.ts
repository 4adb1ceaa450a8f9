/**
 * What a page of entities must read, from what the query selects under `edges { node { ... } }`
 * (or under another path, such as the claim of each outlook evidence).
 * A page of 500 devices that shows names and optics partners reads those and not every property
 * and relationship of each device: the statement's projection is narrowed to what the fields need
 * (src/graph/statements.ts), and only the companies the shown fields point at come along.
 *
 * Narrowed rows are not the entity loader's rows, so they are not put into its cache (a later field
 * asking for the same device with other fields would find them lacking); they are the page's nodes
 * as they are. A page whose selection needs everything, or names a field no table here knows (a
 * field added later), reads full rows and fills the loader as before.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ProjectionSelection } from '../graph/statements.ts';

export interface PageShape {
  /** The projection (cypher/projections/<name>.cypher) the page statement returns its entities in. */
  projection: string;
  /** Per GraphQL field of the type, the projection entries its resolver reads (property names, computed keys). */
  needs: Readonly<Record<string, readonly string[]>>;
  /** Per field that shows a related company, the relationship the page brings that company along by. */
  embedVia: Readonly<Record<string, string>>;
  /** Per field that shows entities the projection embeds in each row (a claim's subjects), how far they are read. */
  embeds?: Readonly<Record<string, EmbeddedMember>>;
}

/**
 * Entities of one type that a projection embeds in its rows for a field (the devices a claim names,
 * `embeddedDevices`, shown by `subjects { ... on Device { ... } }`). When every field the query shows
 * of them is in their own shape, their projection is narrowed as a page of them would be, and the
 * companies they point at come along only when one of those fields shows a company. Narrowed, they
 * are not the entity loader's rows: the field reads them from the row they came in (`narrowedEmbeds`).
 */
export interface EmbeddedMember {
  /** The type their fields are selected under (`Device`), and the union's other members (`Company`), whose fragments are not theirs. */
  type: string;
  others: readonly string[];
  /** Their shape; a function, as the member's module may import this one's. */
  shape: () => PageShape;
  /** The entry of the row that holds them. */
  rows: string;
  /** The entry that holds the companies they point at. */
  companies: string;
}

export interface PageReading {
  /** Absent: full rows, primed into the entity loader. */
  selection?: ProjectionSelection;
  /** The relationships whose companies come along (`$embedVia`). */
  embedVia: string[];
  /** Tells apart pages of one statement read with different selections (their batches must not mix). */
  signature: string;
  /** Entries of each row holding embedded entities read narrowed (not for the entity loaders). */
  narrowedEmbeds?: string[];
}

/** Fields every entity answers without reading anything (its key and day are set in JavaScript). */
const FREE_FIELDS = new Set(['__typename', 'id', 'asOf']);

/**
 * What to read for the entities under `path` of the field being resolved: a connection's nodes
 * (`edges.node`, the default), or a list's items' entity (`claim` of each outlook evidence).
 */
export function pageReading(info: SelectionInfo, shape: PageShape, path: readonly string[] = ['edges', 'node']): PageReading {
  const fields = selectedFields(info, path);
  const shown = shownEntries(fields, shape);
  if (!shown) return { embedVia: Object.values(shape.embedVia), signature: 'full' };
  const entries = new Set(shown.entries);
  const selection: Record<string, readonly string[]> = {};
  const narrowedEmbeds: string[] = [];
  let signature = '';
  for (const field of fields) {
    const member = shape.embeds?.[field];
    if (!member) continue;
    const memberShape = member.shape();
    const read = shownEntries(new Set(selectedFieldNodesOn(info, [...path, field], member.others).map((node) => node.name.value)), memberShape);
    // Read whole (a field their table does not know) or showing a company: their companies come along.
    if (!read || read.embedVia.length > 0) entries.add(member.companies);
    if (read) {
      selection[memberShape.projection] = read.entries;
      narrowedEmbeds.push(member.rows);
    }
    signature += `|${field}:${read ? `${read.entries.join(',')}+${read.embedVia.join(',')}` : 'full'}`;
  }
  const kept = [...entries].sort();
  selection[shape.projection] = kept;
  return { selection, embedVia: shown.embedVia, signature: kept.join(',') + signature, ...(narrowedEmbeds.length > 0 ? { narrowedEmbeds } : {}) };
}

/**
 * The projection entries of `shape` that `fields` read, and the relationships of the companies they
 * show, both sorted; null when a field is not in the table (the entities are then read whole).
 */
function shownEntries(fields: ReadonlySet<string>, shape: PageShape): { entries: string[]; embedVia: string[] } | null {
  if ([...fields].some((field) => !FREE_FIELDS.has(field) && shape.needs[field] === undefined)) return null;
  const entries = new Set<string>(['id']);
  const embedVia = new Set<string>();
  for (const field of fields) {
    for (const entry of shape.needs[field] ?? []) entries.add(entry);
    const via = shape.embedVia[field];
    if (via) embedVia.add(via);
  }
  return { entries: [...entries].sort(), embedVia: [...embedVia].sort() };
}

/**
 * What a field's selection is read from: the resolve info of the field, or of a field further down
 * the same document (a page of companies reading the devices page each company shows, paging.ts).
 */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The names of the fields selected at `path` below the field, through fragments (none when the path is not asked for). */
function selectedFields(info: SelectionInfo, path: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const field of selectedFieldNodes(info, path)) found.add(field.name.value);
  return found;
}

/** The field nodes selected at `path` below the field, through fragments (none when the path is not asked for). */
export function selectedFieldNodes(info: SelectionInfo, path: readonly string[]): FieldNode[] {
  const found: FieldNode[] = [];
  const each = (set: SelectionSetNode | undefined, visit: (node: FieldNode) => void): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) each(selection.selectionSet, visit);
      else each(info.fragments[selection.name.value]?.selectionSet, visit);
    }
  };
  const walk = (set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    const [next, ...after] = rest;
    if (next === undefined) each(set, (field) => found.push(field));
    else each(set, (field) => field.name.value === next && walk(field.selectionSet, after));
  };
  for (const fieldNode of info.fieldNodes) walk(fieldNode.selectionSet, path);
  return found;
}

/**
 * The fields selected under the union field at `path` for one of its members: in every fragment but
 * those on the union's `others` members, through nested fragments. A fragment on the union itself
 * can hold one on the member, so only fragments on another member are left out: a field too many
 * makes the member read whole, never a field too few.
 */
export function selectedFieldNodesOn(info: SelectionInfo, path: readonly string[], others: readonly string[]): FieldNode[] {
  const found: FieldNode[] = [];
  const applies = (condition: { name: { value: string } } | undefined) => condition === undefined || !others.includes(condition.name.value);
  const each = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition)) each(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition)) each(fragment.selectionSet);
      }
    }
  };
  const parent = path.slice(0, -1);
  for (const field of selectedFieldNodes(info, parent)) if (field.name.value === path.at(-1)) each(field.selectionSet);
  return found;
}
