/**
 * Neo4j's failures as clients see them (codes: graph-error-codes.ts).
 * - While Neo4j is down a request is refused before execution with one SERVICE_UNAVAILABLE error
 *   (HTTP 503 where the spec allows, Retry-After) instead of waiting for the driver.
 * - A request that runs into the outage half way answers that same one error, not one per field it
 *   could not load (a list of 10,000 ids would otherwise answer, and log, 10,000 errors).
 * - A field that ran into a limit (QUERY_TOO_EXPENSIVE, TIMEOUT) gets its coded error here, before
 *   yoga masks what is left: a limit is the client's to fix, not an unexpected error to log.
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { RequestContext } from '../context.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { GraphUnavailableError } from '../graph/graph-errors.ts';
import { clientErrorFor, graphErrorIn, serviceUnavailableError } from './graph-error-codes.ts';

export function useGraphErrors(graph: GraphExecutor): Plugin<RequestContext> {
  return {
    onExecute({ setResultAndStopExecution }) {
      const { available, reason, downSince } = graph.availability.state;
      if (!available) {
        setResultAndStopExecution({
          errors: [serviceUnavailableError(new GraphUnavailableError(reason ?? 'unreachable', { since: downSince ? new Date(downSince) : undefined }).message)],
        });
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
          const graphErrors = result.errors.map((error: GraphQLError) => graphErrorIn(error));
          const outage = graphErrors.find((error) => error instanceof GraphUnavailableError);
          if (outage) {
            setResult({ errors: [serviceUnavailableError(outage.message)], extensions: result.extensions });
            return;
          }
          if (!graphErrors.some(Boolean)) return;
          setResult({ ...result, errors: result.errors.map((error, i) => (graphErrors[i] ? clientErrorFor(graphErrors[i], error) : error)) });
        },
      };
    },
  };
}
