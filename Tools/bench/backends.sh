#!/usr/bin/env bash
# PostgreSQL against SQLite in one run: the same release chronod serving the same generated graph from a SQLite
# file and from a throwaway PostgreSQL (Tools/pg/start.sh, primary only, Unix socket), loaded by chrono-bench
# with the same request lines, kind by kind, the two backends alternating within each round.
#
#   generate graph -> request lines (+ writes) -> chronod on SQLite (import) and on PostgreSQL (import)
#   -> answers compared on a sample -> R rounds x kinds x {sqlite, postgres} -> backends.py: table and ratios
#
# Reported per load: calls/s, p50/p99, chronod's CPU per call and, for PostgreSQL, the server's CPU per call
# (its backends serving chronod's connections), so the ratio counts the work on both sides.
# Every process it starts is stopped by PID on exit (PostgreSQL by Tools/pg/stop.sh); every wait is bounded.
#
# Usage: Tools/bench/backends.sh [--events N] [--seed S] [--graph DIR] [--duration SECONDS] [--rounds R]
#                                [--connections C] [--kinds "timeline ... write"] [--chronod PATH] [--keep]
#   write: one connection, Facts/Write of one new event per call (ids bench-write-r<round>-<call>), so every call
#          inserts and commits.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
events=100000
seed=1
graph=""
duration=5
rounds=2
connections=8
kinds="timeline actor_timeline search neighbors1 neighbors2 path write"
chronod_bin=""
keep=0
while (( $# )); do
    case "$1" in
        --events) events="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --graph) graph="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --kinds) kinds="$2"; shift 2 ;;
        --chronod) chronod_bin="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        *) echo "backends.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d /tmp/chrono-backends.XXXXXX)"
mkdir -p "$work/parts"
pids=()
pg_dir=""
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    if [[ -n "$pg_dir" ]]; then "$root/Tools/pg/stop.sh" "$pg_dir" > /dev/null 2>&1 || true; fi
    if (( keep == 0 )); then rm -rf "$work"; else echo "backends.sh: kept $work" >&2; fi
}
trap cleanup EXIT
log() { echo "backends.sh [$(date -u +%H:%M:%S)] $*" >&2; }
cpu_ticks() {  # PIDs... -> their user + system CPU in clock ticks (0 for one that is gone)
    local total=0 pid
    for pid in "$@"; do
        if [[ -r "/proc/$pid/stat" ]]; then
            total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
        fi
    done
    echo "$total"
}

if [[ -z "$chronod_bin" ]]; then
    log "building chronod (release)"
    (cd "$root" && swift build -c release --product chronod > "$work/build-chronod.log" 2>&1) \
        || { log "chronod build failed: $work/build-chronod.log"; keep=1; exit 1; }
    chronod_bin="$(cd "$root" && swift build -c release --show-bin-path)/chronod"
fi
log "building the benchmark tools (release)"
(cd "$root" && swift build -c release --package-path Benchmarks > "$work/build-bench.log" 2>&1) \
    || { log "benchmark build failed: $work/build-bench.log"; keep=1; exit 1; }
bench_bin="$(cd "$root" && swift build -c release --package-path Benchmarks --show-bin-path)/chrono-bench"

if [[ -z "$graph" ]]; then
    log "generating $events events (seed $seed)"
    graph="$work/graph"
    python3 "$root/Tools/graph_generate.py" "$graph" --events "$events" --seed "$seed" > /dev/null
fi
graph="$(cd "$graph" && pwd)"
python3 "$root/Tools/bench/make_requests.py" "$graph" "$work/requests" --seed "$seed"
python3 - "$graph" "$work/requests/write.ndjson" << 'EOF'
import json, sys
graph, out = sys.argv[1], sys.argv[2]
with open(f"{graph}/documents.jsonl") as source:
    doc = json.loads(source.readline())["id"]
actors = []
with open(f"{graph}/entities.jsonl") as source:
    for line in source:
        record = json.loads(line)
        if record["id"].startswith("actor-"):
            actors.append(record["id"])
        if len(actors) == 2:
            break
event = {"record": "event", "id": "bench-write-$ID", "type": "statement", "title": "Benchmark write $ID",
         "summary": "A write made by the backends benchmark.", "date": {"edtf": "2001-02-03"},
         "participants": [{"entity": actors[0], "role": "agent"}, {"entity": actors[1], "role": "target"}],
         "citations": [{"doc": doc, "lines": [1, 1]}]}
line = json.dumps({"id": 0, "method": "chrono.v1.Facts/Write", "params": {"upserts": [event]}}, sort_keys=True,
                  separators=(",", ":"))
open(out, "w").write(line.replace('"id":0', '"id":$ID', 1) + "\n")
EOF

log "starting PostgreSQL (primary only)"
eval "$("$root/Tools/pg/start.sh" --no-replica)"
pg_dir="$CHRONO_PG_DIR"
postmaster="$(head -1 "$pg_dir/p/postmaster.pid")"

declare -A port pid
start_chronod() {  # name store-args... -> port[name], pid[name]; imports the graph on first start
    local name="$1"; shift
    "$chronod_bin" --host 127.0.0.1 --port 0 --graph "$graph" "$@" > "$work/$name.out" 2> "$work/$name.log" &
    pid[$name]=$!
    pids+=("${pid[$name]}")
    local deadline=$(( $(date +%s) + 1800 ))
    until grep -q "chronod listening on" "$work/$name.out" 2> /dev/null; do
        if ! kill -0 "${pid[$name]}" 2> /dev/null || (( $(date +%s) > deadline )); then
            log "chronod on $name did not start: $work/$name.log"; keep=1; exit 1
        fi
        sleep 0.5
    done
    port[$name]="$(sed -nE 's/.*chronod listening on .*:([0-9]+).*/\1/p' "$work/$name.out" | head -1)"
}
seconds_since() { python3 -c "import sys, time; print(round(time.time() - float(sys.argv[1]), 1))" "$1"; }
started="$(date +%s.%N)"
start_chronod sqlite --db "$work/chrono.sqlite"
import_sqlite="$(seconds_since "$started")"
started="$(date +%s.%N)"
start_chronod postgres --store "$CHRONO_TEST_POSTGRES"
import_postgres="$(seconds_since "$started")"
log "imported: SQLite ${import_sqlite}s, PostgreSQL ${import_postgres}s"
printf '{"events": %s, "import_s": {"sqlite": %s, "postgres": %s}, "git": "%s", "started_utc": "%s", "connections": %s, "duration_s": %s}\n' \
    "$events" "$import_sqlite" "$import_postgres" "$(git -C "$root" rev-parse --short HEAD)" "$(date -u +%FT%TZ)" \
    "$connections" "$duration" > "$work/parts/meta.json"

log "comparing answers on a sample"
timeout 600 python3 "$root/Tools/bench/backends.py" compare "${port[sqlite]}" "${port[postgres]}" "$work/requests" \
    > "$work/parts/compare.json" || log "the comparison failed"

for round in $(seq 1 "$rounds"); do
    for kind in $kinds; do
        conns="$connections"; requests="$work/requests/$kind.ndjson"
        if [[ "$kind" == write ]]; then  # new ids each round, so every call inserts
            conns=1; requests="$work/requests/write-$round.ndjson"
            sed "s/bench-write-/bench-write-r$round-/" "$work/requests/write.ndjson" > "$requests"
        fi
        for name in sqlite postgres; do
            log "round $round: $kind on $name, $conns connections, ${duration}s"
            backends=()
            if [[ "$name" == postgres ]]; then mapfile -t backends < <(ps -o pid= --ppid "$postmaster" | tr -d " "); fi
            before_chronod="$(cpu_ticks "${pid[$name]}")"
            before_pg="$(cpu_ticks "${backends[@]}")"
            timeout $(( ${duration%.*} + 60 )) "$bench_bin" --port "${port[$name]}" --connections "$conns" \
                --duration "$duration" --requests "$requests" --match-id \
                --ok-contains '"status":"OK"' --label "$kind" > "$work/bench.json" || log "chrono-bench failed"
            after_chronod="$(cpu_ticks "${pid[$name]}")"
            after_pg="$(cpu_ticks "${backends[@]}")"
            python3 - "$work/bench.json" "$name" "$round" "$(( after_chronod - before_chronod ))" \
                "$(( after_pg - before_pg ))" "$(getconf CLK_TCK)" \
                > "$work/parts/load-$round-$kind-$name.json" << 'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
ticks = float(sys.argv[6])
report.update({"backend": sys.argv[2], "round": int(sys.argv[3]), "chronod_cpu_s": int(sys.argv[4]) / ticks,
               "postgres_cpu_s": int(sys.argv[5]) / ticks})
print(json.dumps(report, sort_keys=True))
EOF
        done
    done
done

mkdir -p "$root/Tools/bench/results"
out="$root/Tools/bench/results/backends-$events-$(date -u +%Y%m%dT%H%M%S).json"
python3 "$root/Tools/bench/backends.py" summarize "$work/parts" "$out"
log "wrote $out"
