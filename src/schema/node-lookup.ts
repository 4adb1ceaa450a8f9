/**
 * The Relay lookups by global id. A global id is base64 of `<Type>:<natural id>@<as-of day>` (the
 * entity as known on that day), and the day obeys the rules of every root field's `asOf`: a real
 * calendar day, not after today. A malformed id is a BAD_USER_INPUT naming it; an id that names
 * nothing known on its day answers null. `nodes(ids:)` loads all its ids in one statement per type,
 * whatever their days, and is bounded by MAX_LIST_LENGTH like every list argument.
 */
import { brandWithType } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context.ts';
import { entityKey, parseKey } from '../graph/loaders.ts';
import { builder } from './builder.ts';
import { asOfDay } from './common.ts';
import { ClaimRef, CompanyRef, DeviceRef, ExclusivityRef, LeakerRef, NotKnownOnDayError, OwnershipRef, PartnershipRef, SourceRef } from './refs.ts';
import { isDay } from '../domain/fuzzy-date.ts';

const nodeTypes = {
  Company: CompanyRef,
  Device: DeviceRef,
  Partnership: PartnershipRef,
  ExclusivityClause: ExclusivityRef,
  Ownership: OwnershipRef,
  Leaker: LeakerRef,
  Claim: ClaimRef,
  Source: SourceRef,
} as const;
type NodeTypeName = keyof typeof nodeTypes;

interface NodeAddress {
  typename: NodeTypeName;
  key: string;
}

function badId(argument: string, globalId: string, why: string): GraphQLError {
  return new GraphQLError(`${argument}: ${JSON.stringify(globalId.slice(0, 60))} ${why}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** Decodes a global id and checks its day by the as-of rules; throws BAD_USER_INPUT saying what is wrong. */
function addressOf(globalId: string, argument: string, context: RequestContext): NodeAddress {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  if (colon < 0 || Buffer.from(decoded, 'utf8').toString('base64') !== globalId || !Object.hasOwn(nodeTypes, typename)) {
    throw badId(argument, globalId, `is not a global id of this service: pass the id field of a ${Object.keys(nodeTypes).join(', ')} as a query returned it`);
  }
  const key = parseKey(decoded.slice(colon + 1));
  if (!key || key.id === '') throw badId(argument, globalId, 'names no as-of day: pass the id field as a query returned it');
  const { id, asOf: day } = key;
  if (!isDay(day))
    throw badId(argument, globalId, `names the day ${JSON.stringify(key.asOf.slice(0, 20))}, which is not a calendar day YYYY-MM-DD: pass the id field as a query returned it`);
  try {
    asOfDay(day, context);
  } catch (error) {
    throw badId(argument, globalId, `names the day ${JSON.stringify(day.slice(0, 20))}: ${(error as Error).message}`);
  }
  return { typename: typename as NodeTypeName, key: entityKey(id, day) };
}

/** Loads addressed nodes through their types' loaders (batched per type); unknown ones give null. */
async function loadNodes(addresses: NodeAddress[], context: RequestContext): Promise<(object | null)[]> {
  const loaded = await Promise.all(
    addresses.map(({ typename, key }) =>
      nodeTypes[typename]
        .getDataloader(context)
        .load(key)
        .catch((error: unknown) => error),
    ),
  );
  // Any other failure (Neo4j unreachable) failed the whole batch: one error for the field, not one per id.
  const failure = loaded.find((value) => value instanceof Error && !(value instanceof NotKnownOnDayError));
  if (failure) throw failure;
  return addresses.map(({ typename }, index) => {
    const value = loaded[index];
    if (value === undefined || value instanceof Error) return null;
    // The Node interface tells an object's type by this brand.
    brandWithType(value as object, typename as never);
    return value as object;
  });
}

const NodeInterface = builder.nodeInterfaceRef();

builder.queryField('node', (t) =>
  t.field({
    type: NodeInterface,
    nullable: true,
    description: 'An entity by global id (its `id` field), as known on the day the id names; null when nothing was known then.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => (await loadNodes([addressOf(String(args.id), 'id', context)], context))[0] ?? null,
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description: 'Entities by global id, in the order asked; null for each id that names nothing known on its day. At most MAX_LIST_LENGTH ids.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, context) =>
      loadNodes(
        args.ids.map((id, index) => addressOf(String(id), `ids[${index}]`, context)),
        context,
      ),
  }),
);
