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
import type { ProjectionSelection } from './statements.ts';
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

/** The parameters of `outlook-facts` for one outlook: the facts, and the evidence, as known on `asOf`. */
export function outlookFactsParameters(opticsPartnerId: string, asOf: string, afterExclusivityId: string | null = null) {
  return { partner: opticsPartnerId, asOf, afterExclusivity: afterExclusivityId, evidenceDays: [asOf], stillBindingOn: asOf, ...weights };
}

/** null when no company with that id was known on the day. */
export async function outlookFacts(
  context: Pick<RequestContext, 'graph' | 'roundTrips'>,
  opticsPartnerId: string,
  asOf: string,
  afterExclusivityId: string | null,
): Promise<OutlookFacts | null> {
  const [row] = await context.graph.read('outlook-facts', outlookFactsParameters(opticsPartnerId, asOf, afterExclusivityId), context.roundTrips);
  if (!row) return null;
  const { evidenceOn, ...facts } = factsOfRow(row);
  return { ...facts, evidence: evidenceOn.get(asOf) ?? new Map() };
}

/** The facts of one optics partner known on the latest of `days`, and the evidence summaries of each day. */
export interface OutlookFactsOnDays extends Omit<OutlookFacts, 'evidence'> {
  evidenceOn: Map<string, Map<string, EvidenceSummary>>;
}

/**
 * What the outlooks of one optics partner on many days need, in one round trip (the backtest asks one
 * per cut-off day): the facts known on the latest day, which the outlook's rules view as of each day
 * (src/domain/as-of.ts), and the evidence summarised for each day. null when the partner was not
 * known on the latest day.
 */
export async function outlookFactsOnDays(
  context: Pick<RequestContext, 'graph' | 'roundTrips'>,
  opticsPartnerId: string,
  days: readonly string[],
): Promise<OutlookFactsOnDays | null> {
  const sorted = days.toSorted();
  const [earliest, latest] = [sorted[0], sorted.at(-1)];
  if (earliest === undefined || latest === undefined) return null;
  const parameters = { ...outlookFactsParameters(opticsPartnerId, latest), evidenceDays: sorted, stillBindingOn: earliest };
  const [row] = await context.graph.read('outlook-facts', parameters, context.roundTrips);
  return row ? factsOfRow(row) : null;
}

function factsOfRow(row: Row): OutlookFactsOnDays {
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
    evidenceOn: new Map(
      (row.evidence as [string, unknown[][]][]).map(([day, summaries]) => [
        String(day),
        new Map(
          summaries.map(([id, logDoubtFor, logDoubtAgainst, claims]) => [
            String(id),
            { doubtFor: Math.exp(Number(logDoubtFor)), doubtAgainst: Math.exp(Number(logDoubtAgainst)), claims: Number(claims) },
          ]),
        ),
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
  /** The claim's row, narrowed to what the query shows of it (`selection`). */
  claim: Row;
}

/** Of the claim, only its id: the caller shows it through the claim loader, or not at all. */
const CLAIM_ID_ONLY: ProjectionSelection = { claim: ['id'] };

/** The newest `limit` claims behind each manufacturer's score, each claim read as far as `selection` says. */
export async function outlookEvidence(
  context: RequestContext,
  opticsPartnerId: string,
  manufacturerIds: readonly string[],
  asOf: string,
  limit: number,
  selection: ProjectionSelection = CLAIM_ID_ONLY,
): Promise<EvidenceEntry[]> {
  const rows = await context.graph.read('outlook-evidence', { partner: opticsPartnerId, manufacturers: manufacturerIds, asOf, limit }, context.roundTrips, selection);
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
      claim: row.claim as Row,
    };
  });
}
