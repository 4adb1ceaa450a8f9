/** Companies: manufacturers and optics partners (one company may be both), and their root fields. */
import { companyAsOf, ownershipEndAsOf } from '../domain/as-of.ts';
import { firstDay } from '../domain/fuzzy-date.ts';
import { entityKey, type Loaded } from '../graph/loaders.ts';
import { companyFact } from '../graph/rows.ts';
import { builder } from './builder.ts';
import { claimPageShape } from './claim.ts';
import { asOfArgDescription, asOfDay, FuzzyDateRef } from './common.ts';
import { devicePageShape } from './device.ts';
import type { PageShape } from './page-shape.ts';
import { type NestedPage, pageFromStatement, pageOfRelated, relatedIds, withTotalCount } from './paging.ts';
import { ClaimRef, CompanyRef, DeviceRef, ExclusivityRef, knownLaterDescription, OwnershipRef, PartnershipRef, relatedAll, SourceRef, findByKey } from './refs.ts';

export const CompanyRole = builder.enumType('CompanyRole', {
  values: { MANUFACTURER: { value: 'Manufacturer' }, OPTICS_PARTNER: { value: 'OpticsPartner' } } as const,
});

const text = (entity: Loaded, field: string) => (entity[field] as string | null | undefined) ?? null;

/** The dissolution as known on the company's as-of day (the one as-of rule, src/domain/as-of.ts), or null. */
function knownDissolution(c: Loaded): { dissolved: string; dissolvedKnownSince: string } | null {
  const company = companyAsOf(companyFact(c), c.asOf);
  if (company?.dissolved == null) return null;
  return { dissolved: company.dissolved, dissolvedKnownSince: company.dissolvedKnownSince ?? firstDay(company.dissolved) };
}

const DISSOLUTION = ['name', 'roles', 'founded', 'dissolved', 'dissolvedKnownSince', 'knownSince'];

/**
 * What each field below reads of cypher/projections/company.cypher, so a page of companies reads
 * only what its query shows (page-shape.ts). A field missing here makes pages read full rows: add it.
 */
export const companyPageShape: PageShape = {
  projection: 'company',
  needs: {
    slug: ['id'],
    name: ['name'],
    roles: ['roles'],
    country: ['country'],
    headquarters: ['headquarters'],
    founded: ['founded'],
    dissolved: DISSOLUTION,
    dissolvedKnownSince: DISSOLUTION,
    markets: ['markets'],
    knownSince: ['knownSince'],
    sources: ['sourceIds'],
    devices: [],
    coEngineeredDevices: [],
    partnerships: [],
    exclusivityClauses: [],
    claimsAbout: [],
    ownerships: [],
  },
  embedVia: {},
};

CompanyRef.implement({
  description: 'A company: a phone manufacturer, an optics partner, or both (Leica makes Leitz phones).',
  fields: (t) => ({
    slug: t.string({ description: 'The natural id, e.g. "leica".', resolve: (c) => String(c.id) }),
    asOf: t.field({ type: 'Date', description: 'The day this view of the company is as of.', resolve: (c) => c.asOf }),
    name: t.string({ resolve: (c) => String(c.name) }),
    roles: t.field({ type: [CompanyRole], resolve: (c) => c.roles as ('Manufacturer' | 'OpticsPartner')[] }),
    country: t.string({ nullable: true, resolve: (c) => text(c, 'country') }),
    headquarters: t.string({ nullable: true, resolve: (c) => text(c, 'headquarters') }),
    founded: t.field({ type: FuzzyDateRef, nullable: true, resolve: (c) => text(c, 'founded') }),
    dissolved: t.field({
      type: FuzzyDateRef,
      nullable: true,
      description: 'Null while it exists, or while its dissolution was not yet public on the as-of day. It exists on every day of this period.',
      resolve: (c) => knownDissolution(c)?.dissolved ?? null,
    }),
    dissolvedKnownSince: t.field({
      type: 'Date',
      nullable: true,
      description: 'When the dissolution became public.',
      resolve: (c) => knownDissolution(c)?.dissolvedKnownSince ?? null,
    }),
    markets: t.stringList({ resolve: (c) => (c.markets as string[] | null) ?? [] }),
    knownSince: t.field({ type: 'Date', resolve: (c) => String(c.knownSince) }),
    sources: t.field({
      type: [SourceRef],
      // A company row that came along with a device, claim or partnership leaves its sources out.
      resolve: (c, _args, ctx) => (Array.isArray(c.sourceIds) ? relatedAll(ctx, SourceRef, c.sourceIds, c.asOf) : relatedIds(ctx, 'company-sources', c)),
    }),
    devices: t.connection(
      {
        type: DeviceRef,
        description: 'Devices it makes, as known on the as-of day.',
        resolve: (c, args, ctx, info) => pageOfRelated(ctx, args, info, DeviceRef, 'company-devices', c, devicePageShape),
      },
      withTotalCount,
    ),
    coEngineeredDevices: t.connection(
      {
        type: DeviceRef,
        description: 'Devices co-engineered with it as optics partner.',
        resolve: (c, args, ctx, info) => pageOfRelated(ctx, args, info, DeviceRef, 'company-co-engineered-devices', c, devicePageShape),
      },
      withTotalCount,
    ),
    partnerships: t.connection(
      {
        type: PartnershipRef,
        description: 'Its partnerships, on either side.',
        resolve: (c, args, ctx, info) => pageOfRelated(ctx, args, info, PartnershipRef, 'company-partnerships', c),
      },
      withTotalCount,
    ),
    exclusivityClauses: t.field({
      type: [ExclusivityRef],
      description: 'Exclusivity clauses on its partnerships, whoever they bind.',
      resolve: (c, _args, ctx) => relatedIds(ctx, 'company-exclusivities', c),
    }),
    claimsAbout: t.connection(
      { type: ClaimRef, description: 'Claims that name it.', resolve: (c, args, ctx, info) => pageOfRelated(ctx, args, info, ClaimRef, 'company-claims', c, claimPageShape) },
      withTotalCount,
    ),
    ownerships: t.field({ type: [OwnershipRef], description: 'Who owned it, and whom it owned, over time.', resolve: (c, _args, ctx) => relatedIds(ctx, 'company-ownerships', c) }),
  }),
});

OwnershipRef.implement({
  description: 'One company owning another for a period (Huawei owned Honor until 2020-11-17).',
  fields: (t) => ({
    slug: t.string({ resolve: (o) => String(o.id) }),
    company: t.field({ type: CompanyRef, nullable: true, description: knownLaterDescription('the owned company'), resolve: (o) => entityKey(o.companyId, o.asOf) }),
    owner: t.field({ type: CompanyRef, nullable: true, description: knownLaterDescription('the owner'), resolve: (o) => entityKey(o.ownerId, o.asOf) }),
    start: t.field({ type: FuzzyDateRef, resolve: (o) => String(o.start) }),
    end: t.field({
      type: FuzzyDateRef,
      nullable: true,
      description: 'Null while it lasts, or while its end was not yet public on the as-of day.',
      resolve: (o) => ownershipEndAsOf({ end: text(o, 'end'), endKnownSince: text(o, 'endKnownSince') }, o.asOf),
    }),
    knownSince: t.field({ type: 'Date', resolve: (o) => String(o.knownSince) }),
    sources: t.field({ type: [SourceRef], resolve: (o, _args, ctx) => relatedAll(ctx, SourceRef, o.sourceIds, o.asOf) }),
  }),
});

function lookup(role: 'Manufacturer' | 'OpticsPartner' | null, description: string) {
  return builder.queryField(role === null ? 'company' : role === 'Manufacturer' ? 'manufacturer' : 'opticsPartner', (t) =>
    t.field({
      type: CompanyRef,
      nullable: true,
      description,
      args: { id: t.arg.id({ required: true, description: 'Natural id, e.g. "leica".' }), asOf: t.arg({ type: 'Date', description: asOfArgDescription }) },
      resolve: async (_root, args, ctx) => {
        const company = await findByKey(CompanyRef, ctx, entityKey(args.id, asOfDay(args.asOf, ctx)));
        if (!company || (role && !(company.roles as string[]).includes(role))) return null;
        return company;
      },
    }),
  );
}
lookup(null, 'A company by natural id, whatever its roles.');
lookup('Manufacturer', 'A phone manufacturer by natural id ("xiaomi"); null if unknown on the day or not a manufacturer.');
lookup('OpticsPartner', 'An optics partner by natural id ("leica"); null if unknown on the day or not an optics partner.');

/**
 * Company.devices, which a page of companies reads in its own round trip when the query shows it
 * (list-companies): manufacturers with their devices is one statement, not two.
 */
const COMPANY_DEVICES: NestedPage = { type: 'Company', field: 'devices', statement: 'company-devices', prefix: 'devices', ref: DeviceRef, shape: devicePageShape };

function list(name: string, role: 'Manufacturer' | 'OpticsPartner' | null, description: string) {
  builder.queryField(name, (t) =>
    t.connection(
      {
        type: CompanyRef,
        description,
        args: {
          asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
          nameContains: t.arg.string(),
          country: t.arg.string({ description: 'ISO 3166-1 alpha-2 code, e.g. "CN".' }),
        },
        resolve: (_root, args, ctx, info) =>
          pageFromStatement(
            ctx,
            args,
            info,
            CompanyRef,
            'list-companies',
            {
              asOf: asOfDay(args.asOf, ctx),
              role,
              nameContains: args.nameContains ?? null,
              country: args.country ?? null,
            },
            companyPageShape,
            COMPANY_DEVICES,
          ),
      },
      withTotalCount,
    ),
  );
}
list('companies', null, 'Every company known on the day, by name.');
list('manufacturers', 'Manufacturer', 'Phone manufacturers known on the day, by name.');
list('opticsPartners', 'OpticsPartner', 'Optics partners known on the day, by name.');
