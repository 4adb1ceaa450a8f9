/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment BindingClauseFields on BindingClause {\n    clause {\n      slug\n      certainty\n      regions\n      exceptRegions\n      partnership { slug manufacturer { slug name } opticsPartner { slug name } }\n    }\n    end { basis lastDay condition launchOf { name } }\n  }\n": typeof types.BindingClauseFieldsFragmentDoc,
    "\n  fragment CandidateFields on OutlookCandidate {\n    manufacturer { slug name }\n    score\n    pastPartner\n    explanation\n    evidenceClaims\n    plannedPartnership { slug start { text } }\n    evidence(first: 10) {\n      direction\n      weight\n      credibility\n      credibilityHits\n      credibilityResolved\n      leaker { slug name }\n      claim { slug statement publishedOn outcome sources { url title } }\n    }\n  }\n": typeof types.CandidateFieldsFragmentDoc,
    "\n  fragment ExclusionFields on OutlookExclusion {\n    manufacturer { slug name }\n    reason\n    founded\n    dissolved\n    clause { ...BindingClauseFields }\n    partnership { slug start { text } end { text } sources { url title } }\n  }\n": typeof types.ExclusionFieldsFragmentDoc,
    "\n  fragment OutlookFields on PartnershipOutlook {\n    asOf\n    evaluatedOn\n    freeFrom\n    region\n    opticsPartner { slug name }\n    blockedBy { ...BindingClauseFields }\n    assumesEndOf { ...BindingClauseFields }\n    candidates(first: 20) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CandidateFields } }\n    }\n    existingPartners { ...ExclusionFields }\n    excluded(first: 50) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ExclusionFields } }\n    }\n  }\n": typeof types.OutlookFieldsFragmentDoc,
    "\n  query PageChoices {\n    opticsPartners(first: 200) { edges { node { slug name } } }\n    earliestClaim: claims(first: 1, orderBy: PUBLISHED_ASC) { edges { node { publishedOn } } }\n  }\n": typeof types.PageChoicesDocument,
    "\n  query Outlook($opticsPartner: ID!, $region: String, $asOf: Date) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }\n  }\n": typeof types.OutlookDocument,
    "\n  query MoreCandidates($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {\n      candidates(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges { node { ...CandidateFields } }\n      }\n    }\n  }\n": typeof types.MoreCandidatesDocument,
    "\n  query MoreExclusions($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {\n      excluded(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges { node { ...ExclusionFields } }\n      }\n    }\n  }\n": typeof types.MoreExclusionsDocument,
    "\n  query PartnerTimeline($opticsPartner: ID!, $asOf: Date) {\n    opticsPartner(id: $opticsPartner, asOf: $asOf) {\n      slug\n      name\n      partnerships(first: 100) {\n        totalCount\n        edges {\n          node {\n            slug\n            status\n            manufacturer { slug name }\n            start { firstDay text }\n            end { lastDay text }\n            exclusivityClauses {\n              slug\n              binds\n              certainty\n              regions\n              exceptRegions\n              start { firstDay text }\n              end { basis lastDay condition launchOf { name } }\n            }\n          }\n        }\n      }\n      claimsAbout(first: 200) {\n        totalCount\n        edges {\n          node {\n            slug\n            statement\n            publishedOn\n            outcome\n            leaker { name }\n            subjects { __typename ... on Company { slug name } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PartnerTimelineDocument,
    "\n  subscription OutlookChanged($opticsPartner: ID!, $region: String, $asOf: Date) {\n    outlookChanged(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }\n  }\n": typeof types.OutlookChangedDocument,
};
const documents: Documents = {
    "\n  fragment BindingClauseFields on BindingClause {\n    clause {\n      slug\n      certainty\n      regions\n      exceptRegions\n      partnership { slug manufacturer { slug name } opticsPartner { slug name } }\n    }\n    end { basis lastDay condition launchOf { name } }\n  }\n": types.BindingClauseFieldsFragmentDoc,
    "\n  fragment CandidateFields on OutlookCandidate {\n    manufacturer { slug name }\n    score\n    pastPartner\n    explanation\n    evidenceClaims\n    plannedPartnership { slug start { text } }\n    evidence(first: 10) {\n      direction\n      weight\n      credibility\n      credibilityHits\n      credibilityResolved\n      leaker { slug name }\n      claim { slug statement publishedOn outcome sources { url title } }\n    }\n  }\n": types.CandidateFieldsFragmentDoc,
    "\n  fragment ExclusionFields on OutlookExclusion {\n    manufacturer { slug name }\n    reason\n    founded\n    dissolved\n    clause { ...BindingClauseFields }\n    partnership { slug start { text } end { text } sources { url title } }\n  }\n": types.ExclusionFieldsFragmentDoc,
    "\n  fragment OutlookFields on PartnershipOutlook {\n    asOf\n    evaluatedOn\n    freeFrom\n    region\n    opticsPartner { slug name }\n    blockedBy { ...BindingClauseFields }\n    assumesEndOf { ...BindingClauseFields }\n    candidates(first: 20) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CandidateFields } }\n    }\n    existingPartners { ...ExclusionFields }\n    excluded(first: 50) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ExclusionFields } }\n    }\n  }\n": types.OutlookFieldsFragmentDoc,
    "\n  query PageChoices {\n    opticsPartners(first: 200) { edges { node { slug name } } }\n    earliestClaim: claims(first: 1, orderBy: PUBLISHED_ASC) { edges { node { publishedOn } } }\n  }\n": types.PageChoicesDocument,
    "\n  query Outlook($opticsPartner: ID!, $region: String, $asOf: Date) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }\n  }\n": types.OutlookDocument,
    "\n  query MoreCandidates($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {\n      candidates(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges { node { ...CandidateFields } }\n      }\n    }\n  }\n": types.MoreCandidatesDocument,
    "\n  query MoreExclusions($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {\n      excluded(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges { node { ...ExclusionFields } }\n      }\n    }\n  }\n": types.MoreExclusionsDocument,
    "\n  query PartnerTimeline($opticsPartner: ID!, $asOf: Date) {\n    opticsPartner(id: $opticsPartner, asOf: $asOf) {\n      slug\n      name\n      partnerships(first: 100) {\n        totalCount\n        edges {\n          node {\n            slug\n            status\n            manufacturer { slug name }\n            start { firstDay text }\n            end { lastDay text }\n            exclusivityClauses {\n              slug\n              binds\n              certainty\n              regions\n              exceptRegions\n              start { firstDay text }\n              end { basis lastDay condition launchOf { name } }\n            }\n          }\n        }\n      }\n      claimsAbout(first: 200) {\n        totalCount\n        edges {\n          node {\n            slug\n            statement\n            publishedOn\n            outcome\n            leaker { name }\n            subjects { __typename ... on Company { slug name } }\n          }\n        }\n      }\n    }\n  }\n": types.PartnerTimelineDocument,
    "\n  subscription OutlookChanged($opticsPartner: ID!, $region: String, $asOf: Date) {\n    outlookChanged(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }\n  }\n": types.OutlookChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BindingClauseFields on BindingClause {\n    clause {\n      slug\n      certainty\n      regions\n      exceptRegions\n      partnership { slug manufacturer { slug name } opticsPartner { slug name } }\n    }\n    end { basis lastDay condition launchOf { name } }\n  }\n"): typeof import('./graphql').BindingClauseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CandidateFields on OutlookCandidate {\n    manufacturer { slug name }\n    score\n    pastPartner\n    explanation\n    evidenceClaims\n    plannedPartnership { slug start { text } }\n    evidence(first: 10) {\n      direction\n      weight\n      credibility\n      credibilityHits\n      credibilityResolved\n      leaker { slug name }\n      claim { slug statement publishedOn outcome sources { url title } }\n    }\n  }\n"): typeof import('./graphql').CandidateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExclusionFields on OutlookExclusion {\n    manufacturer { slug name }\n    reason\n    founded\n    dissolved\n    clause { ...BindingClauseFields }\n    partnership { slug start { text } end { text } sources { url title } }\n  }\n"): typeof import('./graphql').ExclusionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutlookFields on PartnershipOutlook {\n    asOf\n    evaluatedOn\n    freeFrom\n    region\n    opticsPartner { slug name }\n    blockedBy { ...BindingClauseFields }\n    assumesEndOf { ...BindingClauseFields }\n    candidates(first: 20) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CandidateFields } }\n    }\n    existingPartners { ...ExclusionFields }\n    excluded(first: 50) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ExclusionFields } }\n    }\n  }\n"): typeof import('./graphql').OutlookFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageChoices {\n    opticsPartners(first: 200) { edges { node { slug name } } }\n    earliestClaim: claims(first: 1, orderBy: PUBLISHED_ASC) { edges { node { publishedOn } } }\n  }\n"): typeof import('./graphql').PageChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outlook($opticsPartner: ID!, $region: String, $asOf: Date) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }\n  }\n"): typeof import('./graphql').OutlookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreCandidates($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {\n      candidates(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges { node { ...CandidateFields } }\n      }\n    }\n  }\n"): typeof import('./graphql').MoreCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreExclusions($opticsPartner: ID!, $region: String, $asOf: Date, $after: String!) {\n    partnershipOutlook(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) {\n      excluded(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges { node { ...ExclusionFields } }\n      }\n    }\n  }\n"): typeof import('./graphql').MoreExclusionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerTimeline($opticsPartner: ID!, $asOf: Date) {\n    opticsPartner(id: $opticsPartner, asOf: $asOf) {\n      slug\n      name\n      partnerships(first: 100) {\n        totalCount\n        edges {\n          node {\n            slug\n            status\n            manufacturer { slug name }\n            start { firstDay text }\n            end { lastDay text }\n            exclusivityClauses {\n              slug\n              binds\n              certainty\n              regions\n              exceptRegions\n              start { firstDay text }\n              end { basis lastDay condition launchOf { name } }\n            }\n          }\n        }\n      }\n      claimsAbout(first: 200) {\n        totalCount\n        edges {\n          node {\n            slug\n            statement\n            publishedOn\n            outcome\n            leaker { name }\n            subjects { __typename ... on Company { slug name } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OutlookChanged($opticsPartner: ID!, $region: String, $asOf: Date) {\n    outlookChanged(opticsPartner: $opticsPartner, region: $region, asOf: $asOf) { ...OutlookFields }\n  }\n"): typeof import('./graphql').OutlookChangedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
