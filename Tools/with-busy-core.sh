#!/usr/bin/env bash
# Runs a command while one core is kept busy by a bounded background loop (stopped by its PID afterwards), then
# checks that the command left none of this checkout's built programs running.
#
#   Tools/with-busy-core.sh swift test
#
# CI runs the suite this way (after building it with the machine quiet), so a test that passes only on an idle machine fails in CI, not for
# the next newcomer. The loop is capped at 40 minutes even if this script is killed before it can stop it.
set -uo pipefail
cd "$(dirname "$0")/.."

timeout 2400 sh -c 'while :; do :; done' &
busy=$!
trap 'kill "$busy" 2>/dev/null; wait "$busy" 2>/dev/null' EXIT

"$@"
status=$?

Tools/check-no-leftovers.sh || status=1
exit "$status"
