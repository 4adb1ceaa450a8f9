/**
 * `--no-response-cache` for the benches: the service as configured by default (RESPONSE_CACHE_ENTRIES,
 * 500 unless set), or with no response cache. A bench repeats the same requests, so with the cache on
 * it measures answers served from memory (src/http/response-cache.ts): reads repeated between writes.
 */
import type { Config } from '../src/config.ts';

export const responseCacheOption = { 'response-cache': { type: 'boolean', default: true } } as const;

export function withResponseCache(config: Config, on: boolean): { config: Config; label: string } {
  if (!on) return { config: { ...config, responseCacheEntries: 0 }, label: 'response cache off (--no-response-cache): every request worked out anew' };
  if (config.responseCacheEntries === 0) return { config, label: 'response cache off (RESPONSE_CACHE_ENTRIES=0): every request worked out anew' };
  return {
    config,
    label: `response cache on (RESPONSE_CACHE_ENTRIES=${config.responseCacheEntries}): a request repeated before any write is answered from memory after one read of the graph's version`,
  };
}
