/** Full-text search over names, titles and claim statements (the `text_search` index). */
import { GraphQLError } from 'graphql';
import { entityKey, type Loaded } from '../graph/loaders.ts';
import { builder } from './builder.ts';
import { asOfArgDescription, asOfDay } from './common.ts';
import { ClaimRef, CompanyRef, DeviceRef, findByKey, LeakerRef, SourceRef } from './refs.ts';

const refs = { Company: CompanyRef, Device: DeviceRef, Leaker: LeakerRef, Claim: ClaimRef, Source: SourceRef } as const;
type Kind = keyof typeof refs;

const SearchHit = builder.unionType('SearchHit', {
  types: [CompanyRef, DeviceRef, LeakerRef, ClaimRef, SourceRef],
  resolveType: (hit) => refs[(hit as Loaded).hitKind as Kind],
});

/** Lucene syntax characters are escaped so a user's "12S Ultra (China)" is words, not a query. */
function escapeLucene(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '\\$&');
}

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHit],
    description: 'Companies, devices, leakers, claims and sources whose text matches, best first, among what was known on the day.',
    args: {
      text: t.arg.string({ required: true }),
      asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
      first: t.arg.int({ defaultValue: 20 }),
    },
    resolve: async (_root, args, ctx) => {
      const words = args.text.trim();
      if (!words) throw new GraphQLError('search text must not be empty', { extensions: { code: 'BAD_USER_INPUT', argument: 'text' } });
      const limit = Math.min(Math.max(args.first ?? 20, 1), ctx.config.limits.maxPageSize);
      const asOf = asOfDay(args.asOf, ctx);
      const query = words.split(/\s+/).map((w) => `${escapeLucene(w)}~`).join(' ');
      const rows = await ctx.graph.read('search', { query, asOf, limit }, ctx.roundTrips);
      const hits = await Promise.all(
        rows.map(async (row) => {
          const kind = row.kind as Kind;
          const entity = await findByKey(refs[kind], ctx, entityKey(row.id, asOf));
          return entity ? { ...entity, hitKind: kind } : null;
        }),
      );
      return hits.filter((hit) => hit !== null);
    },
  }),
);
