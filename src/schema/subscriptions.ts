/**
 * Live answers over Server-Sent Events (yoga's built-in transport: POST or GET /graphql with
 * `Accept: text/event-stream`). Both fields listen to the one stream of graph changes
 * (src/events/graph-events.ts) that every committed write publishes to.
 *
 * `outlookChanged` takes the arguments of `partnershipOutlook` and returns the same type, so a client
 * reuses its selection: on each change it recomputes the outlook and sends it only when the answer
 * differs from the last one it sent (or, at first, from the one at subscription time). Subscribers
 * asking the same question share one recomputation per change.
 */
import { Repeater } from '@repeaterjs/repeater';
import type { RequestContext } from '../context.ts';
import { eventContext } from '../context.ts';
import type { GraphChangedEvent } from '../events/graph-events.ts';
import { entityKey, type Loaded } from '../graph/loaders.ts';
import { builder } from './builder.ts';
import { loadOutlook, OutlookRef, outlookArgs, type OutlookQuestion, type OutlookView } from './outlook.ts';
import { ClaimRef } from './refs.ts';

builder.subscriptionType({ authScopes: { read: true } });

/** The latest recomputation of each watched question, by the event that caused it. */
const recomputed = new Map<string, { eventId: string; outlook: Promise<OutlookView> }>();
/** How many subscribers watch each question: the entry above goes when the last one leaves. */
const watchers = new Map<string, number>();

function sharedOutlook(key: string, event: GraphChangedEvent, ctx: RequestContext, question: OutlookQuestion): Promise<OutlookView> {
  const latest = recomputed.get(key);
  if (latest?.eventId === event.id) return latest.outlook;
  const outlook = loadOutlook(eventContext(ctx), question);
  recomputed.set(key, { eventId: event.id, outlook });
  return outlook;
}

/** Two outlooks are the same answer when every ranking, score, exclusion and date is the same. */
function fingerprint(outlook: OutlookView): string {
  return JSON.stringify(outlook);
}

function outlookChanges(ctx: RequestContext, question: OutlookQuestion, baseline: OutlookView): Repeater<OutlookView> {
  const key = JSON.stringify([question.opticsPartner, question.asOf ?? null, question.region?.toUpperCase() ?? null, question.afterExclusivity ?? null]);
  return new Repeater<OutlookView>(async (push, stop) => {
    const changes = ctx.events.subscribe();
    void stop.then(() => changes.return?.());
    watchers.set(key, (watchers.get(key) ?? 0) + 1);
    let last = fingerprint(baseline);
    try {
      for await (const event of changes) {
        let outlook: OutlookView;
        try {
          outlook = await sharedOutlook(key, event, ctx, question);
        } catch (error) {
          // A failed read (Neo4j unreachable for a moment) must not end a page's live view: the next change retries.
          ctx.logger.warn({ error: (error as Error).message, opticsPartner: question.opticsPartner }, 'outlookChanged: could not recompute the outlook');
          continue;
        }
        const print = fingerprint(outlook);
        if (print === last) continue;
        last = print;
        await push(outlook);
      }
    } finally {
      const left = (watchers.get(key) ?? 1) - 1;
      if (left > 0) watchers.set(key, left);
      else {
        watchers.delete(key);
        recomputed.delete(key);
      }
      stop();
    }
  });
}

builder.subscriptionField('outlookChanged', (t) =>
  t.field({
    type: OutlookRef,
    description:
      'The outlook `partnershipOutlook` answers for the same arguments, sent again each time an import or a mutation changes it (nothing is sent on subscribing: read partnershipOutlook for the answer now). Without asOf, "now" is the day of each change.',
    args: outlookArgs(t),
    // Resolved before the stream opens, so an unknown partner, date or region is an error at once, not a silent stream.
    subscribe: async (_root, args, ctx) => {
      const question = args as OutlookQuestion;
      const baseline = await loadOutlook(eventContext(ctx), question);
      return outlookChanges(ctx, question, baseline);
    },
    resolve: (outlook) => outlook,
  }),
);

/** The claims each change resolved, one at a time, narrowed to one claim or one leaker's claims when asked. */
function resolvedClaims(ctx: RequestContext, filter: { claim?: string | null; leaker?: string | null }): Repeater<string> {
  return new Repeater<string>(async (push, stop) => {
    const changes = ctx.events.subscribe();
    void stop.then(() => changes.return?.());
    for await (const event of changes) {
      let ids = event.resolvedClaims.map((claim) => claim.id);
      if (filter.claim) ids = ids.filter((id) => id === filter.claim);
      if (filter.leaker && ids.length > 0) {
        const perEvent = eventContext(ctx);
        const claims = await ClaimRef.getDataloader(perEvent).loadMany(ids.map((id) => entityKey(id, perEvent.today)));
        ids = ids.filter((_id, index) => {
          const claim = claims[index] as Loaded | Error | null;
          return claim !== null && !(claim instanceof Error) && claim.leakerId === filter.leaker;
        });
      }
      for (const id of ids) await push(id);
    }
    stop();
  });
}

builder.subscriptionField('claimResolved', (t) =>
  t.field({
    type: ClaimRef,
    description:
      'A claim, as known now, each time a decision is added to its outcome history (resolveClaim, or an import that brings decisions). An import that resolves more than 1,000 claims sends the first 1,000.',
    args: {
      claim: t.arg.id({ description: 'Only this claim (natural id).' }),
      leaker: t.arg.id({ description: 'Only the claims of this leaker (natural id).' }),
    },
    subscribe: (_root, args, ctx) => resolvedClaims(ctx, args),
    resolve: (claimId, _args, ctx) => entityKey(claimId, ctx.today),
  }),
);
