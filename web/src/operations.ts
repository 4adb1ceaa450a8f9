/**
 * Every operation the page sends, as tagged documents checked against schema/schema.graphql by
 * GraphQL Code Generator (`npm run codegen`): a field the schema no longer has fails the check in
 * `npm test`, and the generated types make the page's use of each result a type error.
 */
import { graphql } from './gql/index.ts';

export const bindingClauseFields = graphql(`
  fragment BindingClauseFields on BindingClause {
    clause {
      slug
      certainty
      regions
      exceptRegions
      partnership { slug manufacturer { slug name } opticsPartner { slug name } }
    }
    end { basis lastDay condition launchOf { name } }
  }
`);

export const candidateFields = graphql(`
  fragment CandidateFields on OutlookCandidate {
    manufacturer { slug name }
    score
    pastPartner
    explanation
    evidenceClaims
    plannedPartnership { slug start { text } }
    evidence(first: 10) {
      direction
      weight
      credibility
      credibilityHits
      credibilityResolved
      leaker { slug name }
      claim { slug statement publishedOn outcome sources { url title } }
    }
  }
`);

export const exclusionFields = graphql(`
  fragment ExclusionFields on OutlookExclusion {
    manufacturer { slug name }
    reason
    founded
    dissolved
    clause { ...BindingClauseFields }
    partnership { slug start { text } end { text } sources { url title } }
  }
`);

/** The whole answer the page shows; the live subscription selects the same. */
export const outlookFields = graphql(`
  fragment OutlookFields on PartnershipOutlook {
    asOf
    evaluatedOn
    freeFrom
    region
    opticsPartner { slug name }
    blockedBy { ...BindingClauseFields }
    assumesEndOf { ...BindingClauseFields }
    candidates(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...CandidateFields } }
    }
    existingPartners { ...ExclusionFields }
    excluded(first: 50) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ExclusionFields } }
    }
  }
`);

export const pageChoicesQuery = graphql(`
  query PageChoices {
    opticsPartners(first: 200) { edges { node { slug name } } }
    earliestClaim: claims(first: 1, orderBy: PUBLISHED_ASC) { edges { node { publishedOn } } }
  }
`);

export const outlookQuery = graphql(`
  query Outlook($opticsPartner: ID!, $region: String, $asOf: Date) {
    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }
  }
`);

export const moreCandidatesQuery = graphql(`
  query MoreCandidates($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {
    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {
      candidates(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { ...CandidateFields } }
      }
    }
  }
`);

export const moreExclusionsQuery = graphql(`
  query MoreExclusions($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {
    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {
      excluded(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { ...ExclusionFields } }
      }
    }
  }
`);

/** What the timeline chart draws: the partner's partnerships, their clauses, and the newest claims about it. */
export const partnerTimelineQuery = graphql(`
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
            manufacturer { slug name }
            start { firstDay text }
            end { lastDay text }
            exclusivityClauses {
              slug
              binds
              certainty
              regions
              exceptRegions
              start { firstDay text }
              end { basis lastDay condition launchOf { name } }
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
            leaker { name }
            subjects { __typename ... on Company { slug name } }
          }
        }
      }
    }
  }
`);

/** The same answer as `outlookQuery`, sent again each time a write changes it. */
export const outlookChangedSubscription = graphql(`
  subscription OutlookChanged($opticsPartner: ID!, $region: String, $asOf: Date) {
    outlookChanged(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }
  }
`);
