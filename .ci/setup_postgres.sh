# PostgreSQL for the gradebook tests: install (Debian/Ubuntu), start on 127.0.0.1, create a
# role and a database, export RNNCOURSE_TEST_PG_URL.
#
#   source .ci/setup_postgres.sh        # from .ci/run (set -euo pipefail) or a shell
#
# Idempotent: an installed, running cluster and an existing role/database are reused.
# Meant to be sourced: it never exits the calling shell on success and changes no shell
# options; on failure it prints why and returns 1. Overridable: RNNCOURSE_PG_USER,
# RNNCOURSE_PG_PASSWORD, RNNCOURSE_PG_DB (defaults rnncourse, rnncourse, rnncourse_test).
# The server runs as the Debian package's user postgres (PostgreSQL refuses to run as root).
# The role may create databases: each test makes a fresh one and drops it afterwards.

_rnncourse_pg_fail() {
  echo "setup_postgres: $*" >&2
  return 1
}

_rnncourse_pg_as_postgres() {
  # Run a command as the postgres user, from / (it may not read the caller's folder).
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && sudo -n -u postgres "$@")
  fi
}

_rnncourse_pg_install() {
  command -v pg_ctlcluster >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 \
    || _rnncourse_pg_fail "PostgreSQL is not installed and there is no apt-get" || return 1
  echo "== installing PostgreSQL (apt-get install postgresql)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
    || _rnncourse_pg_fail "apt-get install postgresql failed" || return 1
}

_rnncourse_pg_cluster() {
  # Print "version name port status" of the first cluster, creating one if there is none.
  local line version
  line=$(pg_lsclusters --no-header 2>/dev/null | head -n 1) || true
  if [ -z "$line" ]; then
    version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$version" ] || _rnncourse_pg_fail "no PostgreSQL server version in /usr/lib/postgresql" || return 1
    pg_createcluster "$version" main >/dev/null || _rnncourse_pg_fail "pg_createcluster failed" || return 1
    line=$(pg_lsclusters --no-header | head -n 1)
  fi
  echo "$line" | awk '{print $1, $2, $3, $4}'
}

_rnncourse_pg_start() {
  local version=$1 name=$2 port=$3 status=$4 i
  if [ "$status" != online ]; then
    pg_ctlcluster "$version" "$name" start \
      || _rnncourse_pg_fail "pg_ctlcluster $version $name start failed (see /var/log/postgresql/)" || return 1
  fi
  for i in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && return 0
    sleep 1
  done
  _rnncourse_pg_fail "the server does not answer on 127.0.0.1:$port"
}

_rnncourse_pg_role_and_db() {
  local port=$1 user=$2 password=$3 db=$4
  _rnncourse_pg_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -c "
    DO \$\$ BEGIN
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
        ALTER ROLE \"$user\" LOGIN CREATEDB PASSWORD '$password';
      ELSE
        CREATE ROLE \"$user\" LOGIN CREATEDB PASSWORD '$password';
      END IF;
    END \$\$;" || _rnncourse_pg_fail "could not create the role $user" || return 1
  if [ -z "$(_rnncourse_pg_as_postgres psql -X -tA -p "$port" -d postgres \
          -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    _rnncourse_pg_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres \
      -c "CREATE DATABASE \"$db\" OWNER \"$user\"" \
      || _rnncourse_pg_fail "could not create the database $db" || return 1
  fi
}

_rnncourse_pg_setup() {
  local user="${RNNCOURSE_PG_USER:-rnncourse}" password="${RNNCOURSE_PG_PASSWORD:-rnncourse}"
  local db="${RNNCOURSE_PG_DB:-rnncourse_test}" cluster version name port status url
  _rnncourse_pg_install || return 1
  cluster=$(_rnncourse_pg_cluster) || return 1
  read -r version name port status <<<"$cluster"
  _rnncourse_pg_start "$version" "$name" "$port" "$status" || return 1
  _rnncourse_pg_role_and_db "$port" "$user" "$password" "$db" || return 1
  # The driver named: SQLAlchemy 2.1 would read a bare postgresql:// as psycopg 3.
  url="postgresql+psycopg2://$user:$password@127.0.0.1:$port/$db"
  PGPASSWORD="$password" psql -X -q -h 127.0.0.1 -p "$port" -U "$user" -d "$db" -c "SELECT 1" >/dev/null \
    || _rnncourse_pg_fail "cannot log in as $user on 127.0.0.1:$port" || return 1
  export RNNCOURSE_TEST_PG_URL="$url"
  echo "== PostgreSQL $version/$name on 127.0.0.1:$port; RNNCOURSE_TEST_PG_URL=$url"
}

_rnncourse_pg_setup
_rnncourse_pg_rc=$?
unset -f _rnncourse_pg_fail _rnncourse_pg_as_postgres _rnncourse_pg_install _rnncourse_pg_cluster \
  _rnncourse_pg_start _rnncourse_pg_role_and_db _rnncourse_pg_setup
if [ "${BASH_SOURCE[0]}" = "$0" ]; then  # executed, not sourced: the export is lost
  [ "$_rnncourse_pg_rc" = 0 ] && echo "(to keep RNNCOURSE_TEST_PG_URL, source this script)"
  exit "$_rnncourse_pg_rc"
fi
if [ "$_rnncourse_pg_rc" = 0 ]; then unset _rnncourse_pg_rc; else unset _rnncourse_pg_rc; false; fi
