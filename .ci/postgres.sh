#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, run as the `postgres` OS user in a folder of its own, on a free
# loopback port. Installs the distribution's `postgresql` package when no PostgreSQL binaries are found.
#   bash .ci/postgres.sh start DIR   creates and starts a cluster in DIR (e.g. from mktemp -d: it becomes the postgres
#                                    user's); prints the administrator connection string
#   bash .ci/postgres.sh standby PRIMARY_DIR DIR
#                                    a hot standby of the cluster in PRIMARY_DIR (pg_basebackup -R: streaming
#                                    replication), started in DIR on a free port; prints its connection string
#   bash .ci/postgres.sh stop DIR    stops it (the caller removes DIR)
# Durability is off (fsync, full-page writes): the cluster is thrown away after the run.
set -euo pipefail
command=${1:-}; dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR | standby PRIMARY_DIR DIR" >&2; exit 2; }

find_bin() {
  for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$candidate/initdb" ] && { echo "$candidate"; return; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v initdb)")"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

as_postgres() { if [ "$(id -un)" = postgres ]; then bash -c "$1"; else su postgres -s /bin/bash -c "$1"; fi; }

case "$command" in
  start)
    bin=$(find_bin || true)
    if [ -z "$bin" ]; then
      echo "installing postgresql (PostgreSQL tests)" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
      bin=$(find_bin)
    fi
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/bash postgres
    mkdir -p "$dir"; chown postgres "$dir"; chmod 700 "$dir"
    port=$(free_port)
    as_postgres "'$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1 \
                 || '$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --no-locale >'$dir/initdb.log' 2>&1"
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
                 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start" >&2
    echo "$bin" > "$dir/bin"; echo "$port" > "$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  standby)
    # Replication needs no setup on the primary: initdb's pg_hba.conf trusts local replication connections, and
    # PostgreSQL 15 defaults to wal_level=replica with ten WAL senders.
    primary=$dir; dir=${3:-}
    [ -n "$dir" ] && [ -f "$primary/port" ] || { echo "usage: $0 standby PRIMARY_DIR DIR (PRIMARY_DIR from '$0 start')" >&2; exit 2; }
    bin=$(cat "$primary/bin")
    mkdir -p "$dir"; chown postgres "$dir"; chmod 700 "$dir"
    port=$(free_port)
    as_postgres "'$bin/pg_basebackup' -h 127.0.0.1 -p $(cat "$primary/port") -U postgres -D '$dir/data' -R -X stream -c fast >'$dir/basebackup.log' 2>&1"
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
                 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off -c full_page_writes=off\" start" >&2
    echo "$bin" > "$dir/bin"; echo "$port" > "$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    [ -f "$dir/bin" ] && as_postgres "'$(cat "$dir/bin")/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true
    ;;
  *) echo "usage: $0 start|stop DIR | standby PRIMARY_DIR DIR" >&2; exit 2 ;;
esac
