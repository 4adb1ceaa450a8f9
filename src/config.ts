/**
 * Configuration, read from the environment once at start and validated. A bad value fails with the
 * variable's name, the value and how to fix it, never later in the middle of a request.
 * `.env.example` lists every variable.
 */
export interface Config {
  /** HTTP port of the GraphQL server. @default 4000 */
  port: number;
  /** Interface the server binds. @default "0.0.0.0" */
  host: string;
  /** pino log level. @default "info" */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  neo4j: {
    /** A server of the user's own (bolt://, neo4j://, neo4j+s://...). Unset: Docker, else local. */
    uri: string | null;
    username: string;
    password: string;
    /** @default "neo4j" */
    database: string;
    /** Forces one way to get Neo4j instead of the first that applies. @default "auto" */
    mode: 'auto' | 'uri' | 'docker' | 'local';
    /** Bolt port of the local Neo4j. @default 7687 */
    localPort: number;
    /** Data folder of the local Neo4j. @default ".neo4j/data" */
    localDataDir: string;
    /** JVM heap of the local Neo4j. @default "1g" */
    localHeap: string;
    /** Page cache of the local Neo4j. @default "256m" */
    localPageCache: string;
    /** Memory one transaction may use in the local Neo4j (db.memory.transaction.max). @default null (60% of the heap) */
    localTransactionMemory: string | null;
    /** Longest a request's transaction may run before Neo4j ends it, in ms. @default 15000 */
    transactionTimeoutMs: number;
    /** Longest an import's one transaction may run, in ms. @default 3600000 */
    importTimeoutMs: number;
  };
  /** How long in-flight requests get to finish after SIGTERM/SIGINT before their connections are closed, in ms. @default 15000 */
  shutdownGraceMs: number;
  /** Outlooks kept in memory until the next write (src/graph/answer-cache.ts); 0 works each one out anew. @default 64 */
  outlookCacheEntries: number;
  /**
   * Whole answers to queries kept in memory, per graph version, document, variables and viewer's scopes
   * (src/http/response-cache.ts); 0 answers every query anew. @default 500
   */
  responseCacheEntries: number;
  auth: {
    /** Keys accepted in `x-api-key` or `Authorization: ApiKey <key>` for writes. @default [] */
    apiKeys: string[];
    /** HS256 secret for JWTs; a token with scope `write` may write. @default null (JWTs refused) */
    jwtSecret: string | null;
    /** Longest lifetime (exp - iat, or exp - now without iat) a JWT may have, in seconds; tokens must carry `exp`. @default 86400 */
    jwtMaxLifetimeSeconds: number;
    /** When true, reads need a key or token too. @default false */
    requireAuthForReads: boolean;
  };
  /** Every limit a request meets; README "Limits" lists each with its error code. */
  limits: {
    /** Deepest selection a query may have. @default 12 */
    maxDepth: number;
    /** Highest cost a query may have (src/limits/query-cost.ts says what costs what). @default 100000 */
    maxCost: number;
    /** Largest page a connection serves (`first`/`last`), and the most items `search` returns. @default 200 */
    maxPageSize: number;
    /** Most backtest events (partnerships x lead times) one request may replay: each asks an outlook. @default 200 */
    maxBacktestEvents: number;
    /** Backtests this process runs at once; a request beyond them is refused as busy. @default 2 */
    maxConcurrentBacktests: number;
    /** Most aliases in one document. @default 15 */
    maxAliases: number;
    /** Most tokens in one document. @default 1000 */
    maxTokens: number;
    /** Most directives in one document. @default 50 */
    maxDirectives: number;
    /** Largest request body, in bytes. @default 102400 */
    maxRequestBytes: number;
    /** Longest String argument value (also inside input objects and lists), in characters. @default 2000 */
    maxStringLength: number;
    /** Longest ID argument value, in characters. @default 200 */
    maxIdLength: number;
    /** Most items in one list argument (ids, filters, sources...). @default 100 */
    maxListLength: number;
    /** Most words in a search text. @default 32 */
    maxSearchWords: number;
    /** Longest word in a search text, in characters. @default 64 */
    maxSearchWordLength: number;
  };
  /** Load the demo bundle at start when the database holds no companies. @default true */
  loadDemoWhenEmpty: boolean;
  /**
   * Where subscription events travel: null keeps them in this process (one replica); a `redis://`
   * or `rediss://` URL shares them between every replica and `npm run import` through Redis pub/sub.
   * @default null
   */
  eventBusUrl: string | null;
  http: {
    /**
     * Browser origins (`https://app.example.com`) that may call with credentials. `*` lets any other
     * origin call without credentials (cookies and HTTP auth are then not sent by browsers).
     * @default ["*"]
     */
    corsOrigins: string[];
    /**
     * A JSON manifest `{ "<id or hash>": "<document>" }`: when set, only those documents run, sent
     * by id (`documentId` or `extensions.persistedQuery.sha256Hash`). @default null (any document)
     */
    trustedDocuments: string | null;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | string): T => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const parsed = parse(raw.trim());
    if (typeof parsed === 'string' && typeof fallback !== 'string') {
      problems.push(`${name}=${JSON.stringify(raw)}: ${parsed}`);
      return fallback;
    }
    return parsed as T;
  };
  const integer = (min: number, max: number) => (raw: string) => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : `must be a whole number from ${min} to ${max}`;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}=${JSON.stringify(raw)}: must be one of ${values.join(', ')}`);
    return fallback;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name}=${JSON.stringify(raw)}: must be true or false`);
    return fallback;
  };
  const size = (name: string, fallback: string): string => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (/^\d+[kmg]$/i.test(raw)) return raw.toLowerCase();
    problems.push(`${name}=${JSON.stringify(raw)}: must be a size such as 512m or 2g`);
    return fallback;
  };

  const uri = env.NEO4J_URI?.trim() || null;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
    problems.push(`NEO4J_URI=${JSON.stringify(uri)}: must look like bolt://host:7687, neo4j://host or neo4j+s://<id>.databases.neo4j.io`);
  }
  const mode = oneOf('NEO4J_MODE', ['auto', 'uri', 'docker', 'local'] as const, 'auto');
  if (mode === 'uri' && !uri) problems.push('NEO4J_MODE=uri: also set NEO4J_URI to the server to use');
  const database = env.NEO4J_DATABASE?.trim() || 'neo4j';
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    problems.push(`NEO4J_DATABASE=${JSON.stringify(database)}: must be a Neo4j database name (letters, digits, dots, dashes; 3-63 chars)`);
  }
  const jwtSecret = env.JWT_SECRET?.trim() || null;
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET: must be at least 32 characters so HS256 tokens cannot be guessed');
  const apiKeys = (env.API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const key of apiKeys) {
    if (key.length < 16) problems.push(`API_KEYS: each key must be at least 16 characters (one is ${key.length})`);
  }

  const eventBusUrl = env.EVENT_BUS_URL?.trim() || null;
  if (eventBusUrl && !/^rediss?:\/\/[^\s]+$/.test(eventBusUrl)) {
    problems.push(`EVENT_BUS_URL=${JSON.stringify(eventBusUrl)}: must be a Redis URL such as redis://127.0.0.1:6379 (or unset for one replica)`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '*')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(
        `CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin; write scheme://host[:port] with no path, e.g. https://app.example.com (or * for any origin without credentials)`,
      );
    }
  }
  const trustedDocuments = env.TRUSTED_DOCUMENTS?.trim() || null;

  const config: Config = {
    port: read('PORT', 4000, integer(0, 65535)),
    host: env.HOST?.trim() || '0.0.0.0',
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    neo4j: {
      uri,
      username: env.NEO4J_USERNAME?.trim() || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database,
      mode,
      localPort: read('NEO4J_LOCAL_PORT', 7687, integer(1, 65535)),
      localDataDir: env.NEO4J_LOCAL_DATA?.trim() || '.neo4j/data',
      localHeap: size('NEO4J_LOCAL_HEAP', '1g'),
      localPageCache: size('NEO4J_LOCAL_PAGECACHE', '256m'),
      localTransactionMemory: env.NEO4J_LOCAL_TX_MEMORY?.trim() ? size('NEO4J_LOCAL_TX_MEMORY', '1g') : null,
      transactionTimeoutMs: read('NEO4J_TRANSACTION_TIMEOUT', 15, integer(1, 3600)) * 1000,
      importTimeoutMs: read('NEO4J_IMPORT_TIMEOUT', 3600, integer(1, 86_400)) * 1000,
    },
    shutdownGraceMs: read('SHUTDOWN_GRACE_SECONDS', 15, integer(0, 600)) * 1000,
    outlookCacheEntries: read('OUTLOOK_CACHE_ENTRIES', 64, integer(0, 10_000)),
    responseCacheEntries: read('RESPONSE_CACHE_ENTRIES', 500, integer(0, 100_000)),
    auth: {
      apiKeys,
      jwtSecret,
      jwtMaxLifetimeSeconds: read('JWT_MAX_LIFETIME_SECONDS', 86_400, integer(60, 31 * 86_400)),
      requireAuthForReads: bool('REQUIRE_AUTH_FOR_READS', false),
    },
    limits: {
      maxDepth: read('MAX_QUERY_DEPTH', 12, integer(2, 100)),
      maxCost: read('MAX_QUERY_COST', 100000, integer(10, 10_000_000)),
      maxPageSize: read('MAX_PAGE_SIZE', 200, integer(1, 10_000)),
      maxBacktestEvents: read('MAX_BACKTEST_EVENTS', 200, integer(1, 100_000)),
      maxConcurrentBacktests: read('MAX_CONCURRENT_BACKTESTS', 2, integer(1, 64)),
      maxAliases: read('MAX_QUERY_ALIASES', 15, integer(0, 1_000)),
      // Above a few thousand tokens a deeply nested document could exhaust the parser's stack.
      maxTokens: read('MAX_QUERY_TOKENS', 1000, integer(50, 5_000)),
      maxDirectives: read('MAX_QUERY_DIRECTIVES', 50, integer(0, 1_000)),
      maxRequestBytes: read('MAX_REQUEST_BYTES', 102_400, integer(1_024, 50_000_000)),
      maxStringLength: read('MAX_STRING_LENGTH', 2_000, integer(16, 1_000_000)),
      // Ids are index keys: Neo4j refuses keys above about 8 kB.
      maxIdLength: read('MAX_ID_LENGTH', 200, integer(8, 2_000)),
      maxListLength: read('MAX_LIST_LENGTH', 100, integer(1, 10_000)),
      // Lucene refuses queries of more than 1,024 clauses; each fuzzy word expands to several.
      maxSearchWords: read('MAX_SEARCH_WORDS', 32, integer(1, 1_024)),
      // A fuzzy term's automaton grows with its length: a 300,000-character word ran Neo4j out of heap.
      maxSearchWordLength: read('MAX_SEARCH_WORD_LENGTH', 64, integer(3, 255)),
    },
    loadDemoWhenEmpty: bool('LOAD_DEMO_WHEN_EMPTY', true),
    eventBusUrl,
    http: { corsOrigins, trustedDocuments },
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee .env.example for every variable.`);
  }
  return config;
}
