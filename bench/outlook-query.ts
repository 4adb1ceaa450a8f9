/**
 * The README's outlook selection ("The question it exists for"), fitted to the schema the service
 * serves right now: its lists (`candidates`, `excluded`, ...) were plain lists and are becoming
 * paged connections (`first:` with totalCount), so which ones are paged is read by introspection,
 * not assumed; a paged one is asked for its first 50 and its totalCount.
 */
import { postGraphQL } from './contenders.ts';

const listSelections: Record<string, string> = {
  candidates: `manufacturer { name } score pastPartner explanation
    evidence { claim { statement publishedOn } leaker { name } credibility credibilityHits credibilityResolved weight direction }`,
  existingPartners: `manufacturer { name } reason partnership { slug start { text } sources { url } }`,
  excluded: `manufacturer { name } reason clause { clause { slug } } partnership { slug }`,
};

interface FetchesGraphQL {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

export async function outlookQuery(app: FetchesGraphQL): Promise<{ query: string; paged: string[] }> {
  const { data } = await postGraphQL(app, `{ __type(name: "PartnershipOutlook") { fields { name args { name } } } }`, {}, 'introspection');
  const fields = data.__type.fields as { name: string; args: { name: string }[] }[];
  const paged = fields.filter((f) => f.name in listSelections && f.args.some((a) => a.name === 'first')).map((f) => f.name);
  const lists = Object.entries(listSelections).map(([name, selection]) =>
    paged.includes(name) ? `${name}(first: 50) { totalCount edges { node { ${selection} } } }` : `${name} { ${selection} }`,
  );
  const query = `query ($p: ID!) { partnershipOutlook(opticsPartner: $p) {
    evaluatedOn freeFrom
    blockedBy { clause { slug } end { lastDay basis } }
    assumesEndOf { clause { slug } end { basis condition launchOf { name } } }
    ${lists.join('\n    ')} } }`;
  return { query, paged };
}
