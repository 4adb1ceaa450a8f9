/**
 * Reads what the timeline picture needs as known on a day, from Neo4j or through the service's API
 * (read-timeline-api.ts): the partner's partnerships with their clauses (from Neo4j one statement, at
 * most the partner's partnerships), and the claims that name it in keyset pages (the busiest partner
 * of a million claims is read 1,000 at a time).
 */
import type { GraphExecutor, Row } from '../../src/graph/executor.ts';
import type { Day } from '../../src/domain/facts.ts';
import type { GraphSource } from '../cli.ts';
import { claimsAboutPartner, knownPartnerships } from './known-from-rows.ts';
import { readTimelineFromApi } from './read-timeline-api.ts';
import { timelinePicture, type TimelinePicture } from './timeline-picture.ts';

export class UnknownPartnerError extends Error {}

export async function readTimeline(source: GraphSource | GraphExecutor, partnerId: string, asOf: Day, options: { pageSize?: number; maxRows?: number } = {}): Promise<TimelinePicture> {
  const unknown = () =>
    new UnknownPartnerError(`no optics partner "${partnerId}" was known on ${asOf}: give the natural id of one (e.g. leica, zeiss, hasselblad) and a day after it became known`);
  if ('api' in source) {
    const read = await readTimelineFromApi(source.api, partnerId, asOf);
    if (read === null) throw unknown();
    return timelinePicture(partnerId, read.partnerName, read.partnerships, read.claims, asOf, options.maxRows);
  }
  const graph = 'neo4j' in source ? source.neo4j : source;
  const pageSize = options.pageSize ?? 1000;
  const [partner] = await graph.read('timeline-partnerships', { partner: partnerId, asOf });
  if (partner === undefined) throw unknown();
  const claims: Row[] = [];
  let after = '';
  for (;;) {
    const rows = await graph.read('timeline-claims', { partner: partnerId, asOf, after, limit: pageSize });
    claims.push(...rows);
    if (rows.length < pageSize) break;
    after = String(rows.at(-1)!.id);
  }
  return timelinePicture(partnerId, String(partner.partnerName), knownPartnerships(partner.partnerships as Row[], asOf), claimsAboutPartner(claims, asOf), asOf, options.maxRows);
}
