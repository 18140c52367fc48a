#!/usr/bin/env bash
# Browser tests of the reading room: headless Chromium (Debian's chromium and chromium-driver, installed by
# Tools/install-deps.sh) driven by selenium from a virtualenv under .build, against the built chronod.
# Usage: Tools/browser/run.sh [pytest arguments]   (CHRONOD overrides the daemon; SEEDS the documents folder)
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build/browser-venv
if [ ! -x "$venv/bin/pytest" ] || ! "$venv/bin/python" -c 'import selenium, PIL' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'selenium>=4.15' pytest pillow
fi
export CHRONOD="${CHRONOD:-$(swift build --show-bin-path)/chronod}"
exec timeout 600 "$venv/bin/python" -m pytest -q -p no:cacheprovider Tools/browser "$@"
