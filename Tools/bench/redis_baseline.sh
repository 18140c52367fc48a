#!/usr/bin/env bash
# Starts a throwaway redis-server on a free loopback port, runs `redis-benchmark -t ping` against it
# (50 connections, without and with pipelining), stops the server by its PID, and prints one JSON
# object: {"port", "connections", "requests", "runs": [{"pipeline", "test", "rps", "p50_ms", "p99_ms", ...}]}.
# Usage: Tools/bench/redis_baseline.sh [REQUESTS] [CONNECTIONS] [PIPELINE]   (defaults 200000 50 16)
set -euo pipefail

requests="${1:-200000}"
connections="${2:-50}"
pipeline="${3:-16}"
command -v redis-server > /dev/null || { echo "redis-server missing: apt-get install -y redis-server redis-tools" >&2; exit 2; }

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --loglevel warning \
    > /dev/null 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true' EXIT

for _ in $(seq 1 50); do  # up to 5 s for the server to answer
    redis-cli -h 127.0.0.1 -p "$port" ping > /dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$port" ping > /dev/null

run() {  # pipeline depth -> JSON object for PING_INLINE and PING_MBULK
    timeout 120 redis-benchmark -h 127.0.0.1 -p "$port" -t ping -c "$connections" -n "$requests" -P "$1" --csv \
        | python3 -c '
import csv, json, sys
rows = list(csv.DictReader(sys.stdin))
for row in rows:
    print(json.dumps({"pipeline": int(sys.argv[1]), "test": row["test"], "rps": float(row["rps"]),
                      "avg_ms": float(row["avg_latency_ms"]), "p50_ms": float(row["p50_latency_ms"]),
                      "p95_ms": float(row["p95_latency_ms"]), "p99_ms": float(row["p99_latency_ms"]),
                      "max_ms": float(row["max_latency_ms"])}))
' "$1"
}

runs="$( { run 1; run "$pipeline"; } | paste -sd, )"
printf '{"tool": "redis-benchmark", "version": "%s", "port": %s, "connections": %s, "requests": %s, "runs": [%s]}\n' \
    "$(redis-server --version | sed -E 's/.*v=([^ ]+).*/\1/')" "$port" "$connections" "$requests" "$runs"
