/**
 * The partner network's links read through the service's GraphQL API instead of Neo4j: per optics
 * partner known on the day, its partnerships started by then, the devices co-engineered with it, and
 * the claims naming it that say they will partner and were not refuted by the day (the outlook's
 * evidence rule, src/domain/partnership-evidence.ts: published, FOR, not refuted), counted per
 * manufacturer they name. partner-network.ts builds the same network from these as from Neo4j's.
 */
import type { ClaimKind, Day, Outcome } from '../../src/domain/facts.ts';
import { directionOfKind } from '../../src/domain/partnership-evidence.ts';
import { API_PAGE_SIZE, type Connection, type GraphqlClient, PAGE_INFO } from '../source/graphql-client.ts';
import type { PartnerLinks, TieKind } from './partner-network.ts';

interface Named {
  slug: string;
  name: string;
}

type Partner<K extends string, N> = { opticsPartner: ({ [key in K]: Connection<N> } & Named) | null };

const partnersQuery = `query ($asOf: Date, $after: String) {
  opticsPartners(asOf: $asOf, first: ${API_PAGE_SIZE}, after: $after) { ${PAGE_INFO} edges { node { slug name } } }
}`;

const partnerField = (field: string, node: string) => `query ($partner: ID!, $asOf: Date, $after: String) {
  opticsPartner(id: $partner, asOf: $asOf) { slug name ${field}(first: ${API_PAGE_SIZE}, after: $after) { ${PAGE_INFO} edges { node { ${node} } } } }
}`;

const partnershipsQuery = partnerField('partnerships', 'start { firstDay } opticsPartner { slug } manufacturer { slug name }');
const devicesQuery = partnerField('coEngineeredDevices', 'manufacturer { slug name }');
const claimsQuery = partnerField('claimsAbout', 'slug kind outcome subjects { ... on Company { slug name roles } }');

export async function readPartnerLinksFromApi(api: GraphqlClient, asOf: Day): Promise<PartnerLinks[]> {
  const partners = await api.all<{ opticsPartners: Connection<Named> }, Named>(partnersQuery, { asOf }, (data) => data.opticsPartners);
  const pages: PartnerLinks[] = [];
  for (const partner of partners) {
    const vars = { partner: partner.slug, asOf };
    const counts = new Map<string, { manufacturer: Named; kind: TieKind; n: number }>();
    const add = (manufacturer: Named, kind: TieKind) => {
      const key = `${manufacturer.slug}\u0000${kind}`;
      const link = counts.get(key) ?? { manufacturer, kind, n: 0 };
      link.n += 1;
      counts.set(key, link);
    };
    type PartnershipNode = { start: { firstDay: Day }; opticsPartner: { slug: string } | null; manufacturer: Named | null };
    const partnerships = await api.all<Partner<'partnerships', PartnershipNode>, PartnershipNode>(partnershipsQuery, vars, (d) => d.opticsPartner?.partnerships ?? null);
    // `partnerships` lists both sides of a company; the network ties the partner's own, started by the day.
    for (const p of partnerships) if (p.opticsPartner?.slug === partner.slug && p.manufacturer && p.start.firstDay <= asOf) add(p.manufacturer, 'partnerships');
    type DeviceNode = { manufacturer: Named | null };
    const devices = await api.all<Partner<'coEngineeredDevices', DeviceNode>, DeviceNode>(devicesQuery, vars, (d) => d.opticsPartner?.coEngineeredDevices ?? null);
    for (const d of devices) if (d.manufacturer && d.manufacturer.slug !== partner.slug) add(d.manufacturer, 'devices');
    type ClaimNode = { slug: string; kind: ClaimKind; outcome: Outcome; subjects: (Partial<Named> & { roles?: string[] })[] };
    const claims = await api.all<Partner<'claimsAbout', ClaimNode>, ClaimNode>(claimsQuery, vars, (d) => d.opticsPartner?.claimsAbout ?? null);
    for (const claim of claims) {
      if (directionOfKind(claim.kind) !== 'FOR' || claim.outcome === 'REFUTED') continue;
      for (const s of claim.subjects) if (s.slug && s.slug !== partner.slug && s.roles?.includes('MANUFACTURER')) add({ slug: s.slug, name: s.name! }, 'claims');
    }
    const links = [...counts.values()].map(({ manufacturer, kind, n }) => ({ manufacturerId: manufacturer.slug, manufacturerName: manufacturer.name, kind, n }));
    pages.push({ partnerId: partner.slug, partnerName: partner.name, links });
  }
  return pages;
}
