/**
 * The analytics scripts' GraphQL reading layer against a small local HTTP server standing in for the
 * service: connections paged by cursor, the API key sent, and errors that name the URL; and how the
 * backtest splits its events into requests the service accepts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestSpans } from '../../../analytics/backtest/backtest-api.ts';
import { GraphqlClient } from '../../../analytics/source/graphql-client.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server answering each POST with `answer(body, request)` as JSON; its /graphql URL. */
async function serve(answer: (body: { query: string; variables: Record<string, unknown> }, request: IncomingMessage) => { status?: number; json: unknown }): Promise<string> {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const { status = 200, json } = answer(JSON.parse(text), request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/graphql`;
}

describe('the GraphQL reading layer', () => {
  it('reads every node of a connection by following endCursor, and sends the API key', async () => {
    const keys: unknown[] = [];
    const url = await serve(({ variables }, request) => {
      keys.push(request.headers['x-api-key']);
      const page = variables.after === null ? 0 : Number(variables.after);
      return { json: { data: { items: { edges: [{ node: page * 2 }, { node: page * 2 + 1 }], pageInfo: { hasNextPage: page < 2, endCursor: String(page + 1) } } } } };
    });
    const api = new GraphqlClient(url, 'secret');
    const nodes = await api.all<{ items: never }, number>('query ($after: String) { items }', {}, (data) => data.items);
    expect(nodes).toEqual([0, 1, 2, 3, 4, 5]);
    expect(api.requests.count).toBe(3);
    expect(keys).toEqual(['secret', 'secret', 'secret']);
  });

  it("fails with the URL and the service's message when it refuses a request", async () => {
    const url = await serve(() => ({ status: 400, json: { errors: [{ message: 'The query has 20 aliases; at most 15 are allowed' }] } }));
    await expect(new GraphqlClient(url).query('{ x }')).rejects.toThrow(`the service at ${url} refused the request (HTTP 400): The query has 20 aliases; at most 15 are allowed`);
  });

  it('keeps a nested null the service explains as not yet public on the day, and fails on any other error', async () => {
    const notYet = { message: 'No company "x" was known on 2020-01-01', path: ['partnerships', 'edges', 0, 'node', 'manufacturer'], extensions: { code: 'NOT_FOUND' } };
    let errors = [notYet];
    const url = await serve(() => ({ json: { data: { p: { manufacturer: null } }, errors } }));
    expect(await new GraphqlClient(url).query('{ p }')).toEqual({ p: { manufacturer: null } });
    errors = [{ ...notYet, extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
    await expect(new GraphqlClient(url).query('{ p }')).rejects.toThrow(`the service at ${url} refused the request`);
  });

  it('names the URL when nothing listens there', async () => {
    const url = await serve(() => ({ json: {} }));
    await new Promise<void>((done) => server!.close(() => done()));
    server = null;
    await expect(new GraphqlClient(url).query('{ x }')).rejects.toThrow(`cannot reach the service at ${url}`);
  });

  it('refuses an endpoint that is not a URL, saying what one looks like', () => {
    expect(() => new GraphqlClient('localhost:4000')).toThrow('give one such as http://localhost:4000/graphql');
  });
});

describe("the backtest's requests", () => {
  it('groups consecutive days of partnerships so that partnerships x lead times stay within the limit', () => {
    const days = ['2016-02-25', '2016-08-31', '2016-08-31', '2017-01-01', '2018-05-05', '2019-09-09'];
    expect(requestSpans(days, 2, 4)).toEqual([
      { from: '2016-02-25', until: '2016-02-25' },
      { from: '2016-08-31', until: '2016-08-31' },
      { from: '2017-01-01', until: '2018-05-05' },
      { from: '2019-09-09', until: '2019-09-09' },
    ]);
    expect(requestSpans(days, 2, 200)).toEqual([{ from: '2016-02-25', until: '2019-09-09' }]);
  });

  it('says so when one day alone holds more events than a request may ask', () => {
    expect(() => requestSpans(['2020-01-01', '2020-01-01', '2020-01-01'], 2, 4)).toThrow('3 partnerships became public on 2020-01-01: 6 events, more than one request may ask (4)');
  });
});
