/**
 * The outlook's evidence index, entry by entry: what one claim contributes to the question "which
 * claims speak for or against partner P and manufacturer M on day A". A claim of a partnership kind
 * (it has a direction) gives one entry per ordered pair of distinct companies it is about (either
 * may be the optics partner the outlook asks about) and per period it counts in (countingPeriods),
 * with its leaker ('' for none), so the outlook reads one index range per partner and day and never
 * touches a claim node. Claims of other kinds, or that never count, give none.
 *
 * The one home of this rule: the importer (new claims), every write that changes a claim
 * (src/graph/evidence.ts) and the initial load compute entries here and store them as they are.
 */

export interface EvidenceEntry {
  claim: string;
  partner: string;
  manufacturer: string;
  leaker: string;
  direction: string;
  from: string;
  until: string;
}

/** What a claim node stores that its entries depend on (derivedClaimProperties writes it). */
export interface EvidenceSource {
  id: string;
  leakerId?: string | null;
  evidenceDirection?: string | null;
  countsFrom?: readonly string[] | null;
  countsUntil?: readonly string[] | null;
}

/** The entries of `claim`, about the companies `companyIds` (devices it is about do not count). */
export function evidenceEntries(claim: EvidenceSource, companyIds: readonly string[]): EvidenceEntry[] {
  const direction = claim.evidenceDirection;
  const from = claim.countsFrom ?? [];
  const until = claim.countsUntil ?? [];
  if (!direction || from.length === 0) return [];
  if (until.length !== from.length) throw new Error(`claim ${claim.id}: ${from.length} counting periods start but ${until.length} end`);
  const companies = [...new Set(companyIds)];
  const entries: EvidenceEntry[] = [];
  for (const partner of companies) {
    for (const manufacturer of companies) {
      if (partner === manufacturer) continue;
      for (const [i, day] of from.entries()) {
        entries.push({ claim: claim.id, partner, manufacturer, leaker: claim.leakerId ?? '', direction, from: day, until: until[i] as string });
      }
    }
  }
  return entries;
}
