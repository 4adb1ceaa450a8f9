/**
 * The README's outlook selection ("The question it exists for"), fitted to the schema the service
 * serves right now: `candidates` is a plain list today and is becoming a paged connection
 * (`candidates(first:)` with totalCount), so the shape is read by introspection, not assumed.
 */
import { postGraphQL } from './contenders.ts';

const candidateFields = `manufacturer { name } score pastPartner explanation
  evidence { claim { statement publishedOn } leaker { name } credibility credibilityHits credibilityResolved weight direction }`;

interface FetchesGraphQL {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

export async function outlookQuery(app: FetchesGraphQL): Promise<{ query: string; paged: boolean }> {
  const { data } = await postGraphQL(app, `{ __type(name: "PartnershipOutlook") { fields { name args { name } } } }`, {}, 'introspection');
  const candidates = (data.__type.fields as { name: string; args: { name: string }[] }[]).find((f) => f.name === 'candidates');
  const paged = candidates?.args.some((a) => a.name === 'first') ?? false;
  const selection = paged ? `candidates(first: 50) { totalCount edges { node { ${candidateFields} } } }` : `candidates { ${candidateFields} }`;
  const query = `query ($p: ID!) { partnershipOutlook(opticsPartner: $p) {
    evaluatedOn freeFrom
    blockedBy { clause { slug } end { lastDay basis } }
    assumesEndOf { clause { slug } end { basis condition launchOf { name } } }
    ${selection}
    existingPartners { manufacturer { name } reason partnership { slug start { text } sources { url } } }
    excluded { manufacturer { name } reason clause { clause { slug } } partnership { slug } } } }`;
  return { query, paged };
}
