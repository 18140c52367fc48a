#!/usr/bin/env bash
# chronod beside FalkorDB and Kùzu on one generated graph (issue 19, item 1): builds chronod (release) and
# chrono-floor, prepares the peers' venv (setup.sh), generates the graph and the request lines, then runs
# peers.py (load, agreement check, timing, floor). Loopback only; every process is stopped by its PID.
#
# Usage: Tools/bench/peers/run.sh [--events N] [--seed S] [--calls N] [--rounds R] [--sample N]
#                                 [--graph DIR] [--chronod PATH] [--no-floor]
#                                 [--check-only] [--keep]
#   --calls: request lines per kind, each timed once per round (default 500)
#   --no-floor: no chrono-floor column (it builds the Benchmarks package: a long first build)
#   --check-only: load and compare answers, no timing (the self-check: selfcheck.sh)
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
events=100000
seed=1
calls=500
rounds=4
sample=20
graph=""
chronod_bin=""
with_floor=1
check_only=()
keep=0
while (( $# )); do
    case "$1" in
        --events) events="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --calls) calls="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --sample) sample="$2"; shift 2 ;;
        --graph) graph="$2"; shift 2 ;;
        --chronod) chronod_bin="$2"; shift 2 ;;
        --no-floor) with_floor=0; shift ;;
        --check-only) check_only=(--check-only); with_floor=0; shift ;;
        --keep) keep=1; shift ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d /tmp/chrono-peers.XXXXXX)"
cleanup() { if (( keep == 0 )); then rm -rf "$work"; else echo "run.sh: kept $work" >&2; fi; }
trap cleanup EXIT
log() { echo "run.sh [$(date -u +%H:%M:%S)] $*" >&2; }

python="$("$root/Tools/bench/peers/setup.sh")"
if [[ -z "$chronod_bin" ]]; then
    log "building chronod (release)"
    (cd "$root" && swift build -c release --product chronod > "$work/build-chronod.log" 2>&1) \
        || { log "the chronod build failed: $work/build-chronod.log"; keep=1; exit 1; }
    chronod_bin="$(cd "$root" && swift build -c release --show-bin-path)/chronod"
fi
floor_args=()
if (( with_floor )); then
    log "building chrono-floor (release)"
    (cd "$root" && swift build -c release --package-path Benchmarks --product chrono-floor \
        > "$work/build-floor.log" 2>&1) || { log "chrono-floor build failed: $work/build-floor.log"; keep=1; exit 1; }
    bench_bin="$(cd "$root" && swift build -c release --package-path Benchmarks --show-bin-path)"
    floor_args=(--floor-bin "$bench_bin/chrono-floor")
fi
if [[ -z "$graph" ]]; then
    log "generating $events events (seed $seed)"
    graph="$work/graph"
    python3 "$root/Tools/graph_generate.py" "$graph" --events "$events" --seed "$seed"
fi
python3 "$root/Tools/bench/make_requests.py" "$graph" "$work/requests" --seed "$seed" --count "$calls"
mkdir -p "$work/peers" "$root/Tools/bench/results"
result="$root/Tools/bench/results/peers-$events-$(date -u +%Y%m%dT%H%M%SZ).json"
log "peers.py: $calls calls per kind, $rounds rounds, answers compared on $sample per kind"
"$python" "$root/Tools/bench/peers/peers.py" "$(cd "$graph" && pwd)" "$work/requests" "$work/peers" \
    --chronod "$chronod_bin" --rounds "$rounds" --sample "$sample" "${floor_args[@]}" "${check_only[@]}" \
    --out "$result"
log "wrote $result"
