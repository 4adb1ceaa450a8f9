/**
 * The peer: the Neo4j GraphQL Library (@neo4j/graphql 7) over the same driver as this service, in a
 * graphql-yoga instance like ours, so both are timed through `fetch` the same way (parse, validate,
 * execute, Neo4j) and served over HTTP the same way. It has none of our limits plugins: what is
 * measured is the translation to Cypher and the execution, which is what a user of either pays for.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { peerTypeDefs } from './type-defs.ts';

export async function createPeerApp(driver: Driver, database: string) {
  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    // The peer reads the database the service uses (NEO4J_DATABASE), not the server's default.
    context: () => ({ sessionConfig: { database } }),
  });
}

export type PeerApp = Awaited<ReturnType<typeof createPeerApp>>;
