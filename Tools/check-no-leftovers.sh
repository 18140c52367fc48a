#!/usr/bin/env bash
# Fails (exit 1, naming them) when programs built in this checkout (.build*/…/chronod, chrono) are still running:
# a test suite must stop every process it starts, passed, failed or timed out.
set -uo pipefail
cd "$(dirname "$0")/.."

left=$(pgrep -a -f "^$PWD/\.build[^ ]*/(chronod|chrono)( |$)" || true)
if [ -n "$left" ]; then
    echo "check-no-leftovers: still running after the suite:" >&2
    echo "$left" >&2
    exit 1
fi
