#!/usr/bin/env bash
# Times `npm start` from a fresh clone, as a newcomer meets it: the first start (the local Neo4j
# launcher built with Maven, an empty database, the demo data loaded) and the second (launcher and
# data reused), each up to the "GraphQL ready" log line, and each stop (SIGTERM to the service).
# Usage: bench/start-times.sh [repository, default: this one]
# The clone gets this checkout's node_modules hard-linked in (npm ci is not what is timed); Maven's
# cache (~/.m2) is left as it is: empty it first to time a machine that never built the launcher.
# Ports 14000 (HTTP) and 17788 (Bolt) keep it clear of a service running on the defaults.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source=${1:-$here}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$source" "$work/clone"
cp -al "$here/node_modules" "$work/clone/node_modules"
cd "$work/clone"
export PATH=$PWD/node_modules/.bin:$PATH PORT=14000 NEO4J_LOCAL_PORT=17788
for run in first second; do
  log="$work/$run.log"
  started=$(date +%s.%N)
  node src/server.ts >"$log" 2>&1 &
  pid=$!
  until grep -q "GraphQL ready" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$run start failed:"; cat "$log"; exit 1; fi
    sleep 0.2
  done
  echo "$run start: $(echo "$(date +%s.%N) - $started" | bc) s (load average $(cut -d' ' -f1 /proc/loadavg))"
  stopping=$(date +%s.%N)
  kill -TERM "$pid"
  wait "$pid" || true
  echo "$run stop: $(echo "$(date +%s.%N) - $stopping" | bc) s"
done
