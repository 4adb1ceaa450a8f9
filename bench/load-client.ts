/**
 * One autocannon run, in its own process so the load generator does not share an event loop (or a
 * core's time slices) with the server it measures: `node bench/load-client.ts '<json options>'`.
 * Prints one JSON line: requests per second (mean), latency p50/p99 ms, and what went wrong.
 */
import autocannon from 'autocannon';

const { url, connections, duration, body } = JSON.parse(process.argv[2]!) as { url: string; connections: number; duration: number; body: string };
const result = await autocannon({ url, connections, duration, method: 'POST', headers: { 'content-type': 'application/json' }, body });
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
