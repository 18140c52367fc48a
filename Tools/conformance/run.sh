#!/usr/bin/env bash
# Starts the built chronod on 127.0.0.1 with an ephemeral port and a temporary database, runs the schema
# conformance harness against it, then stops it by PID. Usage: Tools/conformance/run.sh [path/to/chronod]
set -euo pipefail
cd "$(dirname "$0")/../.."

chronod="${1:-$(swift build --show-bin-path)/chronod}"
scratch="$(mktemp -d)"
"$chronod" --host 127.0.0.1 --port 0 --db "$scratch/graph.sqlite" --graph "${CHRONO_GRAPH:-Graph}" >"$scratch/out" 2>"$scratch/log" &
pid=$!
cleanup() {
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
    grep -q "listening on" "$scratch/out" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$scratch/log" >&2; exit 1; }
    sleep 0.1
done
port="$(sed -n 's/^chronod listening on .*:\([0-9]*\)$/\1/p' "$scratch/out")"
[ -n "$port" ] || { echo "conformance: chronod did not report its port" >&2; cat "$scratch/log" >&2; exit 1; }

timeout 120 python3 Tools/conformance/conformance.py --host 127.0.0.1 --port "$port"
