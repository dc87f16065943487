#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL, creates a role and database for the
# @voxchart/db test suite, and prints the connection URL on stdout (everything else goes to
# stderr). Idempotent: safe to run again on a machine where it already ran.
#
#   export VOXCHART_TEST_POSTGRES_URL="$(bash packages/db/scripts/start-test-postgres.sh)"
#
# Needs root (apt-get, pg_ctlcluster) or a machine where PostgreSQL is already running and
# `su postgres` works. Override names with VOXCHART_PG_USER / VOXCHART_PG_PASSWORD / VOXCHART_PG_DB.
set -euo pipefail

user="${VOXCHART_PG_USER:-voxchart}"
password="${VOXCHART_PG_PASSWORD:-voxchart}"
db="${VOXCHART_PG_DB:-voxchart_test}"
port="${VOXCHART_PG_PORT:-5432}"

log() { echo "start-test-postgres: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing postgresql from apt"
  export DEBIAN_FRONTEND=noninteractive
  if command -v flock >/dev/null 2>&1; then
    flock /tmp/voxchart-apt.lock apt-get install -y postgresql >&2 \
      || { flock /tmp/voxchart-apt.lock apt-get update >&2 && flock /tmp/voxchart-apt.lock apt-get install -y postgresql >&2; }
  else
    apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
  fi
fi

# The newest installed cluster (Debian 12 ships 15).
read -r version cluster < <(pg_lsclusters -h | sort -k1,1n | tail -n1 | awk '{print $1, $2}') || true
if [ -z "${version:-}" ]; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -n1)"
  cluster=main
  log "creating cluster $version/$cluster"
  pg_createcluster "$version" "$cluster" >&2
fi

if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
  log "starting cluster $version/$cluster"
  pg_ctlcluster "$version" "$cluster" start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')"

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -p $port -qtA $*"; }

for _ in $(seq 1 30); do
  if psql_admin "-c 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 0.5
done

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname = '$user'\"")" != "1" ]; then
  log "creating role $user"
  psql_admin "-c \"create role $user login password '$password' createdb\"" >&2
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname = '$db'\"")" != "1" ]; then
  log "creating database $db"
  psql_admin "-c \"create database $db owner $user\"" >&2
fi

echo "postgresql://$user:$password@127.0.0.1:$port/$db"
