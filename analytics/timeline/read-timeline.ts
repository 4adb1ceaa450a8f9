/**
 * Reads what the timeline picture needs as known on a day: the partner's partnerships with their
 * clauses (one statement, at most the partner's partnerships), and the claims that name it in keyset
 * pages (the busiest partner of a million claims is read 1,000 at a time).
 */
import type { GraphExecutor, Row } from '../../src/graph/executor.ts';
import type { Day } from '../../src/domain/facts.ts';
import { timelinePicture, type TimelinePicture } from './timeline-picture.ts';

export class UnknownPartnerError extends Error {}

export async function readTimeline(graph: GraphExecutor, partnerId: string, asOf: Day, options: { pageSize?: number; maxRows?: number } = {}): Promise<TimelinePicture> {
  const pageSize = options.pageSize ?? 1000;
  const [partner] = await graph.read('timeline-partnerships', { partner: partnerId, asOf });
  if (partner === undefined) {
    throw new UnknownPartnerError(`no optics partner "${partnerId}" was known on ${asOf}: give the natural id of one (e.g. leica, zeiss, hasselblad) and a day after it became known`);
  }
  const claims: Row[] = [];
  let after = '';
  for (;;) {
    const rows = await graph.read('timeline-claims', { partner: partnerId, asOf, after, limit: pageSize });
    claims.push(...rows);
    if (rows.length < pageSize) break;
    after = String(rows.at(-1)!.id);
  }
  return timelinePicture(partnerId, String(partner.partnerName), partner.partnerships as Row[], claims, asOf, options.maxRows);
}
