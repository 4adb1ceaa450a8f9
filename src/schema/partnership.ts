/** Partnerships between a manufacturer and an optics partner, and the exclusivity clauses on them. */
import { exclusivityAsOf, partnershipAsOf } from '../domain/as-of.ts';
import { clauseEnd, contradictions } from '../domain/exclusivity.ts';
import { exclusivityFact, partnershipFact } from '../graph/rows.ts';
import { entityKey, type Loaded } from '../graph/loaders.ts';
import { firstDay, lastDay } from '../domain/fuzzy-date.ts';
import { BINDS, CERTAINTIES, type Certainty as CertaintyValue } from '../domain/facts.ts';
import { builder } from './builder.ts';
import { asOfArgDescription, asOfDay, FuzzyDateRef } from './common.ts';
import { pageFromStatement, pageOfRelated, withTotalCount } from './paging.ts';
import { devicePageShape } from './device.ts';
import { CompanyRef, DeviceRef, ExclusivityRef, knownLaterDescription, PartnershipRef, related, relatedAll, SourceRef, lookupField } from './refs.ts';

const PartnershipStatus = builder.enumType('PartnershipStatus', {
  values: { PLANNED: {}, ACTIVE: {}, ENDED: {} } as const,
  description: 'As known on the as-of day: an end not yet public then leaves a partnership ACTIVE.',
});

function knownEnd(p: Loaded): string | null {
  return partnershipAsOf(partnershipFact(p), p.asOf)?.end ?? null;
}

PartnershipRef.implement({
  description: 'A manufacturer and an optics partner working together, from a start to an end (or still).',
  fields: (t) => ({
    slug: t.string({ resolve: (p) => String(p.id) }),
    asOf: t.field({ type: 'Date', resolve: (p) => p.asOf }),
    summary: t.string({ nullable: true, resolve: (p) => (p.summary as string | null) ?? null }),
    manufacturer: t.field({
      type: CompanyRef,
      nullable: true,
      description: knownLaterDescription('the manufacturer'),
      resolve: (p, _args, ctx) => related(ctx, CompanyRef, p.manufacturerId, p.asOf),
    }),
    opticsPartner: t.field({
      type: CompanyRef,
      nullable: true,
      description: knownLaterDescription('the optics partner'),
      resolve: (p, _args, ctx) => related(ctx, CompanyRef, p.opticsPartnerId, p.asOf),
    }),
    start: t.field({ type: FuzzyDateRef, resolve: (p) => String(p.start) }),
    end: t.field({ type: FuzzyDateRef, nullable: true, description: 'Null while running, or while its end was not yet public.', resolve: knownEnd }),
    endKnownSince: t.field({ type: 'Date', nullable: true, resolve: (p) => (knownEnd(p) ? String(p.endKnownSince) : null) }),
    status: t.field({
      type: PartnershipStatus,
      resolve: (p) => {
        const end = knownEnd(p);
        if (firstDay(String(p.start)) > p.asOf) return 'PLANNED';
        return end && lastDay(end) < p.asOf ? 'ENDED' : 'ACTIVE';
      },
    }),
    knownSince: t.field({ type: 'Date', resolve: (p) => String(p.knownSince) }),
    devices: t.connection(
      {
        type: DeviceRef,
        description: 'Devices made under it.',
        resolve: (p, args, ctx, info) => pageOfRelated(ctx, args, info, DeviceRef, 'partnership-devices', p, devicePageShape),
      },
      withTotalCount,
    ),
    exclusivityClauses: t.field({ type: [ExclusivityRef], resolve: (p, _args, ctx) => relatedAll(ctx, ExclusivityRef, p.exclusivityIds, p.asOf) }),
    sources: t.field({ type: [SourceRef], resolve: (p, _args, ctx) => relatedAll(ctx, SourceRef, p.sourceIds, p.asOf) }),
  }),
});

export const Binds = builder.enumType('Binds', { values: BINDS });
const certaintyMeaning: Record<CertaintyValue, string> = {
  CONFIRMED: 'A primary source says so.',
  REPORTED: 'The press reports it.',
  INFERRED: 'Deduced, e.g. "the most likely exclusivity clause".',
};
export const Certainty = builder.enumType('Certainty', {
  values: Object.fromEntries(CERTAINTIES.map((value) => [value, { description: certaintyMeaning[value] }])) as Record<CertaintyValue, { description: string }>,
});
export const EndBasis = builder.enumType('ClauseEndBasis', {
  values: {
    DATE: { description: 'Ends on a known date.' },
    LAUNCH: { description: 'Ended with a launch that has happened.' },
    AWAITING_LAUNCH: { description: 'Ends with a launch not yet public on the as-of day.' },
    PARTNERSHIP_END: { description: 'Ended with its partnership, whose end is public.' },
    AWAITING_PARTNERSHIP_END: { description: 'Ends with its partnership, whose end was not yet public on the as-of day.' },
    AWAITING_CONDITION: { description: 'Ends when a condition given in words is met.' },
    UNKNOWN: { description: 'Nothing public says when it ends.' },
  } as const,
});

export const ClauseEndRef = builder.objectRef<ReturnType<typeof clauseEnd> & { asOf: string }>('ClauseEnd').implement({
  description: 'When a clause stops binding, as known on the as-of day, or what that depends on.',
  fields: (t) => ({
    lastDay: t.field({ type: 'Date', nullable: true, description: 'The last day it binds; null while unknown.', resolve: (e) => e.lastDay }),
    basis: t.field({ type: EndBasis, resolve: (e) => e.basis }),
    launchOf: t.field({ type: DeviceRef, nullable: true, resolve: (e, _args, ctx) => related(ctx, DeviceRef, e.launch?.deviceId, e.asOf) }),
    condition: t.string({ nullable: true, resolve: (e) => e.endCondition }),
    date: t.field({ type: FuzzyDateRef, nullable: true, description: 'The end as the source gave it ("2022-Q1"), when it ends on a date (basis DATE).', resolve: (e) => e.date }),
  }),
});

const ContradictionRef = builder.objectRef<ReturnType<typeof contradictions>[number] & { asOf: string }>('ClauseContradiction').implement({
  description: 'A partnership of the bound party with someone else that ran while the clause did: both facts are kept.',
  fields: (t) => ({
    partnership: t.field({ type: PartnershipRef, resolve: (c) => entityKey(c.partnership.id, c.asOf) }),
    boundParty: t.field({ type: CompanyRef, nullable: true, description: knownLaterDescription('the bound party'), resolve: (c) => entityKey(c.boundPartyId, c.asOf) }),
    overlapFrom: t.field({ type: 'Date', resolve: (c) => c.overlapFrom }),
    overlapUntil: t.field({ type: 'Date', nullable: true, resolve: (c) => c.overlapUntil }),
    clauseIsRegional: t.boolean({ description: 'True when the clause covers only some regions, so the overlap may be outside them.', resolve: (c) => c.clauseIsRegional }),
  }),
});

ExclusivityRef.implement({
  description: 'A clause on a partnership that binds the optics partner, the manufacturer or both, for a period, maybe only in some regions.',
  fields: (t) => ({
    slug: t.string({ resolve: (x) => String(x.id) }),
    asOf: t.field({ type: 'Date', resolve: (x) => x.asOf }),
    partnership: t.field({ type: PartnershipRef, nullable: true, description: knownLaterDescription('the partnership'), resolve: (x) => entityKey(x.partnershipId, x.asOf) }),
    binds: t.field({ type: Binds, resolve: (x) => x.binds as 'OPTICS_PARTNER' | 'MANUFACTURER' | 'BOTH' }),
    certainty: t.field({ type: Certainty, resolve: (x) => x.certainty as 'CONFIRMED' | 'REPORTED' | 'INFERRED' }),
    start: t.field({ type: FuzzyDateRef, resolve: (x) => String(x.start) }),
    end: t.field({ type: ClauseEndRef, resolve: (x) => ({ ...clauseEnd(exclusivityFact(x), x.asOf), asOf: x.asOf }) }),
    regions: t.stringList({ nullable: true, description: 'Regions it covers; null means worldwide.', resolve: (x) => (x.regions as string[] | null) ?? null }),
    exceptRegions: t.stringList({ resolve: (x) => (x.exceptRegions as string[] | null) ?? [] }),
    endsWithPartnership: t.boolean({
      description: "Whether it ends with its partnership (its end is then the partnership's, once public).",
      resolve: (x) => x.endsWithPartnership === true,
    }),
    knownSince: t.field({ type: 'Date', resolve: (x) => String(x.knownSince) }),
    contradictedBy: t.field({
      type: [ContradictionRef],
      description: 'Partnerships that ran against this clause while it was in force.',
      resolve: async (x, _args, ctx) => {
        const clause = exclusivityAsOf(exclusivityFact(x), x.asOf);
        if (!clause) return [];
        const rows = await ctx.graph.read('partnerships-of-companies', { ids: [clause.opticsPartnerId, clause.manufacturerId], asOf: x.asOf }, ctx.roundTrips);
        const partnerships = rows.map((r) => partnershipFact(r.row as Loaded));
        return contradictions(clause, partnerships, x.asOf).map((c) => ({ ...c, asOf: x.asOf }));
      },
    }),
    sources: t.field({ type: [SourceRef], resolve: (x, _args, ctx) => relatedAll(ctx, SourceRef, x.sourceIds, x.asOf) }),
  }),
});

lookupField('partnership', PartnershipRef, 'A partnership by natural id ("huawei-leica").');

builder.queryField('partnerships', (t) =>
  t.connection(
    {
      type: PartnershipRef,
      args: {
        asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
        manufacturer: t.arg.id(),
        opticsPartner: t.arg.id(),
        activeOn: t.arg({ type: 'Date', description: 'Only partnerships running on this day (as known on asOf).' }),
      },
      resolve: (_root, args, ctx, info) =>
        pageFromStatement(ctx, args, info, PartnershipRef, 'list-partnerships', {
          asOf: asOfDay(args.asOf, ctx),
          manufacturer: args.manufacturer ?? null,
          opticsPartner: args.opticsPartner ?? null,
          activeOn: args.activeOn ?? null,
        }),
    },
    withTotalCount,
  ),
);
