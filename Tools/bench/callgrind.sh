#!/usr/bin/env bash
# Instructions per call of one request line, counted by callgrind (repeatable on a noisy machine).
#
# Runs the release chronod under `valgrind --tool=callgrind` once per count in --counts (on 127.0.0.1, port 0,
# one connection), sends that many copies of the request line (`$ID` replaced by 1, 2, ...) in batches of
# --pipeline lines written at once (each batch's answers read before the next is sent; 1 = unpipelined), stops
# chronod by its PID (SIGTERM, so callgrind writes its totals) and prints one JSON object:
#   {"line", "pipeline", "runs": [{"calls", "instructions"}], "instructions_per_call"}
# where instructions_per_call is the difference of the totals over the difference of the counts, so start-up
# and shutdown cancel out. Every answer must echo its id; --ok-contains (default '"status":"OK"') must be in each.
#
# Usage: Tools/bench/callgrind.sh [--chronod PATH] [--db FILE] [--events N] [--counts "2000 4000"]
#                                 [--pipeline P] [--line 'JSON with $ID'] [--ok-contains TEXT] [--keep]
#   --db FILE    an existing chronod database (kept); without it, a graph of --events events (default 1000)
#                is generated and imported by a plain chronod run first
#   --keep       keep the work directory with the callgrind.out.* files (for callgrind_annotate)
#
# Two things stand between valgrind (Debian 12's 3.19, and 3.27 alike) and chronod, and the script works around
# both: valgrind 3.19 cannot read the DWARF 5 debug information of Swift 6.3 (a copy without it is run), and
# valgrind's rt_sigsuspend wrapper writes into the caller's signal mask, which libdispatch keeps in read-only
# memory, so valgrind died with SIGSEGV as the main thread parked; sigsuspend_copy.c, compiled with gcc and
# preloaded, hands the kernel a writable copy.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
chronod_bin=""
db=""
events=1000
counts="2000 4000"
pipeline=1
line='{"id":$ID,"method":"chrono.v1.Health/Check","params":{}}'
ok_contains='"status":"OK"'
keep=0
while (( $# )); do
    case "$1" in
        --chronod) chronod_bin="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --events) events="$2"; shift 2 ;;
        --counts) counts="$2"; shift 2 ;;
        --pipeline) pipeline="$2"; shift 2 ;;
        --line) line="$2"; shift 2 ;;
        --ok-contains) ok_contains="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        *) echo "callgrind.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
command -v valgrind > /dev/null || { echo "callgrind.sh: valgrind missing (apt-get install -y valgrind)" >&2; exit 2; }
command -v gcc > /dev/null || { echo "callgrind.sh: gcc missing (apt-get install -y gcc)" >&2; exit 2; }
chronod_bin="${chronod_bin:-$(cd "$root" && swift build -c release --show-bin-path)/chronod}"
[[ -x "$chronod_bin" ]] || { echo "callgrind.sh: no $chronod_bin (swift build -c release --product chronod)" >&2; exit 2; }

work="$(mktemp -d /tmp/chrono-callgrind.XXXXXX)"
server=""
cleanup() {
    if [[ -n "$server" ]]; then
        kill -KILL "$server" 2> /dev/null || true
        wait "$server" 2> /dev/null || true
    fi
    if (( keep == 0 )); then rm -rf "$work"; else echo "callgrind.sh: kept $work" >&2; fi
}
trap cleanup EXIT
log() { echo "callgrind.sh [$(date -u +%H:%M:%S)] $*" >&2; }

start() {  # command... -> sets $server (PID) and $port once chronod listens (up to 300 s: valgrind is slow)
    "$@" > "$work/out" 2>> "$work/log" &
    server=$!
    local deadline=$(( $(date +%s) + 300 ))
    until grep -q "chronod listening on" "$work/out" 2> /dev/null; do
        if ! kill -0 "$server" 2> /dev/null || (( $(date +%s) > deadline )); then
            log "chronod did not start listening (log: $work/log)"; keep=1; exit 1
        fi
        sleep 0.2
    done
    port="$(sed -nE 's/.*chronod listening on .*:([0-9]+).*/\1/p' "$work/out" | head -1)"
}
stop() {  # SIGTERM, up to 300 s for a graceful exit (callgrind writes its file then), then SIGKILL
    kill -TERM "$server" 2> /dev/null || true
    for _ in $(seq 1 3000); do kill -0 "$server" 2> /dev/null || break; sleep 0.1; done
    if kill -0 "$server" 2> /dev/null; then
        log "chronod still running 300 s after SIGTERM: killed (log: $work/log)"
        kill -KILL "$server" 2> /dev/null || true
    fi
    wait "$server" 2> /dev/null || true
    server=""
}

if [[ -z "$db" ]]; then
    db="$work/chrono.sqlite"
    log "generating and importing $events events"
    python3 "$root/Tools/graph_generate.py" "$work/graph" --events "$events" --seed 1 > /dev/null
    start "$chronod_bin" --host 127.0.0.1 --port 0 --db "$db" --graph "$work/graph"
    stop
fi

# Valgrind 3.19 cannot read the DWARF 5 the Swift toolchain writes: it runs a copy without debug information
# (the symbol table stays, so callgrind_annotate still names every function).
strip --strip-debug -o "$work/chronod" "$chronod_bin"
gcc -shared -fPIC -O2 -o "$work/sigsuspend_copy.so" "$root/Tools/bench/sigsuspend_copy.c"

# Under valgrind a call runs some 50 times slower, so chronod's default 1 ms for a read tried on the event loop
# (--quick-budget-ms) would stop nearly every read there and run it again on a reader's queue, counting it twice:
# a budget of a second counts what a natively quick read costs. (Builds before that flag are run as they are.)
quick=()
if [[ "$("$chronod_bin" --help 2>&1)" == *--quick-budget-ms* ]]; then quick=(--quick-budget-ms 1000); fi

runs=()
for count in $counts; do
    # A run whose chronod ended without callgrind writing its totals (killed, or valgrind failing) is run once more.
    total=""
    for attempt in 1 2; do
        log "callgrind: $count calls, pipeline $pipeline"
        # The graph directory does not exist, so chronod serves the database as it is.
        start env LD_PRELOAD="$work/sigsuspend_copy.so" valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out.$count" \
            "$work/chronod" --host 127.0.0.1 --port 0 --db "$db" --graph "$work/no-graph" "${quick[@]}"
        timeout 1800 python3 - "$port" "$count" "$pipeline" "$line" "$ok_contains" << 'EOF'
import json, socket, sys
port, count, pipeline, template, ok = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
    reader = connection.makefile("rb")
    sent = 0
    while sent < count:
        batch = range(sent + 1, min(count, sent + pipeline) + 1)
        connection.sendall(b"".join((template.replace("$ID", str(i)) + "\n").encode() for i in batch))
        for i in batch:
            reply = reader.readline()
            if str(json.loads(reply).get("id")) != str(i) or ok.encode() not in reply:
                sys.exit(f"call {i}: unexpected answer {reply[:200]!r}")
        sent = batch[-1]
EOF
        stop
        total="$(awk '/^(summary|totals):/ {print $2; exit}' "$work/callgrind.out.$count" 2> /dev/null || true)"
        [[ -n "$total" ]] && break
        log "callgrind wrote no totals for $count calls (attempt $attempt; valgrind's log: $work/log)"
        keep=1
    done
    [[ -n "$total" ]] || exit 1
    runs+=("{\"calls\": $count, \"instructions\": $total}")
done

python3 - "$line" "$pipeline" "${runs[@]}" << 'EOF'
import json, sys
runs = [json.loads(run) for run in sys.argv[3:]]
report = {"line": sys.argv[1], "pipeline": int(sys.argv[2]), "runs": runs}
if len(runs) >= 2:
    first, last = runs[0], runs[-1]
    report["instructions_per_call"] = round(
        (last["instructions"] - first["instructions"]) / (last["calls"] - first["calls"]))
print(json.dumps(report))
EOF
