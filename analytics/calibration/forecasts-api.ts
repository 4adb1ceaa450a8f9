/**
 * The calibration's forecasts read through the service's GraphQL API instead of Neo4j: a page of the
 * claims decided as of the day (`claims(outcome: ...)`) per request, then the credibility the service
 * gave each leaker on each publication day (`leaker.credibility(asOf:)`), as many days per request as
 * the service allows aliases. The claim's own part of that credibility is taken out with the rule
 * the service stores it by (src/domain/outcome-history.ts, `credibilityChanges`), as from Neo4j.
 */
import type { ClaimFact, Day, Outcome, ResolutionFact } from '../../src/domain/facts.ts';
import { credibilityChanges } from '../../src/domain/outcome-history.ts';
import { API_PAGE_SIZE, type Connection, type GraphqlClient, PAGE_INFO } from '../source/graphql-client.ts';
import type { ClaimForecast } from './calibrate.ts';
import { type CredibilityCounts, credibilityWhenPublished, observedHit } from './scores.ts';

/** Credibility days asked per request: the service's default MAX_QUERY_ALIASES is 15. */
const DAYS_PER_REQUEST = 12;

interface ClaimNode {
  slug: string;
  publishedOn: Day;
  outcome: Exclude<Outcome, 'UNRESOLVED'>;
  leaker: { slug: string; name: string } | null;
  resolutions: Omit<ResolutionFact, 'note'>[];
}

const claimsQuery = `query ($asOf: Date, $after: String) {
  claims(asOf: $asOf, outcome: [CONFIRMED, PARTLY_CONFIRMED, REFUTED], first: ${API_PAGE_SIZE}, after: $after) {
    ${PAGE_INFO} edges { node { slug publishedOn outcome leaker { slug name } resolutions { decidedOn knownSince outcome } } }
  }
}`;

/** The leaker's counts on each day, `DAYS_PER_REQUEST` days a request. */
async function countsOnDays(api: GraphqlClient, leakerId: string, days: Day[], asOf: Day): Promise<Map<Day, CredibilityCounts>> {
  const counts = new Map<Day, CredibilityCounts>();
  for (let start = 0; start < days.length; start += DAYS_PER_REQUEST) {
    const chunk = days.slice(start, start + DAYS_PER_REQUEST);
    const fields = chunk.map((day, i) => `d${i}: credibility(asOf: ${JSON.stringify(day)}) { hits resolved }`).join(' ');
    const data = await api.query<{ leaker: Record<string, CredibilityCounts> | null }>(`query ($leaker: ID!, $asOf: Date) { leaker(id: $leaker, asOf: $asOf) { ${fields} } }`, { leaker: leakerId, asOf });
    chunk.forEach((day, i) => counts.set(day, data.leaker?.[`d${i}`] ?? { hits: 0, resolved: 0 }));
  }
  return counts;
}

/** Every forecast as of the day, in claim id order (the order Neo4j's pages give). */
export async function forecastsFromApi(api: GraphqlClient, asOf: Day): Promise<ClaimForecast[]> {
  const claims = (await api.all<{ claims: Connection<ClaimNode> }, ClaimNode>(claimsQuery, { asOf }, (data) => data.claims)).filter((claim) => claim.leaker !== null);
  const daysByLeaker = new Map<string, Set<Day>>();
  for (const claim of claims) daysByLeaker.set(claim.leaker!.slug, (daysByLeaker.get(claim.leaker!.slug) ?? new Set()).add(claim.publishedOn));
  const countsByLeaker = new Map<string, Map<Day, CredibilityCounts>>();
  for (const [leakerId, days] of daysByLeaker) countsByLeaker.set(leakerId, await countsOnDays(api, leakerId, [...days].sort(), asOf));
  return claims
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((claim) => {
      const leaker = claim.leaker!;
      const fact: ClaimFact = { id: claim.slug, leakerId: leaker.slug, statement: '', kind: 'OTHER', subjectIds: [], publishedOn: claim.publishedOn, resolutions: claim.resolutions.map((r) => ({ ...r, note: null })), sources: [] };
      return {
        claimId: claim.slug,
        leakerId: leaker.slug,
        leakerName: leaker.name,
        publishedOn: claim.publishedOn,
        outcome: claim.outcome,
        predicted: credibilityWhenPublished(countsByLeaker.get(leaker.slug)!.get(claim.publishedOn)!, credibilityChanges(fact), claim.publishedOn),
        observed: observedHit(claim.outcome),
      };
    });
}
