#!/usr/bin/env bash
# Subscription fan-out benchmark (issue 7): starts a release chronod on a Graph/-format folder (the first
# start builds its database), runs chrono-fanout against it, stops chronod by its PID, prints the JSON.
#
# Usage: Tools/bench/fanout.sh GRAPH_DIR WORK_DIR [chrono-fanout options...]
#   Tools/bench/fanout.sh Graph /tmp/fan-repo
#   Tools/bench/fanout.sh /tmp/g5 /tmp/fan-g5 --subscribers 1000 --commits 20
# For a generated graph the written events cite its synthetic document and have its first actor as agent
# (year 1995); for the repository graph, chrono-fanout's defaults (azerbaijan, 2007). Bounded: chronod has
# 600 s to start, chrono-fanout 900 s.
set -euo pipefail
graph="${1:?GRAPH_DIR}"; work="${2:?WORK_DIR}"; shift 2
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(cd "$root" && swift build -c release --show-bin-path)"
bench_bin="$(cd "$root" && swift build -c release --package-path Benchmarks --show-bin-path)"
[[ -x "$bin/chronod" ]] || { echo "build it first: swift build -c release --product chronod" >&2; exit 1; }
[[ -x "$bench_bin/chrono-fanout" ]] || {
    echo "build it first: swift build -c release --package-path Benchmarks --product chrono-fanout" >&2; exit 1
}
mkdir -p "$work"
extra=()
if ! grep -q '"id":"azerbaijan"' "$graph/entities.jsonl"; then
    # grep -m1 stops at the first match itself (no SIGPIPE under pipefail on a large file).
    doc="$(grep -m1 -oE '"id":"[^"]+\.txt"' "$graph/documents.jsonl" | cut -d'"' -f4)"
    actor="$(grep -m1 -oE '"id":"actor-[0-9]+"' "$graph/entities.jsonl" | cut -d'"' -f4)"
    extra=(--doc "$doc" --actor "$actor" --year 1995)
fi
"$bin/chronod" --host 127.0.0.1 --port 0 --db "$work/chrono.sqlite" --graph "$graph" > "$work/chronod.out" 2>> "$work/chronod.log" &
chronod=$!
trap 'kill -TERM "$chronod" 2> /dev/null || true; wait "$chronod" 2> /dev/null || true' EXIT
deadline=$(( $(date +%s) + 600 ))
until grep -q "chronod listening on" "$work/chronod.out" 2> /dev/null; do
    kill -0 "$chronod" 2> /dev/null && (( $(date +%s) <= deadline )) || { echo "chronod did not start" >&2; exit 1; }
    sleep 0.5
done
port="$(sed -nE 's/.*chronod listening on .*:([0-9]+).*/\1/p' "$work/chronod.out" | head -1)"
timeout 900 "$bench_bin/chrono-fanout" --port "$port" "${extra[@]}" "$@"
