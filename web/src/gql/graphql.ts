/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Binds =
  | 'BOTH'
  | 'MANUFACTURER'
  | 'OPTICS_PARTNER';

export type Certainty =
  /** A primary source says so. */
  | 'CONFIRMED'
  /** Deduced, e.g. "the most likely exclusivity clause". */
  | 'INFERRED'
  /** The press reports it. */
  | 'REPORTED';

export type ClauseEndBasis =
  /** Ends when a condition given in words is met. */
  | 'AWAITING_CONDITION'
  /** Ends with a launch not yet public on the as-of day. */
  | 'AWAITING_LAUNCH'
  /** Ends with its partnership, whose end was not yet public on the as-of day. */
  | 'AWAITING_PARTNERSHIP_END'
  /** Ends on a known date. */
  | 'DATE'
  /** Ended with a launch that has happened. */
  | 'LAUNCH'
  /** Ended with its partnership, whose end is public. */
  | 'PARTNERSHIP_END'
  /** Nothing public says when it ends. */
  | 'UNKNOWN';

export type EvidenceDirection =
  /** Says they will not. */
  | 'AGAINST'
  /** Says they will partner. */
  | 'FOR';

export type ExclusionReason =
  /** An exclusivity with another optics partner binds it on the evaluation day, in the region. */
  | 'BOUND_ELSEWHERE'
  /** Dissolved on or before the evaluation day. */
  | 'DISSOLVED'
  /** A partnership with the optics partner is in force on the evaluation day. */
  | 'EXISTING_PARTNER'
  /** Not yet founded on the evaluation day. */
  | 'NOT_FOUNDED'
  /** It is the optics partner itself (a company can have both roles). */
  | 'SAME_COMPANY';

export type Outcome =
  | 'CONFIRMED'
  | 'PARTLY_CONFIRMED'
  | 'REFUTED'
  | 'UNRESOLVED';

/** As known on the as-of day: an end not yet public then leaves a partnership ACTIVE. */
export type PartnershipStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'PLANNED';

export type BindingClauseFieldsFragment = { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } };

export type CandidateFieldsFragment = { score: number, pastPartner: boolean, explanation: string, evidenceClaims: number, manufacturer: { slug: string, name: string }, plannedPartnership: { slug: string, start: { text: string } } | null, evidence: Array<{ direction: EvidenceDirection, weight: number, credibility: number | null, credibilityHits: number | null, credibilityResolved: number | null, leaker: { slug: string, name: string } | null, claim: { slug: string, statement: string, publishedOn: string, outcome: Outcome, sources: Array<{ url: string, title: string }> } }> };

export type ExclusionFieldsFragment = { reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null };

export type OutlookFieldsFragment = { asOf: string, evaluatedOn: string, freeFrom: string | null, region: string | null, opticsPartner: { slug: string, name: string }, blockedBy: Array<{ clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }>, assumesEndOf: Array<{ clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }>, candidates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { score: number, pastPartner: boolean, explanation: string, evidenceClaims: number, manufacturer: { slug: string, name: string }, plannedPartnership: { slug: string, start: { text: string } } | null, evidence: Array<{ direction: EvidenceDirection, weight: number, credibility: number | null, credibilityHits: number | null, credibilityResolved: number | null, leaker: { slug: string, name: string } | null, claim: { slug: string, statement: string, publishedOn: string, outcome: Outcome, sources: Array<{ url: string, title: string }> } }> } }> }, existingPartners: Array<{ reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null }>, excluded: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null } }> } };

export type PageChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PageChoicesQuery = { opticsPartners: { edges: Array<{ node: { slug: string, name: string } }> }, earliestClaim: { edges: Array<{ node: { publishedOn: string } }> } };

export type OutlookQueryVariables = Exact<{
  opticsPartner: string | number;
  region?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type OutlookQuery = { partnershipOutlook: { asOf: string, evaluatedOn: string, freeFrom: string | null, region: string | null, opticsPartner: { slug: string, name: string }, blockedBy: Array<{ clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }>, assumesEndOf: Array<{ clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }>, candidates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { score: number, pastPartner: boolean, explanation: string, evidenceClaims: number, manufacturer: { slug: string, name: string }, plannedPartnership: { slug: string, start: { text: string } } | null, evidence: Array<{ direction: EvidenceDirection, weight: number, credibility: number | null, credibilityHits: number | null, credibilityResolved: number | null, leaker: { slug: string, name: string } | null, claim: { slug: string, statement: string, publishedOn: string, outcome: Outcome, sources: Array<{ url: string, title: string }> } }> } }> }, existingPartners: Array<{ reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null }>, excluded: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null } }> } } };

export type MoreCandidatesQueryVariables = Exact<{
  opticsPartner: string | number;
  region?: string | null | undefined;
  asOf?: string | null | undefined;
  after: string;
}>;


export type MoreCandidatesQuery = { partnershipOutlook: { candidates: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { score: number, pastPartner: boolean, explanation: string, evidenceClaims: number, manufacturer: { slug: string, name: string }, plannedPartnership: { slug: string, start: { text: string } } | null, evidence: Array<{ direction: EvidenceDirection, weight: number, credibility: number | null, credibilityHits: number | null, credibilityResolved: number | null, leaker: { slug: string, name: string } | null, claim: { slug: string, statement: string, publishedOn: string, outcome: Outcome, sources: Array<{ url: string, title: string }> } }> } }> } } };

export type MoreExclusionsQueryVariables = Exact<{
  opticsPartner: string | number;
  region?: string | null | undefined;
  asOf?: string | null | undefined;
  after: string;
}>;


export type MoreExclusionsQuery = { partnershipOutlook: { excluded: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null } }> } } };

export type PartnerTimelineQueryVariables = Exact<{
  opticsPartner: string | number;
  asOf?: string | null | undefined;
}>;


export type PartnerTimelineQuery = { opticsPartner: { slug: string, name: string, partnerships: { totalCount: number, edges: Array<{ node: { slug: string, status: PartnershipStatus, manufacturer: { slug: string, name: string } | null, start: { firstDay: string, text: string }, end: { lastDay: string, text: string } | null, exclusivityClauses: Array<{ slug: string, binds: Binds, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, start: { firstDay: string, text: string }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }> } }> }, claimsAbout: { totalCount: number, edges: Array<{ node: { slug: string, statement: string, publishedOn: string, outcome: Outcome, leaker: { name: string } | null, subjects: Array<
            | { __typename: 'Company', slug: string, name: string }
            | { __typename: 'Device' }
          > } }> } } | null };

export type OutlookChangedSubscriptionVariables = Exact<{
  opticsPartner: string | number;
  region?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type OutlookChangedSubscription = { outlookChanged: { asOf: string, evaluatedOn: string, freeFrom: string | null, region: string | null, opticsPartner: { slug: string, name: string }, blockedBy: Array<{ clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }>, assumesEndOf: Array<{ clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } }>, candidates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { score: number, pastPartner: boolean, explanation: string, evidenceClaims: number, manufacturer: { slug: string, name: string }, plannedPartnership: { slug: string, start: { text: string } } | null, evidence: Array<{ direction: EvidenceDirection, weight: number, credibility: number | null, credibilityHits: number | null, credibilityResolved: number | null, leaker: { slug: string, name: string } | null, claim: { slug: string, statement: string, publishedOn: string, outcome: Outcome, sources: Array<{ url: string, title: string }> } }> } }> }, existingPartners: Array<{ reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null }>, excluded: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { reason: ExclusionReason, founded: string | null, dissolved: string | null, manufacturer: { slug: string, name: string }, clause: { clause: { slug: string, certainty: Certainty, regions: Array<string> | null, exceptRegions: Array<string>, partnership: { slug: string, manufacturer: { slug: string, name: string } | null, opticsPartner: { slug: string, name: string } | null } | null }, end: { basis: ClauseEndBasis, lastDay: string | null, condition: string | null, launchOf: { name: string } | null } } | null, partnership: { slug: string, start: { text: string }, end: { text: string } | null, sources: Array<{ url: string, title: string }> } | null } }> } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const BindingClauseFieldsFragmentDoc = new TypedDocumentString(`
    fragment BindingClauseFields on BindingClause {
  clause {
    slug
    certainty
    regions
    exceptRegions
    partnership {
      slug
      manufacturer {
        slug
        name
      }
      opticsPartner {
        slug
        name
      }
    }
  }
  end {
    basis
    lastDay
    condition
    launchOf {
      name
    }
  }
}
    `, {"fragmentName":"BindingClauseFields"}) as unknown as TypedDocumentString<BindingClauseFieldsFragment, unknown>;
export const CandidateFieldsFragmentDoc = new TypedDocumentString(`
    fragment CandidateFields on OutlookCandidate {
  manufacturer {
    slug
    name
  }
  score
  pastPartner
  explanation
  evidenceClaims
  plannedPartnership {
    slug
    start {
      text
    }
  }
  evidence(first: 10) {
    direction
    weight
    credibility
    credibilityHits
    credibilityResolved
    leaker {
      slug
      name
    }
    claim {
      slug
      statement
      publishedOn
      outcome
      sources {
        url
        title
      }
    }
  }
}
    `, {"fragmentName":"CandidateFields"}) as unknown as TypedDocumentString<CandidateFieldsFragment, unknown>;
export const ExclusionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExclusionFields on OutlookExclusion {
  manufacturer {
    slug
    name
  }
  reason
  founded
  dissolved
  clause {
    ...BindingClauseFields
  }
  partnership {
    slug
    start {
      text
    }
    end {
      text
    }
    sources {
      url
      title
    }
  }
}
    fragment BindingClauseFields on BindingClause {
  clause {
    slug
    certainty
    regions
    exceptRegions
    partnership {
      slug
      manufacturer {
        slug
        name
      }
      opticsPartner {
        slug
        name
      }
    }
  }
  end {
    basis
    lastDay
    condition
    launchOf {
      name
    }
  }
}`, {"fragmentName":"ExclusionFields"}) as unknown as TypedDocumentString<ExclusionFieldsFragment, unknown>;
export const OutlookFieldsFragmentDoc = new TypedDocumentString(`
    fragment OutlookFields on PartnershipOutlook {
  asOf
  evaluatedOn
  freeFrom
  region
  opticsPartner {
    slug
    name
  }
  blockedBy {
    ...BindingClauseFields
  }
  assumesEndOf {
    ...BindingClauseFields
  }
  candidates(first: 20) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CandidateFields
      }
    }
  }
  existingPartners {
    ...ExclusionFields
  }
  excluded(first: 50) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExclusionFields
      }
    }
  }
}
    fragment BindingClauseFields on BindingClause {
  clause {
    slug
    certainty
    regions
    exceptRegions
    partnership {
      slug
      manufacturer {
        slug
        name
      }
      opticsPartner {
        slug
        name
      }
    }
  }
  end {
    basis
    lastDay
    condition
    launchOf {
      name
    }
  }
}
fragment CandidateFields on OutlookCandidate {
  manufacturer {
    slug
    name
  }
  score
  pastPartner
  explanation
  evidenceClaims
  plannedPartnership {
    slug
    start {
      text
    }
  }
  evidence(first: 10) {
    direction
    weight
    credibility
    credibilityHits
    credibilityResolved
    leaker {
      slug
      name
    }
    claim {
      slug
      statement
      publishedOn
      outcome
      sources {
        url
        title
      }
    }
  }
}
fragment ExclusionFields on OutlookExclusion {
  manufacturer {
    slug
    name
  }
  reason
  founded
  dissolved
  clause {
    ...BindingClauseFields
  }
  partnership {
    slug
    start {
      text
    }
    end {
      text
    }
    sources {
      url
      title
    }
  }
}`, {"fragmentName":"OutlookFields"}) as unknown as TypedDocumentString<OutlookFieldsFragment, unknown>;
export const PageChoicesDocument = new TypedDocumentString(`
    query PageChoices {
  opticsPartners(first: 200) {
    edges {
      node {
        slug
        name
      }
    }
  }
  earliestClaim: claims(first: 1, orderBy: PUBLISHED_ASC) {
    edges {
      node {
        publishedOn
      }
    }
  }
}
    `, {"hash":"sha256:f63648e9c036399b73b45f790de04cdb1f9aed5826c3e77f9120d2ba48cbac61"}) as unknown as TypedDocumentString<PageChoicesQuery, PageChoicesQueryVariables>;
export const OutlookDocument = new TypedDocumentString(`
    query Outlook($opticsPartner: ID!, $region: String, $asOf: Date) {
  partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {
    ...OutlookFields
  }
}
    fragment BindingClauseFields on BindingClause {
  clause {
    slug
    certainty
    regions
    exceptRegions
    partnership {
      slug
      manufacturer {
        slug
        name
      }
      opticsPartner {
        slug
        name
      }
    }
  }
  end {
    basis
    lastDay
    condition
    launchOf {
      name
    }
  }
}
fragment CandidateFields on OutlookCandidate {
  manufacturer {
    slug
    name
  }
  score
  pastPartner
  explanation
  evidenceClaims
  plannedPartnership {
    slug
    start {
      text
    }
  }
  evidence(first: 10) {
    direction
    weight
    credibility
    credibilityHits
    credibilityResolved
    leaker {
      slug
      name
    }
    claim {
      slug
      statement
      publishedOn
      outcome
      sources {
        url
        title
      }
    }
  }
}
fragment ExclusionFields on OutlookExclusion {
  manufacturer {
    slug
    name
  }
  reason
  founded
  dissolved
  clause {
    ...BindingClauseFields
  }
  partnership {
    slug
    start {
      text
    }
    end {
      text
    }
    sources {
      url
      title
    }
  }
}
fragment OutlookFields on PartnershipOutlook {
  asOf
  evaluatedOn
  freeFrom
  region
  opticsPartner {
    slug
    name
  }
  blockedBy {
    ...BindingClauseFields
  }
  assumesEndOf {
    ...BindingClauseFields
  }
  candidates(first: 20) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CandidateFields
      }
    }
  }
  existingPartners {
    ...ExclusionFields
  }
  excluded(first: 50) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExclusionFields
      }
    }
  }
}`, {"hash":"sha256:7d3d5568ad01cdea689c5dd75704249aa3a83ab626d16ebac6618411927a573a"}) as unknown as TypedDocumentString<OutlookQuery, OutlookQueryVariables>;
export const MoreCandidatesDocument = new TypedDocumentString(`
    query MoreCandidates($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {
  partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {
    candidates(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CandidateFields
        }
      }
    }
  }
}
    fragment CandidateFields on OutlookCandidate {
  manufacturer {
    slug
    name
  }
  score
  pastPartner
  explanation
  evidenceClaims
  plannedPartnership {
    slug
    start {
      text
    }
  }
  evidence(first: 10) {
    direction
    weight
    credibility
    credibilityHits
    credibilityResolved
    leaker {
      slug
      name
    }
    claim {
      slug
      statement
      publishedOn
      outcome
      sources {
        url
        title
      }
    }
  }
}`, {"hash":"sha256:ebcb20baf9b1935742973b2a3350b60f65e779b9d63845b652775d48773d0a57"}) as unknown as TypedDocumentString<MoreCandidatesQuery, MoreCandidatesQueryVariables>;
export const MoreExclusionsDocument = new TypedDocumentString(`
    query MoreExclusions($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {
  partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {
    excluded(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ExclusionFields
        }
      }
    }
  }
}
    fragment BindingClauseFields on BindingClause {
  clause {
    slug
    certainty
    regions
    exceptRegions
    partnership {
      slug
      manufacturer {
        slug
        name
      }
      opticsPartner {
        slug
        name
      }
    }
  }
  end {
    basis
    lastDay
    condition
    launchOf {
      name
    }
  }
}
fragment ExclusionFields on OutlookExclusion {
  manufacturer {
    slug
    name
  }
  reason
  founded
  dissolved
  clause {
    ...BindingClauseFields
  }
  partnership {
    slug
    start {
      text
    }
    end {
      text
    }
    sources {
      url
      title
    }
  }
}`, {"hash":"sha256:a955e70f8190d8e7c74e5da43f2635e599a519b6aa99661c8c8612d5e23274c6"}) as unknown as TypedDocumentString<MoreExclusionsQuery, MoreExclusionsQueryVariables>;
export const PartnerTimelineDocument = new TypedDocumentString(`
    query PartnerTimeline($opticsPartner: ID!, $asOf: Date) {
  opticsPartner(id: $opticsPartner, asOf: $asOf) {
    slug
    name
    partnerships(first: 100) {
      totalCount
      edges {
        node {
          slug
          status
          manufacturer {
            slug
            name
          }
          start {
            firstDay
            text
          }
          end {
            lastDay
            text
          }
          exclusivityClauses {
            slug
            binds
            certainty
            regions
            exceptRegions
            start {
              firstDay
              text
            }
            end {
              basis
              lastDay
              condition
              launchOf {
                name
              }
            }
          }
        }
      }
    }
    claimsAbout(first: 200) {
      totalCount
      edges {
        node {
          slug
          statement
          publishedOn
          outcome
          leaker {
            name
          }
          subjects {
            __typename
            ... on Company {
              slug
              name
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:85c037b1bc2b99877308ef7c51220d5ec5f0d3f80ddad7303c23b74995edeaf8"}) as unknown as TypedDocumentString<PartnerTimelineQuery, PartnerTimelineQueryVariables>;
export const OutlookChangedDocument = new TypedDocumentString(`
    subscription OutlookChanged($opticsPartner: ID!, $region: String, $asOf: Date) {
  outlookChanged(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {
    ...OutlookFields
  }
}
    fragment BindingClauseFields on BindingClause {
  clause {
    slug
    certainty
    regions
    exceptRegions
    partnership {
      slug
      manufacturer {
        slug
        name
      }
      opticsPartner {
        slug
        name
      }
    }
  }
  end {
    basis
    lastDay
    condition
    launchOf {
      name
    }
  }
}
fragment CandidateFields on OutlookCandidate {
  manufacturer {
    slug
    name
  }
  score
  pastPartner
  explanation
  evidenceClaims
  plannedPartnership {
    slug
    start {
      text
    }
  }
  evidence(first: 10) {
    direction
    weight
    credibility
    credibilityHits
    credibilityResolved
    leaker {
      slug
      name
    }
    claim {
      slug
      statement
      publishedOn
      outcome
      sources {
        url
        title
      }
    }
  }
}
fragment ExclusionFields on OutlookExclusion {
  manufacturer {
    slug
    name
  }
  reason
  founded
  dissolved
  clause {
    ...BindingClauseFields
  }
  partnership {
    slug
    start {
      text
    }
    end {
      text
    }
    sources {
      url
      title
    }
  }
}
fragment OutlookFields on PartnershipOutlook {
  asOf
  evaluatedOn
  freeFrom
  region
  opticsPartner {
    slug
    name
  }
  blockedBy {
    ...BindingClauseFields
  }
  assumesEndOf {
    ...BindingClauseFields
  }
  candidates(first: 20) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CandidateFields
      }
    }
  }
  existingPartners {
    ...ExclusionFields
  }
  excluded(first: 50) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExclusionFields
      }
    }
  }
}`, {"hash":"sha256:84750b3638a39c609959d9de5676b3f420ae15fefaf3f62779da335ccfbd20f0"}) as unknown as TypedDocumentString<OutlookChangedSubscription, OutlookChangedSubscriptionVariables>;
