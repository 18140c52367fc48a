#!/usr/bin/env bash
# Runs test suites under ThreadSanitizer, then AddressSanitizer, each in its own scratch path so the ordinary
# .build is untouched. Each sanitizer runs the test targets where its kind of defect can live (the whole suite
# runs uninstrumented in .ci/run already):
#   thread:  where threads meet: the server, live writes and subscriptions, the daemon end to end, hardening;
#   address: where our code handles raw memory: the SQLite and zlib C APIs, the JSON and frame byte scanners,
#            the record parser, and the hostile-input corpus fed through all of them.
# A filter (a regular expression over test identifiers, which start with the target's name) replaces both
# defaults when given:
#   Tools/sanitize.sh                 # each sanitizer on its targets
#   Tools/sanitize.sh 'Hardening|EndToEnd'
#   SANITIZERS=thread Tools/sanitize.sh
# Exits non-zero on the first failing run (a race or a memory error fails its test run).
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-}"
sanitizers="${SANITIZERS:-thread address}"
# TSan: fail on the first report; report each race once; keep going to the end of the run; skip the reports
# Tools/tsan.supp names (each with the reason it is not a race in this code).
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1 report_signal_unsafe=0 suppressions=$PWD/Tools/tsan.supp}"
# ASan: leak checking is off (Foundation and the test runner keep caches alive to the end of the process).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0 halt_on_error=1}"

for sanitizer in $sanitizers; do
    case "$sanitizer" in
        thread)
            scratch=.build-tsan
            targets='^(ChronoServerTests|LiveGraphTests|EndToEndTests|HardeningTests|HTTPGatewayTests|chronodTests)\.'
            ;;
        address)
            scratch=.build-asan
            targets='^(ChronoProtocolTests|ChronoGraphTests|ChronoCompressionTests|ChronoStoreTests|BadInputTests)\.'
            ;;
        *) echo "unknown sanitizer: $sanitizer" >&2; exit 2 ;;
    esac
    # One test at a time: instrumented code runs several times slower, and parallel network tests on a
    # small machine would otherwise hit their one-minute time limits.
    arguments=(--sanitize="$sanitizer" --scratch-path "$scratch" --no-parallel --filter "${filter:-$targets}")
    started=$(date +%s)
    echo "== swift test ${arguments[*]}"
    swift test "${arguments[@]}"
    echo "== $sanitizer: passed in $(( $(date +%s) - started )) s"
done
