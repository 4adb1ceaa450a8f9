/**
 * The one Pothos builder. Plugin order matters: scope-auth wraps everything else, and errors must
 * come before dataloader so typed errors thrown inside loaders become union members.
 */
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import type { RequestContext } from '../context.ts';

export const builder = new SchemaBuilder<{
  Context: RequestContext;
  AuthScopes: { read: boolean; write: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({ read: context.caller.canRead, write: context.caller.canWrite }),
    // Say what is missing instead of a bare "Not authorized".
    unauthorizedError: (_parent, context, info, result) =>
      new AuthorizationError(
        info.parentType.name === 'Mutation' && !context.caller.canWrite
          ? 'Writing needs an API key (x-api-key header) or a JWT whose scope includes "write".'
          : info.parentType.name === 'Query' && !context.caller.canRead
            ? 'Reading needs an API key or a JWT on this server (REQUIRE_AUTH_FOR_READS is on).'
            : result.message,
      ),
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node(id:) and nodes(ids:) are src/schema/node-lookup.ts: they apply the as-of rules and answer
    // a malformed id with what is wrong, an unknown one with null.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

export class AuthorizationError extends Error {
  override name = 'AuthorizationError';
  readonly extensions = { code: 'FORBIDDEN' };
}

builder.queryType({ authScopes: { read: true } });
builder.mutationType({ authScopes: { write: true } });

/** The builder's schema types, for helpers that take Pothos field builders as parameters. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
