#!/usr/bin/env bash
# Self-test of Tools/graph_generate.py: the same seed gives byte-identical files, another seed gives
# different ones, the counts follow N, and every record passes Tools/bench/check_graph.py.
# Usage: Tools/bench/test_generate.sh [EVENTS]   (default 20000; runs in a few seconds)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
events="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

generate() { python3 "$root/Tools/graph_generate.py" "$work/$1" --events "$events" --seed "$2"; }
digest() { (cd "$work/$1" && sha256sum documents.jsonl entities.jsonl events.jsonl relations.jsonl vocabulary.json); }

generate a 7
generate b 7
generate c 8

if [[ "$(digest a)" != "$(digest b)" ]]; then
    echo "FAIL: seed 7 gave different bytes on two runs" >&2
    diff <(digest a) <(digest b) >&2 || true
    exit 1
fi
if [[ "$(sha256sum < "$work/a/events.jsonl")" == "$(sha256sum < "$work/c/events.jsonl")" ]]; then
    echo "FAIL: seeds 7 and 8 gave identical events" >&2
    exit 1
fi
if ! cmp -s "$root/Graph/vocabulary.json" "$work/a/vocabulary.json"; then
    echo "FAIL: vocabulary.json is not a copy of Graph/vocabulary.json" >&2
    exit 1
fi

count() { wc -l < "$work/a/$1" | tr -d ' '; }
expect_count() {  # name actual low high
    if (( $2 < $3 || $2 > $4 )); then
        echo "FAIL: $1: $2 not in [$3, $4]" >&2
        exit 1
    fi
}
expect_count events "$(count events.jsonl)" "$events" "$events"
expect_count entities "$(count entities.jsonl)" $((events / 10 + events / 100)) $((events / 10 + events / 100))
expect_count relations "$(count relations.jsonl)" $((events * 45 / 100)) $((events / 2))

summary="$(python3 "$root/Tools/bench/check_graph.py" "$work/a")"
echo "PASS: $events events, seed 7 reproducible ($(digest a | awk '{print substr($1, 1, 12)}' | paste -sd' ')), $summary"
