/**
 * Two replicas share subscription events through Redis (EVENT_BUS_URL): a write on one replica, or
 * an import from another process, reaches a subscriber of the other. Runs against a redis-server the
 * test starts itself; on CI (.ci/run installs Debian's redis-server) a missing binary fails the run,
 * elsewhere the test says it was not run and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectGraphEvents } from '../../src/events/event-bus.ts';
import type { GraphEvents } from '../../src/events/graph-events.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createLogger } from '../../src/log.ts';
import { createHarness, uniquePrefix, writerKey, type Harness } from '../support/harness.ts';
import { redisServerBinary, startRedis, type RedisProcess } from '../support/redis.ts';
import { openEventStream } from '../support/sse.ts';
import { testWrite } from '../support/test-statements.ts';

const binary = redisServerBinary();
if (!binary && process.env.CI) throw new Error('redis-server is not installed: .ci/run installs it (apt-get install -y redis-server); the Redis event bus must be tested on CI');
if (!binary) console.warn('event-bus-redis.test.ts NOT RUN: no redis-server on this machine (apt-get install -y redis-server)');

const logger = createLogger('silent');
const p = uniquePrefix('redis');
const id = (name: string) => `${p}-${name}`;
let redis: RedisProcess;
let replicaA: Harness;
let replicaB: Harness;
let importer: GraphEvents;

describe.skipIf(!binary)('subscriptions across replicas through Redis', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    redis = await startRedis(binary!);
    replicaA = createHarness({}, await connectGraphEvents(redis.url, logger));
    replicaB = createHarness({}, await connectGraphEvents(redis.url, logger));
    importer = await connectGraphEvents(redis.url, logger);
    await importBundle(replicaB.graph, {
      format: 'optics-graph-bundle/1',
      companies: [
        { id: id('optics'), name: 'Redis Optics', roles: ['OPTICS_PARTNER'] },
        { id: id('maker'), name: 'Redis Maker', roles: ['MANUFACTURER'] },
      ],
      leakers: [{ id: id('teller'), name: 'Redis Teller' }],
      claims: [
        {
          id: id('for'),
          leaker: id('teller'),
          statement: 'Redis Maker will use Redis Optics.',
          kind: 'WILL_PARTNER',
          subjects: [id('maker'), id('optics')],
          publishedOn: '2021-01-10',
          resolutions: [],
        },
        { id: id('other'), leaker: id('teller'), statement: 'Redis Maker launches a phone.', kind: 'OTHER', subjects: [id('maker')], publishedOn: '2021-01-20', resolutions: [] },
      ],
    });
  });

  afterAll(async () => {
    if (replicaB) await testWrite(replicaB.graph, 'delete', { prefix: p });
    await Promise.all([replicaA?.events.close(), replicaB?.events.close(), importer?.close()]);
    await Promise.all([replicaA?.close(), replicaB?.close()]);
    await redis?.stop();
  });

  const subscription = `subscription ($partner: ID!) { outlookChanged(opticsPartner: $partner, asOf: "2024-01-01") { candidates(first: 1) { edges { node { manufacturer { slug } score } } } } }`;

  it('a subscriber on replica A hears a mutation on replica B, and an import from a third process', async () => {
    const fetchA = (url: string, init: RequestInit) => Promise.resolve(replicaA.app.fetch(url, init));
    const stream = await openEventStream(fetchA, 'http://a/graphql', subscription, { partner: id('optics') });
    // SUBSCRIBE reaches Redis asynchronously; SSE has no acknowledgement to wait for.
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      const resolved = await replicaB.graphql(
        `mutation { resolveClaim(claim: "${id('other')}", outcome: CONFIRMED, decidedOn: "2021-06-01") { __typename } }`,
        {},
        { 'x-api-key': writerKey },
      );
      expect(resolved.data.resolveClaim.__typename).toBe('MutationResolveClaimSuccess');
      const first = (await stream.next()).data as any;
      expect(first.outlookChanged.candidates.edges[0].node).toEqual({ manufacturer: { slug: id('maker') }, score: expect.closeTo(2 / 3, 3) });

      await importBundle(
        replicaB.graph,
        {
          format: 'optics-graph-bundle/1',
          leakers: [{ id: id('doubter'), name: 'Redis Doubter' }],
          claims: [
            {
              id: id('against'),
              leaker: id('doubter'),
              statement: 'Redis Maker will not use Redis Optics.',
              kind: 'WILL_NOT_PARTNER',
              subjects: [id('maker'), id('optics')],
              publishedOn: '2021-03-01',
              resolutions: [],
            },
          ],
        },
        { events: importer },
      );
      const second = (await stream.next()).data as any;
      expect(second.outlookChanged.candidates.edges[0].node.score).toBeCloseTo((2 / 3) * 0.5, 3);
    } finally {
      await stream.close();
    }
  });

  it('a replica that cannot reach EVENT_BUS_URL stops at start, naming it and the fix', async () => {
    const closed = redis.url.replace(/:(\d+)$/, ':1');
    await expect(connectGraphEvents(closed, logger)).rejects.toThrow(/cannot reach the event bus EVENT_BUS_URL=redis:\/\/127\.0\.0\.1:1: .*start Redis/);
  });
});
