#!/usr/bin/env bash
# Makes sure a local PostgreSQL is accepting connections on localhost:5432 and
# that the test role/database exist. Idempotent: run it as often as you like.
# Assumes a Debian-style install (postgresql-common: pg_lsclusters/pg_ctlcluster);
# we start the server directly because containers and CI have no systemd.
set -euo pipefail

PG_HOST=localhost
PG_PORT=5432
DB_USER=consento
DB_PASSWORD=consento
DB_NAME=consento_test
WAIT_SECONDS=60

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The server refuses to run as root, and the default pg_hba.conf only lets the
# postgres OS user in as superuser (peer auth on the Unix socket).
# `cd /` avoids psql/pg_ctl warnings when the caller's cwd is unreadable to postgres.
as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        (cd / && "$@")
    elif [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && sudo -u postgres -- "$@")
    fi
}

is_ready() {
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

start_server() {
    local cluster version name logfile
    cluster=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print; exit }')
    if [ -z "$cluster" ]; then
        # Happens when the package was installed with create_main_cluster=false
        # or the cluster was dropped; use the newest installed server version.
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        echo "postgres-test-db: no cluster on port $PG_PORT, creating $version/main"
        as_root pg_createcluster "$version" main --port "$PG_PORT" >/dev/null
        cluster=$(pg_lsclusters -h | awk -v port="$PG_PORT" '$3 == port { print; exit }')
    fi
    read -r version name _ _ _ _ logfile _ <<<"$cluster"

    # /var/run is often a tmpfs that lost this directory; postgres cannot create it itself.
    as_root install -d -o postgres -g postgres -m 2775 /var/run/postgresql

    echo "postgres-test-db: starting cluster $version/$name"
    if ! as_postgres pg_ctlcluster "$version" "$name" start; then
        echo "postgres-test-db: pg_ctlcluster failed; last log lines ($logfile):" >&2
        as_root tail -n 30 "$logfile" >&2 || true
        exit 1
    fi
}

if is_ready; then
    echo "postgres-test-db: server already accepting connections on $PG_HOST:$PG_PORT"
else
    start_server
    for ((i = 0; i < WAIT_SECONDS; i++)); do
        is_ready && break
        sleep 1
    done
    if ! is_ready; then
        echo "postgres-test-db: server not ready on $PG_HOST:$PG_PORT after ${WAIT_SECONDS}s" >&2
        exit 1
    fi
    echo "postgres-test-db: server is ready"
fi

# ALTER after CREATE so a pre-existing role with a different password or
# missing privileges is brought back to the state the tests expect.
as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres <<SQL
SELECT 'CREATE ROLE $DB_USER'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') \gexec
ALTER ROLE $DB_USER WITH LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
ALTER DATABASE $DB_NAME OWNER TO $DB_USER;
SQL

echo "postgres-test-db: jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME (user $DB_USER) is ready"
