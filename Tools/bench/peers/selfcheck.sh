#!/usr/bin/env bash
# The peers harness's fast self-check: 1,000 events, every request line's answer compared between chronod,
# FalkorDB and Kùzu, no timing. Exits non-zero on any disagreement. Not part of .ci/run (it installs from PyPI).
# Usage: Tools/bench/peers/selfcheck.sh [--chronod PATH]
set -euo pipefail
exec "$(dirname "$0")/run.sh" --events 1000 --calls 100 --sample 100 --check-only "$@"
