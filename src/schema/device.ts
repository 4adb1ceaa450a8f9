/** Devices: made by a manufacturer, maybe built by another, co-engineered with an optics partner. */
import type { Loaded } from '../graph/loaders.ts';
import { deviceStatusAsOf, deviceStepAsOf, type DeviceStatus as DeviceStatusValue, type DeviceStep, type DeviceSteps } from '../domain/device-status.ts';
import { builder } from './builder.ts';
import { claimPageShape } from './claim.ts';
import { asOfArgDescription, asOfDay, FuzzyDateRef } from './common.ts';
import type { PageShape } from './page-shape.ts';
import { lookupShown, pageFromStatement, pageOfRelated, withTotalCount } from './paging.ts';
import { ClaimRef, CompanyRef, DeviceRef, knownLaterDescription, PartnershipRef, related, relatedAll, SourceRef, lookupField } from './refs.ts';

export const DeviceStatus = builder.enumType('DeviceStatus', {
  values: ['RUMOURED', 'ANNOUNCED', 'RELEASED', 'CANCELLED'] as const,
});

/** A date of the device's life, only once it was public on the as-of day. */
function knownDate(device: Loaded, field: DeviceStep): string | null {
  return deviceStepAsOf(device as DeviceSteps, field, device.asOf);
}

/** The same rule as the `list-devices` statement, so filters and fields agree. */
export function deviceStatus(device: Loaded): DeviceStatusValue {
  return deviceStatusAsOf(device as DeviceSteps, device.asOf);
}

const LIFE = ['announced', 'announcedKnownSince', 'released', 'releasedKnownSince', 'cancelled', 'cancelledKnownSince'];

/**
 * What each field below reads of cypher/projections/device.cypher, so a page of devices reads only
 * what its query shows (page-shape.ts). A field missing here makes pages read full rows: add it.
 */
export const devicePageShape: PageShape = {
  projection: 'device',
  needs: {
    slug: ['id'],
    name: ['name'],
    status: LIFE,
    announced: ['announced', 'announcedKnownSince'],
    released: ['released', 'releasedKnownSince'],
    cancelled: ['cancelled', 'cancelledKnownSince'],
    knownSince: ['knownSince'],
    manufacturer: ['manufacturerId'],
    builtBy: ['builtById'],
    opticsPartner: ['opticsPartnerId'],
    partnership: ['partnershipId'],
    became: ['becameId'],
    claimsAbout: [],
    sources: ['sourceIds'],
  },
  embedVia: { manufacturer: 'MADE_BY', builtBy: 'BUILT_BY', opticsPartner: 'CO_ENGINEERED_WITH' },
};

DeviceRef.implement({
  description: 'A phone, from first rumour to release (or cancellation), as known on the as-of day.',
  fields: (t) => ({
    slug: t.string({ resolve: (d) => String(d.id) }),
    asOf: t.field({ type: 'Date', resolve: (d) => d.asOf }),
    name: t.string({ resolve: (d) => String(d.name) }),
    status: t.field({ type: DeviceStatus, resolve: deviceStatus }),
    announced: t.field({ type: FuzzyDateRef, nullable: true, resolve: (d) => knownDate(d, 'announced') }),
    released: t.field({ type: FuzzyDateRef, nullable: true, resolve: (d) => knownDate(d, 'released') }),
    cancelled: t.field({ type: FuzzyDateRef, nullable: true, resolve: (d) => knownDate(d, 'cancelled') }),
    knownSince: t.field({ type: 'Date', description: 'When it was first reported (rumoured).', resolve: (d) => String(d.knownSince) }),
    manufacturer: t.field({
      type: CompanyRef,
      nullable: true,
      description: knownLaterDescription('the manufacturer'),
      resolve: (d, _args, ctx) => related(ctx, CompanyRef, d.manufacturerId, d.asOf),
    }),
    builtBy: t.field({
      type: CompanyRef,
      nullable: true,
      description: 'The company that builds it, when not the manufacturer.',
      resolve: (d, _args, ctx) => related(ctx, CompanyRef, d.builtById, d.asOf),
    }),
    opticsPartner: t.field({ type: CompanyRef, nullable: true, resolve: (d, _args, ctx) => related(ctx, CompanyRef, d.opticsPartnerId, d.asOf) }),
    partnership: t.field({ type: PartnershipRef, nullable: true, resolve: (d, _args, ctx) => related(ctx, PartnershipRef, d.partnershipId, d.asOf) }),
    became: t.field({
      type: DeviceRef,
      nullable: true,
      description: 'The device a rumoured one shipped as ("Xiaomi 12 Ultra" became the 12S Ultra).',
      resolve: (d, _args, ctx) => related(ctx, DeviceRef, d.becameId, d.asOf),
    }),
    claimsAbout: t.connection(
      {
        type: ClaimRef,
        description: 'Claims that name it, newest first.',
        resolve: (d, args, ctx, info) => pageOfRelated(ctx, args, info, ClaimRef, 'device-claims', d, claimPageShape),
      },
      withTotalCount,
    ),
    sources: t.field({ type: [SourceRef], resolve: (d, _args, ctx) => relatedAll(ctx, SourceRef, d.sourceIds, d.asOf) }),
  }),
});

const DeviceOrder = builder.enumType('DeviceOrder', { values: ['ANNOUNCED_ASC', 'ANNOUNCED_DESC', 'NAME'] as const });

lookupField('device', DeviceRef, 'A device by natural id ("huawei-p50").', (ctx, info, id, asOf) =>
  lookupShown(ctx, info, DeviceRef, id, asOf, { statement: 'devices-by-ids-shown', shape: devicePageShape }),
);

builder.queryField('devices', (t) =>
  t.connection(
    {
      type: DeviceRef,
      description: 'Devices known on the day; filter by manufacturer, optics partner, status (as of the day) and announcement range.',
      args: {
        asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
        manufacturer: t.arg.id({ description: 'Natural id of the manufacturer.' }),
        opticsPartner: t.arg.id({ description: 'Natural id of the optics partner.' }),
        status: t.arg({ type: [DeviceStatus] }),
        announcedFrom: t.arg({ type: 'Date' }),
        announcedTo: t.arg({ type: 'Date' }),
        orderBy: t.arg({ type: DeviceOrder, defaultValue: 'ANNOUNCED_ASC' }),
      },
      resolve: (_root, args, ctx, info) =>
        pageFromStatement(
          ctx,
          args,
          info,
          DeviceRef,
          'list-devices',
          {
            asOf: asOfDay(args.asOf, ctx),
            manufacturer: args.manufacturer ?? null,
            opticsPartner: args.opticsPartner ?? null,
            status: args.status ?? null,
            announcedFrom: args.announcedFrom ?? null,
            announcedTo: args.announcedTo ?? null,
            order: args.orderBy ?? 'ANNOUNCED_ASC',
          },
          devicePageShape,
        ),
    },
    withTotalCount,
  ),
);
