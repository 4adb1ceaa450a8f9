/** Fetches the bounded set of facts one partnership outlook needs, in one round trip. */
import type { Facts } from '../domain/as-of.ts';
import type { RequestContext } from '../context.ts';
import type { Row } from './executor.ts';
import { claimFact, companyFact, exclusivityFact, leakerFact, partnershipFact } from './rows.ts';

export async function outlookFacts(context: RequestContext, opticsPartnerId: string, asOf: string): Promise<Facts> {
  const [row] = await context.graph.read('outlook-facts', { partner: opticsPartnerId, asOf }, context.roundTrips);
  const rows = (name: string) => ((row?.[name] as Row[]) ?? []);
  return {
    companies: rows('companies').map(companyFact),
    partnerships: rows('partnerships').map(partnershipFact),
    exclusivities: rows('exclusivities').map(exclusivityFact),
    claims: rows('claims').map(claimFact),
    leakers: rows('leakers').map(leakerFact),
  };
}
