#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for a bounded time.
#
#   Tools/fuzz/run.sh                 60 s per harness
#   Tools/fuzz/run.sh --smoke         5 s per harness (CI)
#   Tools/fuzz/run.sh --seconds 300   300 s per harness
#   Tools/fuzz/run.sh EDTFFuzzer      only the named harness(es)
#
# Each harness starts from its committed seed corpus (corpus/<harness>/, never written to) with the tokens of
# dictionaries/<harness>.dict, and grows a working corpus in work/<harness>/. A crash, a leak, a timeout or an
# out-of-memory input is saved under crashes/ and makes the script exit 1 after all harnesses have run.
# Both directories are git-ignored.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds=60
harnesses=()
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) seconds=5 ;;
        --seconds) seconds="$2"; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 64 ;;
        *) harnesses+=("$1") ;;
    esac
    shift
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=(FrameRequestFuzzer EDTFFuzzer GraphRecordFuzzer)

# SwiftPM names a path dependency after its directory; a symlink named `chronograph` keeps that name distinct
# from this package's own (`fuzz`) whatever the checkout is called. Its path is stable so builds stay incremental.
mkdir -p "$here/.build"
ln -sfn "$root" "$here/.build/chronograph"
export CHRONOGRAPH_ROOT="$here/.build/chronograph"

cd "$here"
echo "== building harnesses (release, -sanitize=fuzzer,address)"
# The linker's "Cannot export local symbol" notes are noise; the build's own status decides.
set +e
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -v "Cannot export local symbol"
build_status=${PIPESTATUS[0]}
set -e
if [ "$build_status" -ne 0 ]; then
    echo "run.sh: the harnesses did not build (exit $build_status); after files were removed from the package," \
        "a stale Tools/fuzz/.build can cause this: delete it and run again" >&2
    exit 1
fi
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)"

max_len() {
    case "$1" in
        FrameRequestFuzzer) echo 8192 ;;  # above the harness's 4,096-byte line cap
        EDTFFuzzer) echo 128 ;;           # twice EDTFDate.maximumLength
        *) echo 4096 ;;
    esac
}

mkdir -p crashes
failed=()
for harness in "${harnesses[@]}"; do
    [ -x "$bin/$harness" ] || { echo "run.sh: no harness $harness in $bin" >&2; exit 64; }
    mkdir -p "work/$harness"
    log="work/$harness.log"
    echo "== $harness: ${seconds}s"
    status=0
    "$bin/$harness" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$harness")" \
        -print_final_stats=1 -artifact_prefix="crashes/$harness-" -dict="dictionaries/$harness.dict" \
        "work/$harness" "corpus/$harness" >"$log" 2>&1 || status=$?
    grep -E "^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" || true
    if [ "$status" -ne 0 ]; then
        echo "!! $harness exited $status; see Tools/fuzz/$log and Tools/fuzz/crashes/"
        grep -E "ERROR|Fatal error|Precondition failed|SUMMARY" "$log" | head -5 || true
        failed+=("$harness")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "OK: no crash in ${harnesses[*]}"
