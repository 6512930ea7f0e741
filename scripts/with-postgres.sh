#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throw-away PostgreSQL cluster on a
# free loopback port, and removes the cluster afterwards, even on failure.
#   scripts/with-postgres.sh npm run test:db
# WIREDESK_PG_DURABLE=1 keeps PostgreSQL's durability settings (fsync, synchronous
# commit) at their defaults, for runs that are about durability.
# Installs Debian's postgresql package when the binaries are missing and we are root.
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres`
# user (created by the package) or a `wiredesk-pg` system user.
set -euo pipefail

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PG_BIN="${PG_BIN:-$(find_pg_bin)}"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "with-postgres: installing PostgreSQL (apt-get install postgresql)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PG_BIN="$(find_pg_bin)"
  fi
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found; install PostgreSQL (Debian: apt-get install postgresql) or set PG_BIN." >&2
  exit 1
fi

workdir="$(mktemp -d "${TMPDIR:-/tmp}/wiredesk-pg.XXXXXX")"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  if ! id -u "$owner" >/dev/null 2>&1; then
    owner=wiredesk-pg
    id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
  chown "$owner" "$workdir"
  as_owner=(runuser -u "$owner" --)
fi

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

stop_cluster() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop_cluster EXIT

"${as_owner[@]}" "$PG_BIN/initdb" -D "$workdir/data" -U wiredesk -A trust -E UTF8 --no-sync >/dev/null
# Durability settings off unless asked for: this cluster lives for one test run.
options="-p $port -k $workdir -c listen_addresses=127.0.0.1 -c max_connections=200"
if [ "${WIREDESK_PG_DURABLE:-0}" != 1 ]; then
  options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -o "$options" start >/dev/null

export DATABASE_URL="postgres://wiredesk@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
