/**
 * The facts the derived answers (credibility, freedom, outlook) are computed from, as plain data.
 * The repository fetches them from Neo4j; the rules in this folder never do I/O.
 *
 * Dates: `Day` is an ISO day string `YYYY-MM-DD` (compares correctly as a string).
 * `FuzzyDate` is an imprecise valid-time date: `2021`, `2021-Q3`, `2021-H2`, `2021-07`, `2021-07-29`.
 * Every fact carries `knownSince`: the day it became public. Parts learned later carry their own.
 */
export type Day = string;
export type FuzzyDate = string;

// Each set of values once: the GraphQL enums (src/schema) are built from these arrays, and a unit test
// holds the bundle's JSON Schema to them.
export const CERTAINTIES = ['CONFIRMED', 'REPORTED', 'INFERRED'] as const;
export type Certainty = (typeof CERTAINTIES)[number];
export const BINDS = ['OPTICS_PARTNER', 'MANUFACTURER', 'BOTH'] as const;
export type Binds = (typeof BINDS)[number];
export const OUTCOMES = ['UNRESOLVED', 'CONFIRMED', 'PARTLY_CONFIRMED', 'REFUTED'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const CLAIM_KINDS = ['WILL_PARTNER', 'WILL_NOT_PARTNER', 'PARTNERSHIP_ENDED', 'EXCLUSIVITY', 'DEVICE_FEATURE', 'DEVICE_LAUNCH', 'OTHER'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const EVIDENCE_KINDS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'POST'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface CompanyFact {
  id: string;
  name: string;
  isManufacturer: boolean;
  isOpticsPartner: boolean;
  founded: FuzzyDate | null;
  dissolved: FuzzyDate | null;
  /** When the dissolution became public; it is invisible before (default: the first day of `dissolved`). */
  dissolvedKnownSince: Day | null;
  knownSince: Day;
  sources: string[];
}

export interface PartnershipFact {
  id: string;
  manufacturerId: string;
  opticsPartnerId: string;
  start: FuzzyDate;
  end: FuzzyDate | null;
  knownSince: Day;
  /** When the end became public; the end is invisible before it. */
  endKnownSince: Day | null;
  sources: string[];
}

/** The end of the partnership a clause belongs to, for clauses that end with it. */
export interface PartnershipEndFact {
  partnershipId: string;
  /** null while the partnership runs, or while its end is not public on the as-of day of a view. */
  end: FuzzyDate | null;
  endKnownSince: Day | null;
}

/** The launch (announcement) of a device, for clauses that end with it. */
export interface LaunchFact {
  deviceId: string;
  deviceName: string;
  announced: FuzzyDate | null;
  announcedKnownSince: Day | null;
}

export interface ExclusivityFact {
  id: string;
  partnershipId: string;
  manufacturerId: string;
  opticsPartnerId: string;
  binds: Binds;
  start: FuzzyDate;
  end: FuzzyDate | null;
  endKnownSince: Day | null;
  /** Set when the clause ends with an event rather than on a date. */
  endsWithLaunchOf: LaunchFact | null;
  /**
   * Set when the clause ends with its partnership (common in real contracts): its end is then the
   * partnership's end, known from when that end is known.
   */
  endsWithPartnership: PartnershipEndFact | null;
  endCondition: string | null;
  /** null = worldwide. */
  regions: string[] | null;
  exceptRegions: string[];
  certainty: Certainty;
  knownSince: Day;
  sources: string[];
}

export interface ResolutionFact {
  outcome: Outcome;
  decidedOn: Day;
  knownSince: Day;
  note: string | null;
}

export interface ClaimFact {
  id: string;
  leakerId: string | null;
  statement: string;
  kind: ClaimKind;
  subjectIds: string[];
  publishedOn: Day;
  /** Oldest first; the outcome as of A is the last one known by A. */
  resolutions: ResolutionFact[];
  sources: string[];
}

export interface LeakerFact {
  id: string;
  name: string;
  knownSince: Day;
}

/** A device and when each step of its life became public; read by the company timeline. */
export interface DeviceFact {
  id: string;
  name: string;
  manufacturerId: string;
  /** The company that builds it for the manufacturer, when another one does. */
  builtById: string | null;
  opticsPartnerId: string | null;
  partnershipId: string | null;
  announced: FuzzyDate | null;
  announcedKnownSince: Day | null;
  released: FuzzyDate | null;
  releasedKnownSince: Day | null;
  cancelled: FuzzyDate | null;
  cancelledKnownSince: Day | null;
  /** The device a rumoured one shipped as ("Xiaomi 12 Ultra" became the 12S Ultra). */
  becameDeviceId: string | null;
  /** First rumour. */
  knownSince: Day;
  sources: string[];
}
