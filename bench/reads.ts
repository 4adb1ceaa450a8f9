/**
 * The four reads every contender answers, each written three ways (this service's GraphQL, the
 * @neo4j/graphql peer's GraphQL, one hand-written Cypher statement) plus how to bring each answer
 * to one comparable shape: plain names in the service's order, subjects as sorted sets. The orders
 * are the service's: devices by announced day then id, manufacturers by lower-case name then id
 * (the generated names sort the same either way), claims by publishedOn descending then id.
 */
export interface ReadIds {
  device: string;
  opticsPartner: string;
  leaker: string;
}

type Json = any;

export interface Read {
  name: string;
  ours: string;
  peer: string;
  raw: string;
  variables: (ids: ReadIds) => Record<string, unknown>;
  /** GraphQL `data` of ours, of the peer, and raw rows, each to the comparable shape. */
  fromOurs: (data: Json) => unknown;
  fromPeer: (data: Json) => unknown;
  fromRaw: (rows: Record<string, Json>[]) => unknown;
}

const nameOf = (node: Json) => node?.name ?? null;
const edges = (connection: Json) => (connection?.edges ?? []).map((edge: Json) => edge.node);

const deviceOrder = [{ announcedFirstDay: 'ASC' }, { id: 'ASC' }];

export const READS: Read[] = [
  {
    name: '1 device + manufacturer + optics partner',
    ours: `query ($id: ID!) { device(id: $id) { name manufacturer { name } opticsPartner { name } } }`,
    peer: `query ($id: ID!) { devices(where: { id: { eq: $id } }) { name manufacturer { name } opticsPartner { name } } }`,
    raw: `MATCH (d:Device {id: $id})
      OPTIONAL MATCH (d)-[:MADE_BY]->(m:Company)
      OPTIONAL MATCH (d)-[:CO_ENGINEERED_WITH]->(o:Company)
      RETURN d.name AS name, m.name AS manufacturer, o.name AS opticsPartner`,
    variables: (ids) => ({ id: ids.device }),
    fromOurs: (data) => device(data.device),
    fromPeer: (data) => device(data.devices[0]),
    fromRaw: (rows) => rows[0] ?? null,
  },
  {
    name: '2 devices of the busiest optics partner (50)',
    ours: `query ($p: ID!) { devices(opticsPartner: $p, first: 50) { edges { node { name manufacturer { name } } } } }`,
    peer: `query ($p: ID!, $sort: [DeviceSort!]) { devices(where: { opticsPartner: { id: { eq: $p } } }, sort: $sort, limit: 50) { name manufacturer { name } } }`,
    raw: `MATCH (:Company {id: $p})<-[:CO_ENGINEERED_WITH]-(d:Device)
      WITH d ORDER BY d.announcedFirstDay, d.id LIMIT 50
      MATCH (d)-[:MADE_BY]->(m:Company)
      RETURN d.name AS name, m.name AS manufacturer`,
    variables: (ids) => ({ p: ids.opticsPartner, sort: deviceOrder }),
    fromOurs: (data) => edges(data.devices).map(deviceWithMaker),
    fromPeer: (data) => data.devices.map(deviceWithMaker),
    fromRaw: (rows) => rows,
  },
  {
    name: '3 manufacturers > devices > optics partner (50 x 50)',
    ours: `{ manufacturers(first: 50) { edges { node { name devices(first: 50) { edges { node { name opticsPartner { name } } } } } } } }`,
    peer: `query ($sort: [DeviceSort!]) { manufacturers(sort: [{ name: ASC }, { id: ASC }], limit: 50) {
      name devices(sort: $sort, limit: 50) { name opticsPartner { name } } } }`,
    raw: `MATCH (m:Manufacturer)
      WITH m ORDER BY toLower(m.name), m.id LIMIT 50
      CALL (m) {
        MATCH (m)<-[:MADE_BY]-(d:Device)
        WITH d ORDER BY d.announcedFirstDay, d.id LIMIT 50
        OPTIONAL MATCH (d)-[:CO_ENGINEERED_WITH]->(o:Company)
        RETURN collect({name: d.name, opticsPartner: o.name}) AS devices
      }
      RETURN m.name AS name, devices`,
    variables: () => ({ sort: deviceOrder }),
    fromOurs: (data) => edges(data.manufacturers).map((m: Json) => ({ name: m.name, devices: edges(m.devices).map(deviceWithPartner) })),
    fromPeer: (data) => data.manufacturers.map((m: Json) => ({ name: m.name, devices: m.devices.map(deviceWithPartner) })),
    fromRaw: (rows) => rows,
  },
  {
    name: '4 busiest leaker + latest 50 claims + subjects',
    ours: `query ($id: ID!) { leaker(id: $id) { name claims(first: 50) { edges { node {
      statement publishedOn subjects { ... on Company { name } ... on Device { name } } } } } } }`,
    peer: `query ($id: ID!) { leakers(where: { id: { eq: $id } }) { name claims(sort: [{ publishedOn: DESC }, { id: ASC }], limit: 50) {
      statement publishedOn subjects { ... on Company { name } ... on Device { name } } } } }`,
    raw: `MATCH (l:Leaker {id: $id})
      CALL (l) {
        MATCH (l)<-[:BY]-(k:Claim)
        WITH k ORDER BY k.publishedOn DESC, k.id LIMIT 50
        RETURN collect({statement: k.statement, publishedOn: k.publishedOn,
          subjects: COLLECT { MATCH (k)-[:ABOUT]->(s) RETURN s.name }}) AS claims
      }
      RETURN l.name AS name, claims`,
    variables: (ids) => ({ id: ids.leaker }),
    fromOurs: (data) => leaker(data.leaker?.name, edges(data.leaker?.claims)),
    fromPeer: (data) => leaker(data.leakers[0]?.name, data.leakers[0]?.claims ?? []),
    fromRaw: (rows) => leaker(rows[0]?.name, rows[0]?.claims ?? []),
  },
];

function device(node: Json) {
  return node ? { name: node.name, manufacturer: nameOf(node.manufacturer), opticsPartner: nameOf(node.opticsPartner) } : null;
}

function deviceWithMaker(node: Json) {
  return { name: node.name, manufacturer: nameOf(node.manufacturer) };
}

function deviceWithPartner(node: Json) {
  return { name: node.name, opticsPartner: nameOf(node.opticsPartner) };
}

function leaker(name: string | undefined, claims: Json[]) {
  if (name === undefined) return null;
  const subjectNames = (subjects: Json[]) => subjects.map((s) => (typeof s === 'string' ? s : s.name)).sort();
  return { name, claims: claims.map((k) => ({ statement: k.statement, publishedOn: k.publishedOn, subjects: subjectNames(k.subjects) })) };
}

/** The first place two comparable answers differ, as a path and both values; null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return `${path}: ${(a as unknown[]).length} items vs ${(b as unknown[]).length}`;
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
