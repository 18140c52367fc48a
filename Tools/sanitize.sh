#!/usr/bin/env bash
# Runs the test suite under ThreadSanitizer, then AddressSanitizer, each in its own scratch path so the
# ordinary .build is untouched. A filter (a regular expression over suites) narrows both runs when given:
#   Tools/sanitize.sh                 # the whole suite, both sanitizers
#   Tools/sanitize.sh 'Hardening|EndToEnd'
#   SANITIZERS=thread Tools/sanitize.sh
# Exits non-zero on the first failing run (a race or a memory error fails its test run).
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-}"
sanitizers="${SANITIZERS:-thread address}"
# TSan: fail on the first report; report each race once; keep going to the end of the run.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1 report_signal_unsafe=0}"
# ASan: leak checking is off (Foundation and the test runner keep caches alive to the end of the process).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0 halt_on_error=1}"

for sanitizer in $sanitizers; do
    case "$sanitizer" in
        thread) scratch=.build-tsan ;;
        address) scratch=.build-asan ;;
        *) echo "unknown sanitizer: $sanitizer" >&2; exit 2 ;;
    esac
    # One test at a time: instrumented code runs several times slower, and parallel network tests on a
    # small machine would otherwise hit their one-minute time limits.
    arguments=(--sanitize="$sanitizer" --scratch-path "$scratch" --no-parallel)
    if [[ -n "$filter" ]]; then arguments+=(--filter "$filter"); fi
    started=$(date +%s)
    echo "== swift test ${arguments[*]}"
    swift test "${arguments[@]}"
    echo "== $sanitizer: passed in $(( $(date +%s) - started )) s"
done
