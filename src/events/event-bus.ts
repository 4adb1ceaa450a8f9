/**
 * The carriers of graph events, kept apart from src/events/graph-events.ts so that only the
 * processes that publish or listen load yoga's pub/sub and ioredis.
 *
 * In this process by default (one replica); through Redis pub/sub with yoga's documented
 * `@graphql-yoga/redis-event-target` (on ioredis) when `EVENT_BUS_URL` is set, so a write on any
 * replica, or by `npm run import`, reaches the subscribers of every replica.
 */
import { createPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { GraphEvents, type GraphChangedEvent } from './graph-events.ts';

/** Redis channel (and in-process topic): namespaced, since a Redis is often shared. */
const TOPIC = 'optics-graph:graph-changed';

type Topics = { [TOPIC]: [GraphChangedEvent] };

function channelOf(pubSub: PubSub<Topics>, close: () => Promise<void> = async () => {}) {
  return {
    publish: (event: GraphChangedEvent) => pubSub.publish(TOPIC, event),
    subscribe: () => pubSub.subscribe(TOPIC) as AsyncIterableIterator<GraphChangedEvent>,
    close,
  };
}

/** The in-process bus: enough for one replica, and what tests of one app use. */
export function inProcessGraphEvents(): GraphEvents {
  return new GraphEvents(channelOf(createPubSub<Topics>()), 'in-process');
}

/**
 * The bus `EVENT_BUS_URL` names, or the in-process one. Redis needs two connections (one is held by
 * SUBSCRIBE); both are checked here so a wrong URL fails at start, not at the first write.
 */
export async function connectGraphEvents(eventBusUrl: string | null, logger: Logger): Promise<GraphEvents> {
  if (!eventBusUrl) return inProcessGraphEvents();
  const shown = redactedUrl(eventBusUrl);
  const connect = () => new Redis(eventBusUrl, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5000 });
  const publishClient = connect();
  const subscribeClient = connect();
  for (const client of [publishClient, subscribeClient]) {
    // ioredis reconnects by itself; a lost connection is worth a line in the log, not a crash.
    client.on('error', (error: Error) => logger.warn({ eventBus: shown, error: error.message }, 'event bus connection problem'));
  }
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (error) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`cannot reach the event bus EVENT_BUS_URL=${shown}: ${(error as Error).message}; start Redis (README, "Subscriptions") or unset EVENT_BUS_URL for one replica`);
  }
  // The event target unsubscribes a channel without awaiting it when the last listener leaves; a
  // subscriber that leaves as the process shuts down would turn that into an unhandled rejection.
  const unsubscribe = subscribeClient.unsubscribe.bind(subscribeClient) as (...channels: string[]) => Promise<unknown>;
  subscribeClient.unsubscribe = ((...channels: string[]) => unsubscribe(...channels).catch(() => 0)) as typeof subscribeClient.unsubscribe;
  const pubSub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  logger.info({ eventBus: shown }, 'subscription events go through Redis');
  return new GraphEvents(
    channelOf(pubSub, async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    }),
    shown,
  );
}

function redactedUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
