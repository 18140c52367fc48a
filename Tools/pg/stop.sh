#!/usr/bin/env bash
# Stops the servers Tools/pg/start.sh started in DIR (replica, then primary: `pg_ctl -m fast stop`, which
# signals each postmaster through its pid file, bounded by -t 30) and removes DIR.
# Usage: Tools/pg/stop.sh [--report] DIR
# --report first prints to stderr, for a run that failed, where replication stood (the primary's view of its
# standby, the replica's received and replayed positions) and the last 60 lines of each server's log that are
# not routine (connections, and the polls of a database the replica has not replayed yet).
# Refuses a directory start.sh did not make. Exits non-zero, leaving DIR in place, when a server is still
# running after an immediate stop, so no process is orphaned with its files deleted.
set -euo pipefail

report=0
[ "${1:-}" = --report ] && { report=1; shift; }
dir=${1:?usage: $0 [--report] DIR}
if [ ! -f "$dir/p/PG_VERSION" ]; then
    echo "stop.sh: $dir is not a directory made by Tools/pg/start.sh (no p/PG_VERSION)" >&2
    exit 2
fi
bin=/usr/lib/postgresql/$(cat "$dir/p/PG_VERSION")/bin

as_server() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$report" -eq 1 ]; then
    {
        echo "--- replication (primary): pg_stat_replication, pg_replication_slots"
        "$bin/psql" -h "$dir" -p 5432 -U postgres -d postgres -Xq -c \
            "SELECT application_name, state, sent_lsn, write_lsn, replay_lsn, replay_lag FROM pg_stat_replication" \
            -c "SELECT slot_name, active, restart_lsn FROM pg_replication_slots" -c "SELECT pg_current_wal_lsn()" \
            || true
        if [ -f "$dir/r/postmaster.pid" ]; then
            echo "--- replication (replica)"
            "$bin/psql" -h "$dir" -p 5433 -U postgres -d postgres -Xq -c "SELECT pg_last_wal_receive_lsn(),
                pg_last_wal_replay_lsn(), pg_get_wal_replay_pause_state(), pg_last_xact_replay_timestamp()" || true
        fi
        for cluster in p r; do
            [ -f "$dir/$cluster.log" ] || continue
            echo "--- $cluster.log, last 60 lines that are not routine"
            grep -v -e 'connection received' -e 'connection authorized' -e 'disconnection:' \
                -e 'FATAL:  database "chrono_test_[0-9a-f]*" does not exist' "$dir/$cluster.log" | tail -n 60
        done
    } >&2
fi

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
