/**
 * Every limit a GraphQL request meets, in the order they apply: the body's size (before it is
 * read), the document's shape (tokens while parsing; depth, aliases and directives while
 * validating), then, with the variables known, the bounds on every value and the query's cost.
 * Nothing runs against Neo4j until all have passed. README "Limits" lists them.
 */
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { limitError } from './limit-error.ts';
import { queryShapeLimits } from './query-shape.ts';
import { inputBoundsProblem } from './input-bounds.ts';
import { queryCost } from './query-cost.ts';

type Limits = Config['limits'];

export function bodyTooLarge(limits: Limits, found?: number): GraphQLError {
  return limitError(
    'REQUEST_ENTITY_TOO_LARGE',
    `The request body${found === undefined ? '' : ` is ${found} bytes; it`} may be at most ${limits.maxRequestBytes} bytes (MAX_REQUEST_BYTES). Send a smaller query or fewer variables.`,
    { setting: 'MAX_REQUEST_BYTES', limit: limits.maxRequestBytes, found, status: 413 },
  );
}

/**
 * Refuses a body whose Content-Length is over the limit before reading it, with the coded error;
 * yoga's own `maxRequestBodySize` (set to the same limit) stops chunked bodies as they stream.
 */
function useBodySizeLimit(limits: Limits): Plugin {
  return {
    onRequestParse({ request }) {
      const declared = Number(request.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limits.maxRequestBytes) throw bodyTooLarge(limits, declared);
    },
  };
}

const isStackOverflow = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

function nestedTooDeeply(limits: Limits): GraphQLError {
  return limitError('QUERY_TOO_DEEP', `The document nests too deeply to be read; at most ${limits.maxDepth} levels are allowed (MAX_QUERY_DEPTH).`, {
    setting: 'MAX_QUERY_DEPTH',
    limit: limits.maxDepth,
  });
}

/**
 * The token limit stops deep nesting long before the parser or a validation rule recurses out of
 * stack; should a configuration allow more, the overflow is still a coded refusal, never HTTP 500.
 */
function useStackGuard(limits: Limits): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (isStackOverflow(result)) replaceParseResult(nestedTooDeeply(limits));
      };
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((...args) => {
        try {
          return validateFn(...args);
        } catch (error) {
          if (isStackOverflow(error)) return [nestedTooDeeply(limits)];
          throw error;
        }
      });
    },
  };
}

/** Passing verdicts kept per document (yoga's parse cache hands back one DocumentNode per query text): at most this many variable sets each, */
const PASSED_PER_DOCUMENT = 64;
/** and only variable sets this short, so what is kept stays small (1,000 documents x 64 x 1 KB at most) whatever callers send. */
const PASSED_KEY_CHARS = 1024;

type LimitArgs = { schema: GraphQLSchema; document: DocumentNode; variableValues?: unknown; operationName?: string | null };

/**
 * Value bounds and cost depend on the variables, so they are not cached with validation; but a
 * document asked again with the same operation and variables (a client polling, a page reloaded)
 * gets the same verdict, so a pass is remembered with the document: walking the document twice
 * (bounds, then cost) was 4% of the service's CPU on a small read. Only passes are kept (refusals
 * are rare and get a fresh error each); the schema and limits are this plugin's own, fixed.
 */
function useValueAndCostLimits(limits: Limits): Plugin {
  const passed = new WeakMap<DocumentNode, Set<string>>();
  const refusal = (args: LimitArgs): GraphQLError | null => {
    const key = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? null)}`;
    const known = passed.get(args.document);
    if (known?.has(key)) return null;
    const error = freshRefusal(args);
    if (error) return error;
    if (key.length > PASSED_KEY_CHARS) return null;
    const kept = known ?? new Set<string>();
    if (kept.size >= PASSED_PER_DOCUMENT) kept.clear();
    kept.add(key);
    passed.set(args.document, kept);
    return null;
  };
  const freshRefusal = (args: LimitArgs): GraphQLError | null => {
    const variables = (args.variableValues ?? undefined) as Record<string, unknown> | undefined;
    const bounds = inputBoundsProblem(args.schema, args.document, variables, limits);
    if (bounds) return bounds;
    const result = queryCost(args.schema, args.document, variables, args.operationName ?? undefined, limits);
    if ('tooManyNodes' in result) {
      return limitError(
        'QUERY_TOO_COSTLY',
        `The query selects more than 10000 fields once its fragments are spread; it cannot be costed (MAX_QUERY_COST is ${limits.maxCost}). Spread fewer fragments.`,
        {
          setting: 'MAX_QUERY_COST',
          limit: limits.maxCost,
        },
      );
    }
    if ('cost' in result && result.cost > limits.maxCost) {
      return limitError(
        'QUERY_TOO_COSTLY',
        `The query costs ${result.cost}; at most ${limits.maxCost} is allowed (MAX_QUERY_COST). A list multiplies the cost of what it selects by its page size (first/last, default 50) or by the ids it is given: ask for smaller pages, fewer aliases or fewer fields.`,
        { setting: 'MAX_QUERY_COST', limit: limits.maxCost, found: result.cost },
      );
    }
    return null;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = refusal(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    // A subscription's selection runs once per event: it meets the same bounds when it starts.
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = refusal(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/**
 * Variables that do not fit their declared types (null for `String!`, a string for `Int`) are refused
 * by graphql-js before execution without a code; they get BAD_USER_INPUT and the 400 of a request
 * error, like every other refusal of what the client sent.
 */
function useCodedVariableErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result || !result.errors?.length || 'data' in result) return;
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              error.path || error.extensions?.code
                ? error
                : new GraphQLError(error.message, {
                    nodes: error.nodes,
                    source: error.source,
                    positions: error.positions,
                    originalError: error.originalError,
                    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400, spec: true } },
                  }),
            ),
          });
        },
      };
    },
  };
}

export function requestLimits(limits: Limits): Plugin[] {
  return [useBodySizeLimit(limits), ...queryShapeLimits(limits), useStackGuard(limits), useValueAndCostLimits(limits), useCodedVariableErrors()];
}
