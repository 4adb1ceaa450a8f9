/**
 * What the timeline picture needs, read through the service's GraphQL API instead of Neo4j: the
 * optics partner, its partnerships (`partnerships(opticsPartner:)`) with their clauses and each
 * clause's end as the service works it out, and the claims that name it (`claimsAbout`), a page a
 * request. The service applies the as-of rules; the picture is the one drawn from Neo4j's rows.
 */
import type { EndBasis } from '../../src/domain/exclusivity.ts';
import type { Day, Outcome } from '../../src/domain/facts.ts';
import { API_PAGE_SIZE, type Connection, type GraphqlClient, PAGE_INFO } from '../source/graphql-client.ts';
import type { ClaimAboutPartner, KnownPartnership } from './timeline-picture.ts';

interface PartnershipNode {
  slug: string;
  start: { text: string };
  end: { text: string } | null;
  manufacturer: { name: string } | null;
  exclusivityClauses: {
    slug: string;
    start: { text: string };
    certainty: string;
    binds: string;
    end: { basis: EndBasis; lastDay: Day | null; date: { text: string } | null; condition: string | null; launchOf: { name: string } | null };
  }[];
}

interface ClaimNode {
  slug: string;
  statement: string;
  publishedOn: Day;
  outcome: Outcome;
  leaker: { name: string } | null;
  subjects: { slug?: string; name?: string; roles?: string[] }[];
}

const partnershipsQuery = `query ($partner: ID!, $asOf: Date, $after: String) {
  opticsPartner(id: $partner, asOf: $asOf) { name }
  partnerships(opticsPartner: $partner, asOf: $asOf, first: ${API_PAGE_SIZE}, after: $after) {
    ${PAGE_INFO} edges { node { slug start { text } end { text } manufacturer { name }
      exclusivityClauses { slug start { text } certainty binds end { basis lastDay date { text } condition launchOf { name } } } } }
  }
}`;

const claimsQuery = `query ($partner: ID!, $asOf: Date, $after: String) {
  company(id: $partner, asOf: $asOf) { claimsAbout(first: ${API_PAGE_SIZE}, after: $after) {
    ${PAGE_INFO} edges { node { slug statement publishedOn outcome leaker { name } subjects { ... on Company { slug name roles } } } }
  } }
}`;

/** The partner's name and what the picture is drawn from; null when no such optics partner was known on the day. */
export async function readTimelineFromApi(
  api: GraphqlClient,
  partnerId: string,
  asOf: Day,
): Promise<{ partnerName: string; partnerships: KnownPartnership[]; claims: ClaimAboutPartner[] } | null> {
  let partnerName: string | null = null;
  type Data = { opticsPartner: { name: string } | null; partnerships: Connection<PartnershipNode> };
  const partnerships = await api.all<Data, PartnershipNode>(partnershipsQuery, { partner: partnerId, asOf }, (data) => {
    partnerName = data.opticsPartner?.name ?? null;
    return partnerName === null ? null : data.partnerships;
  });
  if (partnerName === null) return null;
  const claims = await api.all<{ company: { claimsAbout: Connection<ClaimNode> } | null }, ClaimNode>(claimsQuery, { partner: partnerId, asOf }, (data) => data.company?.claimsAbout ?? null);
  return {
    partnerName,
    partnerships: partnerships
      .map((p) => ({
        id: p.slug,
        start: p.start.text,
        end: p.end?.text ?? null,
        manufacturer: p.manufacturer?.name ?? '(a manufacturer not yet public)',
        clauses: p.exclusivityClauses.map((x) => ({
          id: x.slug,
          start: x.start.text,
          certainty: x.certainty,
          binds: x.binds,
          end: { basis: x.end.basis, lastDay: x.end.lastDay, date: x.end.date?.text ?? null, condition: x.end.condition, launchName: x.end.launchOf?.name ?? null },
        })),
      })),
    claims: claims.map((claim) => ({
      id: claim.slug,
      statement: claim.statement,
      publishedOn: claim.publishedOn,
      outcome: claim.outcome,
      leakerName: claim.leaker?.name ?? null,
      manufacturers: claim.subjects.flatMap((s) => (s.slug && s.slug !== partnerId && s.roles?.includes('MANUFACTURER') ? [s.name!] : [])),
    })),
  };
}
