/**
 * Reads the running service through its public GraphQL endpoint, for the analytics scripts run with
 * `--graphql URL` (or GRAPHQL_URL): a POST of JSON per request, cursor paging through connections,
 * and an error that names the URL whenever the service is down, refuses or answers with errors (a
 * script then stops rather than writing a picture of half a graph). An API key (GRAPHQL_API_KEY) goes
 * in the x-api-key header the service reads; reading needs none.
 */

export class GraphqlClient {
  readonly url: string;
  readonly requests = { count: 0 };
  private readonly headers: Record<string, string>;

  constructor(url: string, apiKey?: string) {
    // "localhost:4000" parses as a URL of scheme "localhost:", so the scheme is checked too.
    if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) {
      throw new Error(`the GraphQL endpoint "${url}" is not an http(s) URL: give one such as http://localhost:4000/graphql`);
    }
    this.url = url;
    this.headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    if (apiKey) this.headers['x-api-key'] = apiKey;
  }

  /** The data of one request; any error in the answer fails it, naming the URL and the service's message. */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.requests.count += 1;
    let response: Response;
    try {
      response = await fetch(this.url, { method: 'POST', headers: this.headers, body: JSON.stringify({ query, variables }) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new Error(`cannot reach the service at ${this.url} (${cause}): is it running (npm start), and is this its /graphql address?`);
    }
    const text = await response.text();
    let body: { data?: T | null; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`the service at ${this.url} answered HTTP ${response.status} with no GraphQL response: ${text.slice(0, 200)}`);
    }
    // A nested field that is null because what it names was not yet public on the as-of day comes with
    // a NOT_FOUND error (a partnership public before its manufacturer): that null is the answer, as in Neo4j.
    const errors = (body.errors ?? []).filter((e) => !(e.extensions?.code === 'NOT_FOUND' && (e.path?.length ?? 0) > 1));
    if (errors.length > 0) {
      const messages = errors.slice(0, 3).map((e) => (e.path ? `${e.message} (at ${e.path.join('.')})` : e.message));
      throw new Error(`the service at ${this.url} refused the request (HTTP ${response.status}): ${messages.join('; ')}`);
    }
    if (!response.ok || body.data == null) throw new Error(`the service at ${this.url} answered HTTP ${response.status} without data`);
    return body.data;
  }

  /**
   * Every node of a connection, page by page: `query` takes `$after` (and whatever `variables` gives)
   * and `connection` picks the connection out of its data (null when its parent is not there).
   */
  async all<D, N>(query: string, variables: Record<string, unknown>, connection: (data: D) => Connection<N> | null): Promise<N[]> {
    const nodes: N[] = [];
    let after: string | null = null;
    for (;;) {
      const page = connection(await this.query<D>(query, { ...variables, after }));
      if (page === null) return nodes;
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }
}

export interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The page size the scripts ask for: the service's default MAX_PAGE_SIZE. */
export const API_PAGE_SIZE = 200;

/** `pageInfo { hasNextPage endCursor }`, for the queries that page. */
export const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';
