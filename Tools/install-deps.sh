#!/usr/bin/env bash
# Installs the system libraries and Python modules Chronograph needs, only where they are missing.
# Debian/Ubuntu; needs root (or sudo) only when something is missing.
set -euo pipefail

missing=()
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The Python client's tests run in a virtualenv (.ci/run): Debian splits venv/ensurepip into python3-venv.
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
# The TLS tests (Swift and Python) make throwaway certificates with openssl.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The reading room's browser tests (Tools/browser) drive headless Chromium through its driver.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "install-deps: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "install-deps: installing Python jsonschema"
    python3 -m pip install --quiet jsonschema
fi

# pytest runs clients/python/tests (.ci/run installs it, with the package, into a virtualenv as well).
if ! python3 -c 'import pytest' 2>/dev/null; then
    echo "install-deps: installing Python pytest"
    python3 -m pip install --quiet pytest
fi
