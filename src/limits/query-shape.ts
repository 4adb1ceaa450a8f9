/**
 * Limits on the shape of a document, from graphql-armor (the limits it recommends): depth, aliases,
 * directives and tokens. Armor's own errors begin "Syntax Error:", carry no code and are thrown, so
 * yoga answers them HTTP 200 without a code; here each rejection is reported instead as the coded
 * error of src/limits/limit-error.ts, naming the setting that raises it.
 */
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Config } from '../config.ts';
import { limitError, type LimitCode } from './limit-error.ts';

/** Armor puts the count it found only in its message ("... exceeded, found 16."). */
function foundIn(error: GraphQLError): number | undefined {
  const found = /found (\d+)/.exec(error.message)?.[1];
  return found === undefined ? undefined : Number(found);
}

function reporting(code: LimitCode, setting: string, limit: number, describe: (found: number | undefined) => string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = foundIn(error);
        const refusal = limitError(code, describe(found), { setting, limit, found });
        // Tokens are counted while parsing, where there is no validation context to report to.
        if (!context) throw refusal;
        context.reportError(refusal);
      },
    ],
  };
}

export function queryShapeLimits(limits: Config['limits']): Plugin[] {
  const { maxDepth, maxAliases, maxDirectives, maxTokens } = limits;
  return [
    maxTokensPlugin({
      n: maxTokens,
      ...reporting(
        'TOO_MANY_TOKENS',
        'MAX_QUERY_TOKENS',
        maxTokens,
        () => `The document has more than ${maxTokens} tokens (MAX_QUERY_TOKENS); send a smaller query, or split it into several.`,
      ),
    }) as Plugin,
    maxDepthPlugin({
      n: maxDepth,
      flattenFragments: true,
      ...reporting(
        'QUERY_TOO_DEEP',
        'MAX_QUERY_DEPTH',
        maxDepth,
        (found) => `The query is ${found ?? 'too many'} levels deep; at most ${maxDepth} are allowed (MAX_QUERY_DEPTH). Select fewer nested fields.`,
      ),
    }) as Plugin,
    maxAliasesPlugin({
      n: maxAliases,
      ...reporting(
        'TOO_MANY_ALIASES',
        'MAX_QUERY_ALIASES',
        maxAliases,
        (found) => `The query has ${found ?? 'too many'} aliases; at most ${maxAliases} are allowed (MAX_QUERY_ALIASES). Send several requests, or ask a list field once.`,
      ),
    }) as Plugin,
    maxDirectivesPlugin({
      n: maxDirectives,
      ...reporting(
        'TOO_MANY_DIRECTIVES',
        'MAX_QUERY_DIRECTIVES',
        maxDirectives,
        (found) => `The query has ${found ?? 'too many'} directives; at most ${maxDirectives} are allowed (MAX_QUERY_DIRECTIVES).`,
      ),
    }) as Plugin,
  ];
}
