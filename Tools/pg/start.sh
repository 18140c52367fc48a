#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for tests: a primary and (unless --no-replica) a streaming replica, on Unix
# sockets only (listen_addresses = '', so no TCP port can collide) in a fresh temporary directory, tuned for
# speed, not durability (fsync off: a crash loses the cluster, which is thrown away anyway).
#
# Usage: eval "$(Tools/pg/start.sh [--no-replica | --synchronous])"   ...   Tools/pg/stop.sh "$CHRONO_PG_DIR"
#
# --synchronous makes the replica a synchronous standby (application name `chrono_replica`) with
# `synchronous_commit = on`: a commit returns once the replica has flushed its WAL, so promoting the replica loses
# no acknowledged commit. Set on the primary only, after the replica's base backup: a promoted replica runs alone
# and must not wait for a standby it does not have.
#
# Installs Debian's `postgresql` package when no initdb is found (apt-get; a no-op once installed) and uses the
# newest /usr/lib/postgresql/<version>/bin. Run as root, the servers run as the `postgres` user (initdb refuses
# root); run as another user, they run as that user. Prints `export` lines on stdout and writes them to
# "$CHRONO_PG_DIR/env":
#   CHRONO_TEST_POSTGRES          unix:<dir>/.s.PGSQL.5432 (the primary; user and database `postgres`)
#   CHRONO_TEST_POSTGRES_REPLICA  unix:<dir>/.s.PGSQL.5433 (hot standby, streaming from the primary)
#   CHRONO_PG_DIR                 the directory holding both clusters, their logs and sockets
# Every wait is bounded (pg_ctl -t 30). On any failure it stops what it started, removes the directory and
# exits non-zero with the server log on stderr.
set -euo pipefail

replica=1
synchronous=0
case "${1:-}" in
    "") ;;
    --no-replica) replica=0 ;;
    --synchronous) synchronous=1 ;;
    *) echo "usage: $0 [--no-replica | --synchronous]" >&2; exit 2 ;;
esac

newest_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n 1
}

bin=$(newest_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "start.sh: no PostgreSQL under /usr/lib/postgresql and not root; install Debian's postgresql" >&2
        exit 1
    fi
    # No cluster of the package's own: this script makes its clusters itself.
    mkdir -p /etc/postgresql-common
    grep -qs '^create_main_cluster *= *false' /etc/postgresql-common/createcluster.conf \
        || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq postgresql >&2 || { apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2; }
    bin=$(newest_bin)
    [ -x "$bin/initdb" ] || { echo "start.sh: installed postgresql but found no initdb" >&2; exit 1; }
fi

as_server() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# On any exit but the successful one at the end (set -e, a signal), stops and removes what was started.
cleanup_on_failure() {
    status=$?
    [ "$status" -eq 0 ] && return
    for cluster in r p; do
        [ -f "$dir/$cluster.log" ] && { echo "--- $cluster.log" >&2; tail -n 20 "$dir/$cluster.log" >&2; }
        if [ -f "$dir/$cluster/postmaster.pid" ]; then
            as_server "$bin/pg_ctl" -D "$dir/$cluster" -m immediate -w -t 30 stop >&2 || true
        fi
    done
    rm -rf "$dir"
    echo "start.sh: failed (status $status); nothing left behind" >&2
    exit "$status"
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/chrono-pg.XXXXXX")
trap cleanup_on_failure EXIT
trap 'exit 130' INT TERM
# A Unix socket path holds at most 107 bytes: "$dir/.s.PGSQL.5432" must fit.
if [ "${#dir}" -gt 93 ]; then
    echo "start.sh: $dir is too long for a socket path; set TMPDIR to a shorter directory" >&2
    exit 1
fi
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"

as_server "$bin/initdb" -D "$dir/p" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$dir/p/postgresql.conf" <<CONF
# Tools/pg/start.sh: sockets only, tuned for tests.
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = replica
max_wal_senders = 4
max_connections = 200
hot_standby_feedback = on
CONF
as_server "$bin/pg_ctl" -D "$dir/p" -l "$dir/p.log" -w -t 30 start >/dev/null

exports="export CHRONO_TEST_POSTGRES='unix:$dir/.s.PGSQL.5432'"
if [ "$replica" -eq 1 ]; then
    # A physical replication slot keeps on the primary every WAL segment the replica has not yet received: the
    # suites drop a database per test, and each drop forces a checkpoint that would otherwise recycle segments a
    # lagging replica still needs, ending its streaming for good ("requested WAL segment has already been removed").
    as_server "$bin/pg_basebackup" -h "$dir" -p 5432 -U postgres -D "$dir/r" -R -X stream -c fast \
        -C -S chrono_replica
    # The walreceiver's application name is cluster_name; it retries a lost primary every 100 ms (not 5 s).
    cat >> "$dir/r/postgresql.conf" <<CONF
port = 5433
cluster_name = 'chrono_replica'
wal_retrieve_retry_interval = 100ms
CONF
    as_server "$bin/pg_ctl" -D "$dir/r" -l "$dir/r.log" -w -t 30 start >/dev/null
    if [ "$synchronous" -eq 1 ]; then
        cat >> "$dir/p/postgresql.conf" <<CONF
synchronous_standby_names = 'chrono_replica'
synchronous_commit = on
CONF
        as_server "$bin/pg_ctl" -D "$dir/p" -w -t 30 reload >/dev/null
        # Bounded wait (30 s) until the primary counts the replica as its synchronous standby.
        for _ in $(seq 300); do
            state=$("$bin/psql" -h "$dir" -p 5432 -U postgres -d postgres -XAtq \
                -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'chrono_replica'")
            [ "$state" = sync ] && break
            sleep 0.1
        done
        [ "$state" = sync ] || { echo "start.sh: the replica did not become synchronous" >&2; exit 1; }
    fi
    exports+=$'\n'"export CHRONO_TEST_POSTGRES_REPLICA='unix:$dir/.s.PGSQL.5433'"
fi
exports+=$'\n'"export CHRONO_PG_DIR='$dir'"
trap - EXIT INT TERM

echo "$exports" > "$dir/env"
echo "$exports"
