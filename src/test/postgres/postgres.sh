#!/usr/bin/env bash
# A throwaway PostgreSQL for the integration tests, started and stopped by the build (pom.xml):
#   postgres.sh start <bin dir> <work dir> <port>   |   postgres.sh stop <bin dir> <work dir>
# Everything lives under <work dir> (target/postgres): data, unix socket, log, and a random
# password for the superuser "livestorm". It listens on 127.0.0.1:<port> only. Durability is off
# (fsync, synchronous_commit): the data is thrown away after the build.
set -euo pipefail

action=$1 bin=$2 dir=$3

# initdb and postgres refuse to run as root; as root, run them as the postgres user instead.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
}

case "$action" in
  start)
    port=$4
    stop || true # a server left behind by an aborted build
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U livestorm --pwfile="$dir/password" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log"; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir/socket \
       -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null || { cat "$dir/server.log"; exit 1; }
    PGPASSWORD=$(cat "$dir/password") "$bin/psql" -q -h 127.0.0.1 -p "$port" -U livestorm \
      -d postgres -c "CREATE DATABASE livestorm_it"
    echo "$("$bin/postgres" --version) for the tests on 127.0.0.1:$port (data in $dir)"
    ;;
  stop)
    stop
    echo "PostgreSQL for the tests stopped"
    ;;
  *)
    echo "usage: $0 start <bin dir> <work dir> <port> | stop <bin dir> <work dir>" >&2
    exit 2
    ;;
esac
