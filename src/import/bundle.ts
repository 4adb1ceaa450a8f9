/**
 * The import bundle (`optics-graph-bundle/1`) as TypeScript types: schema/bundle-format.md is the
 * specification and schema/bundle.schema.json checks the shape. Optional fields may be left out or
 * null; the importer treats both the same.
 */
import type { Binds, Certainty, ClaimKind, Day, EvidenceKind, FuzzyDate, Outcome } from '../domain/facts.ts';

export const BUNDLE_FORMAT = 'optics-graph-bundle/1';

export type Id = string;
export type CompanyRole = 'MANUFACTURER' | 'OPTICS_PARTNER';

export interface BundleSource {
  id: Id;
  url: string;
  title: string;
  publisher?: string | null;
  /** Imprecise date; its first day is also the source's known-since. */
  publishedOn: FuzzyDate;
}

export interface BundleCompany {
  id: Id;
  name: string;
  roles: CompanyRole[];
  country?: string | null;
  headquarters?: string | null;
  founded?: FuzzyDate | null;
  dissolved?: FuzzyDate | null;
  /** When the dissolution became public. Default: first day of `dissolved`. */
  dissolvedKnownSince?: Day | null;
  /** null = unknown. */
  markets?: string[] | null;
  /** Default: first day of `founded`, else 1900-01-01. */
  knownSince?: Day | null;
  sources?: Id[];
}

export interface BundleOwnership {
  id: Id;
  company: Id;
  owner: Id;
  start: FuzzyDate;
  end?: FuzzyDate | null;
  knownSince?: Day | null;
  endKnownSince?: Day | null;
  sources?: Id[];
}

export interface BundlePartnership {
  id: Id;
  manufacturer: Id;
  opticsPartner: Id;
  start: FuzzyDate;
  end?: FuzzyDate | null;
  knownSince?: Day | null;
  endKnownSince?: Day | null;
  summary?: string | null;
  sources?: Id[];
}

export interface BundleExclusivity {
  id: Id;
  partnership: Id;
  binds: Binds;
  start: FuzzyDate;
  /** Set at most one of `end`, `endsWithLaunchOf` and `endsWithPartnership`; none = no known end. */
  end?: FuzzyDate | null;
  endsWithLaunchOf?: Id | null;
  /** The clause ends with its partnership: its end is the partnership's end, known when that end is. */
  endsWithPartnership?: boolean | null;
  endCondition?: string | null;
  /** null = worldwide. */
  regions?: string[] | null;
  exceptRegions?: string[] | null;
  certainty: Certainty;
  knownSince?: Day | null;
  endKnownSince?: Day | null;
  sources?: Id[];
}

export interface BundleDevice {
  id: Id;
  name: string;
  manufacturer: Id;
  builtBy?: Id | null;
  opticsPartner?: Id | null;
  partnership?: Id | null;
  announced?: FuzzyDate | null;
  announcedKnownSince?: Day | null;
  released?: FuzzyDate | null;
  releasedKnownSince?: Day | null;
  cancelled?: FuzzyDate | null;
  cancelledKnownSince?: Day | null;
  becameDevice?: Id | null;
  /** First rumour. Default: first day of `announced` (required when there is none). */
  knownSince?: Day | null;
  sources?: Id[];
}

export interface BundleLeaker {
  id: Id;
  name: string;
  platform?: string | null;
  handle?: string | null;
  url?: string | null;
  /** Default: the day of the leaker's earliest claim in the same bundle, else 1900-01-01. */
  knownSince?: Day | null;
  sources?: Id[];
}

export interface BundleEvidence {
  kind: EvidenceKind;
  description?: string | null;
  url?: string | null;
}

export interface BundleResolution {
  outcome: Outcome;
  decidedOn: Day;
  /** Default: `decidedOn`. */
  knownSince?: Day | null;
  note?: string | null;
  sources?: Id[];
}

export interface BundleClaim {
  id: Id;
  leaker?: Id | null;
  statement: string;
  kind: ClaimKind;
  /** Company or device ids. */
  subjects: Id[];
  /** Exact day; also the claim's known-since. */
  publishedOn: Day;
  evidence?: BundleEvidence[];
  /** Oldest first. */
  resolutions?: BundleResolution[];
  sources?: Id[];
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  sources?: BundleSource[];
  companies?: BundleCompany[];
  ownerships?: BundleOwnership[];
  partnerships?: BundlePartnership[];
  exclusivities?: BundleExclusivity[];
  devices?: BundleDevice[];
  leakers?: BundleLeaker[];
  claims?: BundleClaim[];
}

/** The kinds of stored entity an import reports on, in the order they are written. */
export const ENTITY_KINDS = ['sources', 'companies', 'leakers', 'devices', 'partnerships', 'ownerships', 'exclusivities', 'claims', 'resolutions'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Bundle keys holding entity lists (resolutions live inside claims). */
export const BUNDLE_LISTS = ENTITY_KINDS.filter((kind) => kind !== 'resolutions') as Exclude<EntityKind, 'resolutions'>[];
