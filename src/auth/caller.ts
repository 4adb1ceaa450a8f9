/**
 * Works out who is calling from the request headers: an API key (`x-api-key: <key>` or
 * `Authorization: ApiKey <key>`) grants read and write; a JWT (`Authorization: Bearer <token>`,
 * HS256 with JWT_SECRET) grants write when its `scope` claim lists `write`. Reads are open unless
 * REQUIRE_AUTH_FOR_READS is set. A token that is present but invalid is an error, not anonymity,
 * so a client with an expired token learns why its writes fail. A JWT must carry `exp`, and may live
 * at most JWT_MAX_LIFETIME_SECONDS (from its `iat`, or from now without one): a token that never
 * expires, or expires in a year, is refused, so a leaked token stops working.
 */
import { timingSafeEqual } from 'node:crypto';
import { jwtVerify, type JWTPayload } from 'jose';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.ts';
import type { Caller } from '../context.ts';

function sameKey(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export async function identifyCaller(headers: Headers, auth: Config['auth']): Promise<Caller> {
  const anonymous: Caller = { subject: 'anonymous', canRead: !auth.requireAuthForReads, canWrite: false };
  const authorization = headers.get('authorization')?.trim() ?? '';
  const apiKey = headers.get('x-api-key')?.trim() ?? /^ApiKey\s+(.+)$/i.exec(authorization)?.[1] ?? '';
  if (apiKey) {
    const index = auth.apiKeys.findIndex((key) => sameKey(key, apiKey));
    if (index < 0) throw unauthenticated('The API key is not valid. Send a key listed in API_KEYS, or no key for read-only access.');
    return { subject: `api-key#${index + 1}`, canRead: true, canWrite: true };
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  if (bearer) {
    if (!auth.jwtSecret) throw unauthenticated('This server does not accept JWTs (JWT_SECRET is not set); use an API key.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(bearer, new TextEncoder().encode(auth.jwtSecret), { algorithms: ['HS256'], requiredClaims: ['exp'] }));
    } catch (error) {
      throw unauthenticated(`The bearer token is not valid: ${(error as Error).message} (a token must be HS256-signed with JWT_SECRET and carry exp)`);
    }
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
    const lifetime = (payload.exp as number) - issuedAt;
    if (lifetime > auth.jwtMaxLifetimeSeconds) {
      throw unauthenticated(
        `The bearer token lives ${lifetime} seconds; at most ${auth.jwtMaxLifetimeSeconds} are accepted (JWT_MAX_LIFETIME_SECONDS). Issue a token whose exp is closer to its iat.`,
      );
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(/\s+/) : Array.isArray(payload.scopes) ? payload.scopes : [];
    return { subject: `jwt:${payload.sub ?? 'unknown'}`, canRead: true, canWrite: scopes.includes('write') };
  }
  return anonymous;
}
