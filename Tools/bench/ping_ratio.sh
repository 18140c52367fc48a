#!/usr/bin/env bash
# Health/Check against redis PING with the same client in the same minutes (issue 19's protocol target):
# `chrono-bench` drives 50 connections, unpipelined (P=1) and 16 deep (P=16), first at chronod, then at redis,
# each load alone on the machine; once with every process free to run on either core ("unpinned", as
# `run.sh` measures) and once with the server on core 0 and the client on core 1 ("pinned": the client's
# share of the two cores then cannot decide the result). Prints one line per load and, at the end, one JSON
# object: {"rounds": [{"chronod", "round", "mode", "pipeline", "chronod_rps", "redis_rps", "ratio",
# "chronod_user_us", "chronod_system_us", "redis_user_us", "redis_system_us"}]}, the CPU figures per call
# (from /proc/PID/stat, user and system apart, over the load and its 1 s warm-up).
#
# Several chronod builds are measured in turn, round after round, so two builds meet the same minutes; each
# chronod serves a database it builds from the repository's Graph/ in a directory of its own.
#
# Usage: Tools/bench/ping_ratio.sh [--rounds N] [--duration SECONDS] CHRONOD...
# Every process it starts is stopped by PID on exit; every load is bounded by timeout.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds=2
duration=5
while (( $# )); do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --*) echo "ping_ratio.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
(( $# )) || { echo "usage: Tools/bench/ping_ratio.sh [--rounds N] [--duration S] CHRONOD..." >&2; exit 2; }
command -v redis-server > /dev/null || { echo "redis-server missing: apt-get install -y redis-server" >&2; exit 2; }
command -v taskset > /dev/null || { echo "taskset missing (util-linux)" >&2; exit 2; }
bench="$(cd "$root" && swift build -c release --package-path Benchmarks --show-bin-path)/chrono-bench"
[[ -x "$bench" ]] || { echo "build it first: swift build -c release --package-path Benchmarks" >&2; exit 2; }

work="$(mktemp -d /tmp/chrono-ping.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }  # user and system clock ticks
pin() {  # pid cpus: every thread of the process on those cores
    local thread
    for thread in /proc/"$1"/task/*; do taskset -pc "$2" "${thread##*/}" > /dev/null; done
}

redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning \
    > "$work/redis.log" 2>&1 &
redis=$!
pids+=("$redis")
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping > /dev/null 2>&1 && break; sleep 0.1; done

load() {  # label pid port pipeline client-cpus chrono-bench-args... -> "rps user_us system_us"
    local label="$1" pid="$2" port="$3" pipeline="$4" cpus="$5"
    shift 5
    local before after
    before="$(ticks "$pid")"
    taskset -c "$cpus" timeout $(( duration + 60 )) "$bench" --port "$port" --connections 50 --pipeline "$pipeline" \
        --duration "$duration" --warmup 1 "$@" > "$work/$label.json"
    after="$(ticks "$pid")"
    python3 - "$work/$label.json" "$before" "$after" "$(getconf CLK_TCK)" "$duration" << 'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
(u0, s0), (u1, s1) = map(int, sys.argv[2].split()), map(int, sys.argv[3].split())
tick, seconds = int(sys.argv[4]), float(sys.argv[5])
rps = report["throughput_rps"]
calls = rps * (seconds + 1)  # the ticks include the warm-up second
assert report["errors"] == 0, f"{report['errors']} calls failed"
print(round(rps), round((u1 - u0) / tick / calls * 1e6, 2), round((s1 - s0) / tick / calls * 1e6, 2))
EOF
}

results=()
health='{"id":$ID,"method":"chrono.v1.Health/Check","params":{}}'
for round in $(seq 1 "$rounds"); do
    for chronod in "$@"; do
        mkdir -p "$work/db"
        rm -f "$work/db"/*
        "$chronod" --host 127.0.0.1 --port 0 --db "$work/db/chrono.sqlite" --graph "$root/Graph" \
            > "$work/chronod.out" 2> "$work/chronod.err" &
        server=$!
        pids+=("$server")
        for _ in $(seq 1 300); do grep -q "listening on" "$work/chronod.out" && break; sleep 0.2; done
        port="$(sed -n 's/.*chronod listening on [^ ]*:\([0-9]*\).*/\1/p' "$work/chronod.out" | head -1)"
        [[ -n "$port" ]] || { echo "ping_ratio.sh: $chronod did not start" >&2; cat "$work/chronod.err" >&2; exit 1; }
        for mode in unpinned pinned; do
            if [[ "$mode" == pinned ]]; then server_cpus=0 client_cpus=1; else server_cpus=0,1 client_cpus=0,1; fi
            pin "$server" "$server_cpus"
            pin "$redis" "$server_cpus"
            for pipeline in 1 16; do
                measured="$(load chronod "$server" "$port" "$pipeline" "$client_cpus" \
                    --line "$health" --match-id --ok-contains '"status":"OK"')"
                read -r c_rps c_user c_system <<< "$measured"
                measured="$(load redis "$redis" "$redis_port" "$pipeline" "$client_cpus" \
                    --line PING --crlf --ok-contains PONG)"
                read -r r_rps r_user r_system <<< "$measured"
                ratio="$(python3 -c "print(round($c_rps / $r_rps, 2))")"
                echo "round $round $(basename "$chronod") $mode P=$pipeline: chronod $c_rps rps (user $c_user µs," \
                    "system $c_system µs a call), redis $r_rps rps ($r_user, $r_system): ratio $ratio" >&2
                results+=("{\"chronod\": \"$chronod\", \"round\": $round, \"mode\": \"$mode\", \"pipeline\": $pipeline,
                    \"chronod_rps\": $c_rps, \"redis_rps\": $r_rps, \"ratio\": $ratio, \"chronod_user_us\": $c_user,
                    \"chronod_system_us\": $c_system, \"redis_user_us\": $r_user, \"redis_system_us\": $r_system}")
            done
        done
        kill "$server"
        wait "$server" 2> /dev/null || true
        pids=("$redis")  # the stopped chronod's PID is never signalled again
    done
done
python3 -c 'import json, sys; print(json.dumps({"rounds": [json.loads(r) for r in sys.argv[1:]]}))' "${results[@]}"
