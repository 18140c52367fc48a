#!/usr/bin/env bash
# One bounded benchmark run at one scale, loopback only (Tools/bench/README.md has the plan).
#
#   generate graph -> request lines -> start chronod on it (import time, idle RSS, 1,000 idle connections)
#   -> chrono-bench per query kind (CPU seconds, peak RSS) -> redis-server: redis-benchmark and chrono-bench PING
#   -> stop chronod -> floor.py on the same SQLite file (+ raw insert rate) -> results/<events>-<time>.json
#
# Every process it starts is stopped by PID on exit; every wait is bounded.
# Usage: Tools/bench/run.sh [--events N] [--seed S] [--duration SECONDS] [--connections C]
#                           [--kinds "health timeline ..."] [--import-timeout SECONDS] [--keep]
#                           [--graph DIR]   (a folder graph_generate.py wrote with these --events and --seed)
#                           [--queries-only]  (only the query kinds against the floor: no idle connections,
#                                              fan-out, snapshots, redis or raw insert rate)
#                           [--chronod PATH]  (this chronod binary instead of building the checkout's, e.g. an
#                                              older build to compare with in the same conditions)
#                           [--db FILE]       (a database chronod built from this graph before: no import;
#                                              kept on exit)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
events=10000
seed=1
duration=5
connections=50
kinds="health timeline actor_timeline search neighbors1 neighbors2 path find"
import_timeout=900
keep=0
graph=""
queries_only=0
chronod_bin=""
db=""
while (( $# )); do
    case "$1" in
        --events) events="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --kinds) kinds="$2"; shift 2 ;;
        --import-timeout) import_timeout="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        --graph) graph="$2"; shift 2 ;;
        --queries-only) queries_only=1; shift ;;
        --chronod) chronod_bin="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d /tmp/chrono-bench.XXXXXX)"
database="${db:-$work/chrono.sqlite}"
mkdir -p "$work/parts" "$root/Tools/bench/results"
pids=()
forget() {  # drops a stopped PID from $pids, so cleanup never signals a reused PID
    local kept=() pid
    for pid in "${pids[@]}"; do [[ "$pid" == "$1" ]] || kept+=("$pid"); done
    pids=("${kept[@]}")
}
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2> /dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
    if (( keep == 0 )); then rm -rf "$work"; else echo "run.sh: kept $work" >&2; fi
}
trap cleanup EXIT

log() { echo "run.sh [$(date -u +%H:%M:%S)] $*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { python3 -c 'import time; print(time.monotonic())'; }
rss_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
cpu_s() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tick}' "/proc/$1/stat"; }
health() {  # port -> exit 0 when chronod answers Health/Check with OK within 1 s
    python3 - "$1" << 'EOF'
import json, socket, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1) as connection:
        connection.sendall(b'{"id":1,"method":"chrono.v1.Health/Check","params":{}}\n')
        reply = connection.makefile().readline()
    sys.exit(0 if json.loads(reply).get("status") == "OK" else 1)
except (OSError, ValueError):
    sys.exit(1)
EOF
}

# chronod from the main package, the tools from the Benchmarks/ package (which the main build never builds).
# Both builds are incremental, so a run always measures the checked-out code and not a stale binary.
build() {  # name, swift build arguments... -> exits when the build fails, pointing at its log
    local name="$1"; shift
    log "building $name (release)"
    (cd "$root" && swift build -c release "$@" > "$work/build-$name.log" 2>&1) || {
        log "the $name build failed: $work/build-$name.log"; keep=1; exit 1
    }
}
if [[ -z "$chronod_bin" ]]; then
    build chronod --product chronod
    chronod_bin="$(cd "$root" && swift build -c release --show-bin-path)/chronod"
fi
build benchmarks --package-path Benchmarks
bench_bin="$(cd "$root" && swift build -c release --package-path Benchmarks --show-bin-path)"

start="$(now)"
if [[ -n "$graph" ]]; then
    log "using the generated graph in $graph"
    graph="$(cd "$graph" && pwd)"
else
    log "generating $events events (seed $seed)"
    graph="$work/graph"
    python3 "$root/Tools/graph_generate.py" "$graph" --events "$events" --seed "$seed"
fi
generate_s="$(python3 -c "import time; print(round(time.monotonic() - $start, 3))")"
python3 "$root/Tools/bench/make_requests.py" "$graph" "$work/requests" --seed "$seed"
printf '{"events": %s, "seed": %s, "duration_s": %s, "connections": %s, "generate_s": %s, "cores": %s, "kernel": "%s", "cpu": "%s", "started_utc": "%s", "git": "%s"}\n' \
    "$events" "$seed" "$duration" "$connections" "$generate_s" "$(nproc)" "$(uname -r)" \
    "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" "$(date -u +%FT%TZ)" \
    "$(git -C "$root" rev-parse --short HEAD)" > "$work/parts/meta.json"

start_chronod() {  # sets $chronod (PID) and $port; the first start on a missing file imports the graph
    "$chronod_bin" --host 127.0.0.1 --port 0 --db "$database" --graph "$graph" \
        > "$work/chronod.out" 2>> "$work/chronod.log" &
    chronod=$!
    pids+=("$chronod")
    local deadline=$(( $(date +%s) + import_timeout ))
    until grep -q "chronod listening on" "$work/chronod.out" 2> /dev/null; do
        if ! kill -0 "$chronod" 2> /dev/null || (( $(date +%s) > deadline )); then
            log "chronod did not start listening (log: $work/chronod.log)"; tail -5 "$work/chronod.log" >&2; exit 1
        fi
        sleep 0.1
    done
    port="$(sed -nE 's/.*chronod listening on .*:([0-9]+).*/\1/p' "$work/chronod.out" | head -1)"
    health "$port" || { log "chronod on port $port does not answer Health/Check"; exit 1; }
}
stop_chronod() {  # SIGTERM, up to 10 s to drain, then SIGKILL
    kill -TERM "$chronod" 2> /dev/null || true
    for _ in $(seq 1 100); do kill -0 "$chronod" 2> /dev/null || break; sleep 0.1; done
    kill -KILL "$chronod" 2> /dev/null || true
    wait "$chronod" 2> /dev/null || true
    forget "$chronod"
}

if [[ -n "$db" && -f "$db" ]]; then
    log "starting chronod on the database $db (no import)"
    start_chronod
    sleep 1
else
    log "starting chronod on a missing database: it imports the graph"
    start="$(now)"
    start_chronod
    import_s="$(python3 -c "import time; print(round(time.monotonic() - $start, 3))")"
    rss_after_import="$(rss_kb "$chronod" VmHWM)"
    cpu_import="$(cpu_s "$chronod")"
    stop_chronod
    log "imported in ${import_s}s; restarting on the built database"
    start_chronod
    sleep 1
    printf '{"seconds": %s, "records": %s, "peak_rss_kb_import": %s, "cpu_s_import": %s, "idle_rss_kb": %s, "db_bytes": %s}\n' \
        "$import_s" "$(cat "$graph"/*.jsonl | wc -l)" "$rss_after_import" "$cpu_import" "$(rss_kb "$chronod" VmRSS)" \
        "$(du -cb "$database"* | tail -1 | cut -f1)" > "$work/parts/import.json"
fi
if (( queries_only == 0 )); then
    log "1,000 idle connections"
    timeout 120 python3 "$root/Tools/bench/idle_connections.py" "$port" "$chronod" --connections 1000 \
        > "$work/parts/idle.json" || log "idle connections measurement failed"
fi

load() {  # kind connections pipeline -> parts/daemon-<kind>-c<C>-p<P>.json, with chronod's CPU and RSS
    local kind="$1" conns="$2" pipeline="$3" cpu_before
    log "chronod $kind, $conns connections, pipeline $pipeline, ${duration}s"
    cpu_before="$(cpu_s "$chronod")"
    if timeout $(( ${duration%.*} + 60 )) "$bench_bin/chrono-bench" --port "$port" --connections "$conns" \
        --pipeline "$pipeline" --duration "$duration" --requests "$work/requests/$kind.ndjson" --match-id \
        --ok-contains '"status":"OK"' --label "$kind" > "$work/bench.json"; then
        python3 - "$work/bench.json" "$cpu_before" "$(cpu_s "$chronod")" "$(rss_kb "$chronod" VmRSS)" \
            "$(rss_kb "$chronod" VmHWM)" > "$work/parts/daemon-$kind-c$conns-p$pipeline.json" << 'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
report["daemon"] = {"cpu_s": round(float(sys.argv[3]) - float(sys.argv[2]), 2), "rss_kb": int(sys.argv[4]),
                    "peak_rss_kb": int(sys.argv[5])}
print(json.dumps(report, sort_keys=True))
EOF
    else
        log "chrono-bench failed on $kind"
    fi
}
for kind in $kinds; do
    if [[ "$kind" == health ]]; then
        load health "$connections" 1
        load health "$connections" 16
    else
        load "$kind" "$connections" 1
        load "$kind" 1 1
    fi
done

log "checking that chronod and the floor give the same answers"
(cd "$root/Tools/bench" && timeout 300 python3 compare.py "$port" "$database" "$work/requests" \
    --floor-bin "$bench_bin/chrono-floor") \
    > "$work/parts/compare.json" || log "compare.py failed"

if (( queries_only == 1 )); then
    log "stopping chronod (queries only)"
    stop_chronod
else
    log "subscription fan-out: 1,000 subscribers, 20 commits"
    fanout_args=()
    if ! grep -q '"id":"azerbaijan"' "$graph/entities.jsonl"; then
        doc="$(grep -m1 -oE '"id":"[^"]+\.txt"' "$graph/documents.jsonl" | cut -d'"' -f4)"
        actor="$(grep -m1 -oE '"id":"actor-[0-9]+"' "$graph/entities.jsonl" | cut -d'"' -f4)"
        fanout_args=(--doc "$doc" --actor "$actor" --year 1995)
    fi
    timeout 900 "$bench_bin/chrono-fanout" --port "$port" --subscribers 1000 --connections 100 --commits 20 \
        --commit-timeout 60 --server-pid "$chronod" \
        "${fanout_args[@]}" > "$work/parts/fanout.json" || log "chrono-fanout failed"

    log "snapshot create/restore/as_of, each step's peak RSS, compression vs gzip -6 and a file copy"
    timeout 3600 python3 "$root/Tools/bench/snapshots.py" --port "$port" --db "$database" \
        --pid "$chronod" --label "$events" > "$work/parts/snapshots.json" || log "snapshots.py failed"

    log "stopping chronod"
    stop_chronod

    if command -v redis-server > /dev/null; then
        redis_port="$(free_port)"
        log "redis-server on 127.0.0.1:$redis_port"
        redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning \
            > "$work/redis.log" 2>&1 &
        redis=$!
        pids+=("$redis")
        for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping > /dev/null 2>&1 && break; sleep 0.1; done
        for pipeline in 1 16; do
            timeout $(( ${duration%.*} + 60 )) "$bench_bin/chrono-bench" --port "$redis_port" --connections "$connections" \
                --pipeline "$pipeline" --duration "$duration" --crlf --line PING --ok-contains PONG \
                --label "redis-ping" > "$work/parts/redis-chrono-bench-p$pipeline.json" || log "chrono-bench on redis failed"
        done
        requests=$(( connections * 4000 ))
        runs=""
        for pipeline in 1 16; do
            out="$(timeout 300 redis-benchmark -p "$redis_port" -t ping -c "$connections" -n "$requests" -P "$pipeline" --csv \
                | python3 -c '
import csv, json, sys
for row in csv.DictReader(sys.stdin):
    print(json.dumps({"pipeline": int(sys.argv[1]), "test": row["test"], "rps": float(row["rps"]),
                      "p50_ms": float(row["p50_latency_ms"]), "p99_ms": float(row["p99_latency_ms"])}))
' "$pipeline" | paste -sd,)"
            runs="${runs:+$runs,}$out"
        done
        printf '{"connections": %s, "requests": %s, "runs": [%s]}\n' "$connections" "$requests" "$runs" \
            > "$work/parts/redis-benchmark.json"
        kill "$redis" 2> /dev/null || true
        wait "$redis" 2> /dev/null || true
        forget "$redis"
    else
        log "redis-server not installed: no redis baseline (apt-get install -y redis-server redis-tools)"
    fi
fi

log "floor: the same request lines on the same SQLite file, in process, at the same concurrency"
for kind in $kinds; do
    [[ "$kind" == health ]] && continue
    for conns in "$connections" 1; do
        timeout $(( ${duration%.*} + 120 )) "$bench_bin/chrono-floor" --db "$database" \
            --requests "$work/requests/$kind.ndjson" --connections "$conns" --duration "$duration" --label "$kind" \
            > "$work/parts/floor-$kind-c$conns.json" || log "chrono-floor failed on $kind"
    done
done
if (( queries_only == 0 )); then
    log "raw insert rate of the same rows (import baseline)"
    python3 "$root/Tools/bench/floor.py" "$database" "$work/requests" --raw-insert-only \
        --import-copy "$work/floor-copy.sqlite" > "$work/parts/raw-insert.json" || log "floor.py failed"
fi

result="$root/Tools/bench/results/$events-$(date -u +%Y%m%dT%H%M%SZ).json"
python3 "$root/Tools/bench/summarize.py" "$work" "$result"
log "wrote $result"
