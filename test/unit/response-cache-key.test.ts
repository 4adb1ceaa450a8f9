/** What tells kept whole answers apart (src/http/response-cache-key.ts). */
import { describe, expect, it } from 'vitest';
import { answerSession, startsWithWriteOrSubscription, viewerScopes } from '../../src/http/response-cache-key.ts';

describe('the viewer part of the key', () => {
  it('tells apart every combination of the scopes the schema checks, and nothing else', () => {
    const all = [
      { canRead: true, canWrite: true },
      { canRead: true, canWrite: false },
      { canRead: false, canWrite: true },
      { canRead: false, canWrite: false },
    ].map(viewerScopes);
    expect(new Set(all).size).toBe(4);
    // Two callers with the same scopes (two API keys, a key and a write JWT) see the same answers.
    expect(viewerScopes({ subject: 'api-key#1', canRead: true, canWrite: true } as never)).toBe(viewerScopes({ subject: 'jwt:ops', canRead: true, canWrite: true } as never));
  });
});

describe('the part of the key that moves with the world', () => {
  it('differs by viewer, by day and by graph version', () => {
    const base = answerSession('read+-', '2026-11-24', 41);
    expect(answerSession('read+-', '2026-11-24', 41)).toBe(base);
    expect(answerSession('read+write', '2026-11-24', 41)).not.toBe(base);
    expect(answerSession('read+-', '2026-11-25', 41)).not.toBe(base);
    expect(answerSession('read+-', '2026-11-24', 42)).not.toBe(base);
  });
});

describe('documents whose answers are never kept', () => {
  it('sees a mutation or subscription written first, past white space, commas, a BOM and comments', () => {
    expect(startsWithWriteOrSubscription('mutation { endPartnership(id: "x", end: "2023") { __typename } }')).toBe(true);
    expect(startsWithWriteOrSubscription('\uFEFF  ,\n# resolve it\n  # twice\r\nmutation Resolve { resolveClaim }')).toBe(true);
    expect(startsWithWriteOrSubscription('subscription{claimResolved{slug}}')).toBe(true);
  });

  it('takes queries, shorthand queries and names that only begin like a keyword for queries', () => {
    expect(startsWithWriteOrSubscription('{ partnership(id: "huawei-leica") { status } }')).toBe(false);
    expect(startsWithWriteOrSubscription('query Mutation { serviceInfo { claims } }')).toBe(false);
    expect(startsWithWriteOrSubscription('# mutation\n{ serviceInfo { claims } }')).toBe(false);
    expect(startsWithWriteOrSubscription('mutations { x }')).toBe(false);
    // A fragment first: read as a query here; the library still never keeps the mutation's answer.
    expect(startsWithWriteOrSubscription('fragment F on Company { name } mutation { upsertCompany }')).toBe(false);
  });
});
