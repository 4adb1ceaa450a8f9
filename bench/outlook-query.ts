/**
 * The README's outlook selection ("The question it exists for"), asked today for one optics partner:
 * the first 10 candidates with the claims behind their scores, the existing partners, and the first
 * 50 exclusions, each list with its totalCount.
 */
export const outlookQuery = `query ($p: ID!) { partnershipOutlook(opticsPartner: $p) {
  evaluatedOn freeFrom
  blockedBy { clause { slug } end { lastDay basis } }
  assumesEndOf { clause { slug } end { basis condition launchOf { name } } }
  candidates(first: 10) {
    totalCount
    edges { node {
      manufacturer { name } score pastPartner explanation
      evidence { claim { statement publishedOn } leaker { name } credibility credibilityHits credibilityResolved weight direction }
    } }
    pageInfo { hasNextPage endCursor }
  }
  existingPartners { manufacturer { name } reason partnership { slug start { text } sources { url } } }
  excluded(first: 50) { totalCount edges { node { manufacturer { name } reason clause { clause { slug } } partnership { slug } } } }
} }`;
