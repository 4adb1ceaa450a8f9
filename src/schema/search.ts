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

function badText(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: 'text', ...extra } });
}

/**
 * The words of a search text, each at most MAX_SEARCH_WORD_LENGTH characters and at most
 * MAX_SEARCH_WORDS of them: every word becomes a fuzzy term, whose cost in Neo4j grows with its
 * length (a 300,000-character word ran it out of heap) and whose number Lucene caps. AND, OR and
 * NOT in capitals are Lucene operators that escaping cannot neutralise, so they are refused rather
 * than silently searched for or obeyed.
 */
export function searchWords(text: string, limits: { maxSearchWords: number; maxSearchWordLength: number }): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw badText('search text must not be empty: give at least one word');
  if (words.length > limits.maxSearchWords) {
    throw badText(`search text has ${words.length} words; at most ${limits.maxSearchWords} are searched (MAX_SEARCH_WORDS). Keep the words that matter.`, {
      limit: limits.maxSearchWords,
      setting: 'MAX_SEARCH_WORDS',
    });
  }
  const long = words.find((word) => word.length > limits.maxSearchWordLength);
  if (long) {
    throw badText(
      `search word "${long.slice(0, 20)}..." is ${long.length} characters long; at most ${limits.maxSearchWordLength} are searched (MAX_SEARCH_WORD_LENGTH). Shorten it.`,
      {
        limit: limits.maxSearchWordLength,
        setting: 'MAX_SEARCH_WORD_LENGTH',
      },
    );
  }
  const operator = words.find((word) => word === 'AND' || word === 'OR' || word === 'NOT');
  if (operator) {
    throw badText(
      `search text is words, not a query: "${operator}" would be read as a Lucene operator. Leave it out (every word is searched), or write it in lower case to search for the word.`,
    );
  }
  return words;
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
      const words = searchWords(args.text, ctx.config.limits);
      // first: 0..MAX_PAGE_SIZE is checked with every page size (src/limits/input-bounds.ts).
      const limit = args.first ?? 20;
      const asOf = asOfDay(args.asOf, ctx);
      const query = words.map((w) => `${escapeLucene(w)}~`).join(' ');
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
