#!/usr/bin/env bash
# TLS against plain TCP (issue 14), loopback only: the same chronod build started twice on the same graph, each on
# its own database file — once plain, once with a throwaway certificate (made here with openssl, removed on exit) —
# and chrono-bench alternating between them in one run, for Health/Check and a timeline window. Prints one JSON line
# per measurement, then a table with the TLS/plain throughput ratio of each.
#
# Usage: Tools/bench/tls.sh [--chronod PATH] [--duration SECONDS] [--connections C] [--pipeline P] [--rounds R]
#   default: the release chronod, 5 s measured (+1 s warm-up) per measurement, 50 connections, pipeline 1, 2 rounds.
# Build first: swift build -c release --product chronod; swift build -c release --package-path Benchmarks
# --product chrono-bench. Every process it starts is stopped by PID on exit; every wait is bounded.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
chronod="$(cd "$root" && swift build -c release --show-bin-path)/chronod"
bench="$(cd "$root" && swift build -c release --package-path Benchmarks --show-bin-path)/chrono-bench"
duration=5
connections=50
pipeline=1
rounds=2
while (( $# )); do
    case "$1" in
        --chronod) chronod="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --pipeline) pipeline="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        *) echo "tls.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ -x "$chronod" ]] || { echo "tls.sh: no chronod at $chronod (build it first)" >&2; exit 1; }
[[ -x "$bench" ]] || { echo "tls.sh: no chrono-bench at $bench (build it first)" >&2; exit 1; }
(( ${duration%.*} <= 10 )) || { echo "tls.sh: --duration is at most 10 s" >&2; exit 2; }

work="$(mktemp -d /tmp/chrono-tls-bench.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
log() { echo "tls.sh [$(date -u +%H:%M:%S)] $*" >&2; }

log "making a throwaway CA and a certificate for 127.0.0.1"
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -keyout "$work/ca.key" -out "$work/ca.pem" -days 1 -subj "/CN=bench CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign 2> /dev/null
openssl req "${ec[@]}" -keyout "$work/server.key" -out "$work/server.csr" -subj "/CN=localhost" 2> /dev/null
printf 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$work/server.ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -set_serial 1 -days 1 \
    -extfile "$work/server.ext" -out "$work/server.pem" 2> /dev/null

start() {  # name, extra chronod arguments... -> sets $port; each daemon builds its own database from Graph/
    # (one daemon serves one database file: a second one on the same file refuses to start)
    local name="$1" deadline; shift
    "$chronod" --host 127.0.0.1 --port 0 --db "$work/$name.sqlite" --graph "$root/Graph" "$@" \
        > "$work/$name.out" 2> "$work/$name.log" &
    pids+=("$!")
    deadline=$(( $(date +%s) + 300 ))
    until grep -q "chronod listening on" "$work/$name.out" 2> /dev/null; do
        if ! kill -0 "${pids[-1]}" 2> /dev/null || (( $(date +%s) > deadline )); then
            log "chronod ($name) did not start"; tail -5 "$work/$name.log" >&2; exit 1
        fi
        sleep 0.2
    done
    port="$(sed -nE 's/.*chronod listening on .*:([0-9]+).*/\1/p' "$work/$name.out" | head -1)"
}
start plain
plain_port="$port"
start tls --tls-cert "$work/server.pem" --tls-key "$work/server.key"
tls_port="$port"

declare -A lines=(
    [health]='{"id":$ID,"method":"chrono.v1.Health/Check","params":{}}'
    [timeline]='{"id":$ID,"method":"chrono.v1.Timeline/Query","params":{"from":"2007","to":"2011","limit":50}}'
)
results="$work/results.ndjson"
for round in $(seq 1 "$rounds"); do
    for kind in health timeline; do
        for transport in plain tls; do
            log "round $round: $kind over $transport, $connections connections, pipeline $pipeline, ${duration}s"
            if [[ "$transport" == tls ]]; then target=(--port "$tls_port" --tls-ca "$work/ca.pem"); else
                target=(--port "$plain_port"); fi
            timeout $(( ${duration%.*} + 60 )) "$bench" "${target[@]}" --connections "$connections" \
                --pipeline "$pipeline" --duration "$duration" --warmup 1 --line "${lines[$kind]}" --match-id \
                --ok-contains '"status":"OK"' --label "$kind-$transport-r$round" | tee -a "$results"
        done
    done
done

python3 - "$results" "$chronod" << 'EOF'
import json, statistics, sys
reports = [json.loads(line) for line in open(sys.argv[1])]
print(f"\nchronod {sys.argv[2]}; median of the rounds; errors must be 0")
print("| call | plain rps | TLS rps | TLS/plain | plain p50/p99 ms | TLS p50/p99 ms | errors |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for kind in ("health", "timeline"):
    def pick(transport):
        return [r for r in reports if r["label"].startswith(f"{kind}-{transport}-")]
    plain, tls = pick("plain"), pick("tls")
    rps = lambda rs: statistics.median(r["throughput_rps"] for r in rs)
    lat = lambda rs: "%.2f / %.2f" % (statistics.median(r["latency_ms"]["p50"] for r in rs),
                                 statistics.median(r["latency_ms"]["p99"] for r in rs))
    errors = sum(r["errors"] for r in plain + tls)
    print(f"| {kind} | {rps(plain):,.0f} | {rps(tls):,.0f} | {rps(tls) / rps(plain):.2f} | {lat(plain)} | {lat(tls)} | {errors} |")
EOF
