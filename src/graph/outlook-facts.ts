/**
 * Reads what one partnership outlook needs (outlook-facts and, beside it, outlook-evidence-digest)
 * and the claims behind the scores of the candidates a client asks about (outlook-evidence). All are
 * bounded by the optics partner: its partnerships, the clauses, the manufacturers, and the evidence
 * index entries about it.
 */
import { credibilityOfCounts, type CredibilityCounts } from '../domain/credibility.ts';
import { digestOfRow, summariesOfDigest } from '../domain/evidence-digest.ts';
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
  /**
   * The credibility on the as-of day of each leaker the partner's evidence names, as the evidence
   * statement read it with the digest (null: no step yet, or not named): the page's claims show it
   * without reading it again.
   */
  credibilityOf: (leakerId: string) => CredibilityCounts | null;
  /** The partnership and clause rows as read, in the shape of their loaders (to prime them). */
  rows: { partnerships: Row[]; exclusivities: Row[] };
}

/**
 * The parameters of the two statements of one outlook's facts, as known on `asOf`: `outlook-facts`
 * (the partner, the manufacturers, partnerships and clauses) and `outlook-evidence-digest`.
 */
export function outlookFactsParameters(opticsPartnerId: string, asOf: string, afterExclusivityId: string | null = null) {
  return {
    facts: { partner: opticsPartnerId, asOf, afterExclusivity: afterExclusivityId, stillBindingOn: asOf },
    evidence: { partner: opticsPartnerId, evidenceDays: [asOf], scanShare: LATEST_STEPS_SCAN_SHARE },
  };
}

/**
 * The share of all leakers with a credibility step that a partner's leakers must reach for the
 * outlook to read every leaker's latest step in one scan rather than seek each of the partner's
 * (cypher/statements/outlook-evidence-digest.cypher): below it, the seeks cost less.
 */
export const LATEST_STEPS_SCAN_SHARE = 0.25;

/** null when no company with that id was known on the day. */
export async function outlookFacts(
  context: Pick<RequestContext, 'graph' | 'roundTrips'>,
  opticsPartnerId: string,
  asOf: string,
  afterExclusivityId: string | null,
): Promise<OutlookFacts | null> {
  const facts = await readFacts(context, outlookFactsParameters(opticsPartnerId, asOf, afterExclusivityId));
  if (!facts) return null;
  const { evidenceOn, credibilityOn, ...rest } = facts;
  return { ...rest, evidence: evidenceOn.get(asOf) ?? new Map(), credibilityOf: (leakerId) => credibilityOn(asOf, leakerId) };
}

/** The facts of one optics partner known on the latest of `days`, and the evidence summaries of each day. */
export interface OutlookFactsOnDays extends Omit<OutlookFacts, 'evidence' | 'credibilityOf'> {
  evidenceOn: Map<string, Map<string, EvidenceSummary>>;
  credibilityOn: (day: string, leakerId: string) => CredibilityCounts | null;
}

/**
 * What the outlooks of one optics partner on many days need, in one pair of statements (the backtest
 * asks one per cut-off day): the facts known on the latest day, which the outlook's rules view as of
 * each day (src/domain/as-of.ts), and the evidence summarised for each day. null when the partner was
 * not known on the latest day.
 */
export async function outlookFactsOnDays(
  context: Pick<RequestContext, 'graph' | 'roundTrips'>,
  opticsPartnerId: string,
  days: readonly string[],
): Promise<OutlookFactsOnDays | null> {
  const sorted = days.toSorted();
  const [earliest, latest] = [sorted[0], sorted.at(-1)];
  if (earliest === undefined || latest === undefined) return null;
  const parameters = outlookFactsParameters(opticsPartnerId, latest);
  return readFacts(context, { facts: { ...parameters.facts, stillBindingOn: earliest }, evidence: { ...parameters.evidence, evidenceDays: sorted } });
}

/**
 * The partnerships of the facts whole (they prime the partnership loader), but without the two
 * companies each carries to fill the company loader: for the busiest partner that was the partner's
 * own row 190 times, a third of what the statement returned to decode. The candidates' names come
 * from the facts' manufacturer rows (src/schema/outlook.ts); a page that shows more of the companies
 * reads them by key.
 */
const WHOLE_PARTNERSHIPS_ALONE: ProjectionSelection = { partnership: ['*', 'manufacturerId', 'opticsPartnerId', 'exclusivityIds', 'sourceIds'] };

/** The two statements of one outlook's facts as the service sends them (the scale bench profiles the same). */
export function outlookFactsStatements(parameters: ReturnType<typeof outlookFactsParameters>) {
  return [
    { name: 'outlook-facts', params: parameters.facts, selection: WHOLE_PARTNERSHIPS_ALONE },
    { name: 'outlook-evidence-digest', params: parameters.evidence, selection: undefined },
  ] as const;
}

/**
 * Both statements at once, on two connections: the evidence is the dear part for a partner named in
 * many claims (tens of thousands of index entries), the facts for a graph of many manufacturers, and
 * neither needs the other, so the outlook waits for the slower of the two rather than for both.
 */
async function readFacts(context: Pick<RequestContext, 'graph' | 'roundTrips'>, parameters: ReturnType<typeof outlookFactsParameters>): Promise<OutlookFactsOnDays | null> {
  const read = ({ name, params, selection }: ReturnType<typeof outlookFactsStatements>[number]) => context.graph.read(name, params, context.roundTrips, selection);
  const [facts, evidenceDigest] = outlookFactsStatements(parameters);
  const [rows, [digest]] = await Promise.all([read(facts), read(evidenceDigest)]);
  const row = wholeFacts(rows);
  return row ? { ...factsOfRow(row), ...evidenceOnDays(digest, parameters.evidence.evidenceDays) } : null;
}

/**
 * The evidence summaries of each day from outlook-evidence-digest's row: the partner's digest summed
 * with its leakers' credibility that day (src/domain/evidence-digest.ts). No digest: no evidence.
 */
function evidenceOnDays(row: Row | undefined, days: readonly string[]): Pick<OutlookFactsOnDays, 'evidenceOn' | 'credibilityOn'> {
  const digest = digestOfRow(row);
  if (!row || !digest) return { evidenceOn: new Map(days.map((day) => [day, new Map()])), credibilityOn: () => null };
  const credibilityOn = credibilitiesOfRow(row, digest.leakers);
  const indexOf = new Map(digest.leakers.map((id, index) => [id, index]));
  return {
    evidenceOn: new Map(days.map((day) => [day, summariesOfDigest(digest, day, (leaker) => credibilityOn(day, leaker)?.value ?? null)])),
    credibilityOn: (day, leakerId) => {
      const index = indexOf.get(leakerId);
      return index === undefined ? null : credibilityOn(day, index);
    },
  };
}

/**
 * Each listed leaker's credibility on a day, from the statement's row: every leaker's latest step,
 * which holds on every day asked about (`latest`), or the step of each leaker and day
 * (`credibilities`); see cypher/statements/outlook-evidence-digest.cypher. null: no step, a newcomer.
 */
function credibilitiesOfRow(row: Row, leakers: readonly string[]): (day: string, leaker: number) => CredibilityCounts | null {
  if (row.latest) {
    const latest = new Map((row.latest as StepRow<string>[]).map(([id, ...step]) => [id, credibilityOfStep(step)]));
    const steps = leakers.map((id) => latest.get(id) ?? null);
    return (_day, leaker) => steps[leaker] ?? null;
  }
  const onDay = new Map(
    (row.credibilities as [string, StepRow<number>[]][]).map(([day, rows]) => [day, new Map(rows.map(([index, ...step]) => [index, credibilityOfStep(step)]))]),
  );
  return (day, leaker) => onDay.get(day)?.get(leaker) ?? null;
}

/** [leaker or its index, hits, resolved], both null when the leaker has no step by the day. */
type StepRow<Leaker> = [Leaker, number | null, number | null];

/** A step's credibility; its value by the rule, as the step's writer worked it out (src/graph/credibility-steps.ts). */
function credibilityOfStep([hits, resolved]: [number | null, number | null]): CredibilityCounts | null {
  return hits === null || resolved === null ? null : credibilityOfCounts(hits, resolved);
}

/** outlook-facts' records (the partner on the first, the lists in slices) as one row; null: no partner known on the day. */
function wholeFacts(rows: Row[]): Row | null {
  const partner = rows.find((row) => row.partner !== null)?.partner;
  if (!partner) return null;
  const all = (list: string) => rows.flatMap((row) => row[list] as unknown[]);
  return { partner, manufacturers: all('manufacturers'), partnerships: all('partnerships'), exclusivities: all('exclusivities') };
}

function factsOfRow(row: Row): Omit<OutlookFactsOnDays, 'evidenceOn' | 'credibilityOn'> {
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
  };
}

/** One claim counted in a candidate's score, with its leaker's credibility on the as-of day. */
export interface EvidenceEntry {
  manufacturerId: string;
  claimId: string;
  leakerId: string | null;
  direction: EvidenceDirection;
  credibility: CredibilityCounts | null;
  weight: number;
  /** The claim's row, narrowed to what the query shows of it (`selection`). */
  claim: Row;
  /** The leaker's row, in the shape of the leaker loader; null when not asked for (or no leaker known on the day). */
  leaker: Row | null;
}

/** Of the claim, only its id: the caller shows it through the claim loader, or not at all. */
const CLAIM_ID_ONLY: ProjectionSelection = { claim: ['id'] };

/**
 * The newest `limit` claims behind each manufacturer's score, each claim read as far as `selection`
 * says, and with their leakers' rows when `withLeakers`.
 */
export async function outlookEvidence(
  context: RequestContext,
  opticsPartnerId: string,
  manufacturerIds: readonly string[],
  asOf: string,
  limit: number,
  credibilityOf: OutlookFacts['credibilityOf'],
  selection: ProjectionSelection = CLAIM_ID_ONLY,
  withLeakers = false,
): Promise<EvidenceEntry[]> {
  const parameters = { partner: opticsPartnerId, manufacturers: manufacturerIds, asOf, limit, withLeakers };
  const rows = await context.graph.read('outlook-evidence', parameters, context.roundTrips, selection);
  return rows.map((row) => {
    const leakerId = row.leakerId === '' ? null : String(row.leakerId);
    // Read with the digest, on the same day. A leaker with no decided claim yet has no step: a newcomer.
    const credibility = leakerId === null ? null : (credibilityOf(leakerId) ?? credibilityOfCounts());
    return {
      manufacturerId: String(row.manufacturerId),
      claimId: String(row.claimId),
      leakerId,
      direction: row.direction as EvidenceDirection,
      credibility,
      weight: credibility?.value ?? WEIGHT_WITHOUT_LEAKER,
      claim: row.claim as Row,
      leaker: (row.leaker as Row | null) ?? null,
    };
  });
}
