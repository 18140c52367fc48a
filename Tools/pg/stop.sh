#!/usr/bin/env bash
# Stops the servers Tools/pg/start.sh started in DIR (replica, then primary: `pg_ctl -m fast stop`, which
# signals each postmaster through its pid file, bounded by -t 30) and removes DIR.
# Usage: Tools/pg/stop.sh DIR
# Refuses a directory start.sh did not make. Exits non-zero, leaving DIR in place, when a server is still
# running after an immediate stop, so no process is orphaned with its files deleted.
set -euo pipefail

dir=${1:?usage: $0 DIR}
if [ ! -f "$dir/p/PG_VERSION" ]; then
    echo "stop.sh: $dir is not a directory made by Tools/pg/start.sh (no p/PG_VERSION)" >&2
    exit 2
fi
bin=/usr/lib/postgresql/$(cat "$dir/p/PG_VERSION")/bin

as_server() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

status=0
for cluster in r p; do
    [ -f "$dir/$cluster/postmaster.pid" ] || continue
    as_server "$bin/pg_ctl" -D "$dir/$cluster" -m fast -w -t 30 stop >/dev/null \
        || as_server "$bin/pg_ctl" -D "$dir/$cluster" -m immediate -w -t 30 stop >/dev/null || true
    # pg_ctl status exits 3 when no server runs in the cluster.
    if as_server "$bin/pg_ctl" -D "$dir/$cluster" status >/dev/null 2>&1; then
        echo "stop.sh: the server in $dir/$cluster is still running; $dir left in place" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && rm -rf "$dir"
exit "$status"
