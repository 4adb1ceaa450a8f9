/**
 * Reads what one partnership outlook needs (outlook-facts) and the claims behind the scores of the
 * candidates a client asks about (outlook-evidence). Both are bounded by the optics partner: its
 * partnerships, the clauses, the manufacturers, and the evidence index entries about it.
 */
import { credibilityValue } from '../domain/credibility.ts';
import type { CompanyFact, ExclusivityFact, PartnershipFact } from '../domain/facts.ts';
import { WEIGHT_WITHOUT_LEAKER, type EvidenceDirection, type EvidenceSummary } from '../domain/partnership-evidence.ts';
import type { RequestContext } from '../context.ts';
import type { Row } from './executor.ts';
import { companyFact, exclusivityFact, partnershipFact } from './rows.ts';

export interface OutlookFacts {
  partner: CompanyFact;
  companies: CompanyFact[];
  partnerships: PartnershipFact[];
  exclusivities: ExclusivityFact[];
  evidence: Map<string, EvidenceSummary>;
  /** The partnership and clause rows as read, in the shape of their loaders (to prime them). */
  rows: { partnerships: Row[]; exclusivities: Row[] };
}

/** Weights of the evidence query, from the one home of each rule. */
const weights = { weightWithoutLeaker: WEIGHT_WITHOUT_LEAKER, newcomerCredibility: credibilityValue(0, 0) };

/** null when no company with that id was known on the day. */
export async function outlookFacts(
  context: Pick<RequestContext, 'graph' | 'roundTrips'>,
  opticsPartnerId: string,
  asOf: string,
  afterExclusivityId: string | null,
): Promise<OutlookFacts | null> {
  const [row] = await context.graph.read('outlook-facts', { partner: opticsPartnerId, asOf, afterExclusivity: afterExclusivityId, ...weights }, context.roundTrips);
  if (!row) return null;
  const partner = companyFact(row.partner as Row);
  const manufacturers = (row.manufacturers as unknown[][]).map(
    ([id, name, founded, dissolved, dissolvedKnownSince, knownSince, isOpticsPartner]): CompanyFact => ({
      id: String(id),
      name: String(name),
      isManufacturer: true,
      isOpticsPartner: Boolean(isOpticsPartner),
      founded: (founded as string | null) ?? null,
      dissolved: (dissolved as string | null) ?? null,
      dissolvedKnownSince: (dissolvedKnownSince as string | null) ?? null,
      knownSince: String(knownSince),
      sources: [],
    }),
  );
  const companies = manufacturers.some((company) => company.id === partner.id) ? manufacturers : [...manufacturers, partner];
  return {
    rows: { partnerships: row.partnerships as Row[], exclusivities: row.exclusivities as Row[] },
    partner,
    companies,
    partnerships: (row.partnerships as Row[]).map(partnershipFact),
    exclusivities: (row.exclusivities as Row[]).map(exclusivityFact),
    evidence: new Map(
      (row.evidence as unknown[][]).map(([id, logDoubtFor, logDoubtAgainst, claims]) => [
        String(id),
        { doubtFor: Math.exp(Number(logDoubtFor)), doubtAgainst: Math.exp(Number(logDoubtAgainst)), claims: Number(claims) },
      ]),
    ),
  };
}

/** One claim counted in a candidate's score, with its leaker's credibility on the as-of day. */
export interface EvidenceEntry {
  manufacturerId: string;
  claimId: string;
  leakerId: string | null;
  direction: EvidenceDirection;
  credibility: { hits: number; resolved: number; value: number } | null;
  weight: number;
}

/** The newest `limit` claims behind each manufacturer's score. */
export async function outlookEvidence(context: RequestContext, opticsPartnerId: string, manufacturerIds: readonly string[], asOf: string, limit: number): Promise<EvidenceEntry[]> {
  const rows = await context.graph.read('outlook-evidence', { partner: opticsPartnerId, manufacturers: manufacturerIds, asOf, limit }, context.roundTrips);
  return rows.map((row) => {
    const leakerId = row.leakerId === '' ? null : String(row.leakerId);
    const stored = row.credibility as { hits: number; resolved: number; value: number } | null;
    // A leaker with no decided claim yet has no step: a newcomer.
    const credibility = leakerId === null ? null : (stored ?? { hits: 0, resolved: 0, value: credibilityValue(0, 0) });
    return {
      manufacturerId: String(row.manufacturerId),
      claimId: String(row.claimId),
      leakerId,
      direction: row.direction as EvidenceDirection,
      credibility,
      weight: credibility?.value ?? WEIGHT_WITHOUT_LEAKER,
    };
  });
}
