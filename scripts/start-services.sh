#!/usr/bin/env bash
# PostgreSQL and Redis on 127.0.0.1 for the "scale" profile (RASA_PROFILE=scale scripts/run.sh)
# and for tests/scale/: installs Debian's packages when they are missing, starts both when they
# are not running, and creates the role and the database the profile uses. Safe to run again.
#
# Settings: deploy/scale.env, overridden by the environment (TRACKER_DB_PORT, TRACKER_DB_NAME,
# TRACKER_DB_USER, TRACKER_DB_PASSWORD, REDIS_PORT, REDIS_PASSWORD). Needs root or sudo.
# No systemd needed: PostgreSQL through pg_ctlcluster, Redis as `redis-server --daemonize yes`.
set -euo pipefail
cd "$(dirname "$0")/.."

# The profile's defaults, without overriding what the environment already says.
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | \#*) continue ;; esac
  key="${line%%=*}"
  [ -n "${!key+x}" ] || export "$key=${line#*=}"
done < deploy/scale.env

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "start-services.sh: run as root (or install sudo)" >&2; exit 1; }
  SUDO="sudo"
fi
as_user() {  # as_user USER COMMAND...: run COMMAND as USER (from root, or through sudo)
  local user="$1"
  shift
  if [ -z "$SUDO" ]; then runuser -u "$user" -- "$@"; else sudo -u "$user" -- "$@"; fi
}
say() { echo "start-services: $*"; }

# --- install -------------------------------------------------------------------------------
have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && command -v pg_ctlcluster >/dev/null; }
missing=()
have_postgres || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

# --- PostgreSQL ----------------------------------------------------------------------------
port="$TRACKER_DB_PORT"
version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
# The cluster that uses the profile's port; created when there is none (the package creates
# 'main' on 5432, but a machine may have none, or none on that port).
cluster="$(pg_lsclusters -h | awk -v p="$port" '$3 == p { print $1 " " $2; exit }')"
if [ -z "$cluster" ]; then
  name=main
  [ -z "$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"')" ] || name=rasa
  say "creating PostgreSQL cluster $version/$name on port $port"
  $SUDO pg_createcluster -p "$port" "$version" "$name" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cluster="$version $name"
fi
read -r cl_version cl_name <<<"$cluster"
if ! pg_lsclusters -h | awk -v v="$cl_version" -v n="$cl_name" '$1 == v && $2 == n' | grep -q online; then
  say "starting PostgreSQL $cl_version/$cl_name on port $port"
  $SUDO pg_ctlcluster "$cl_version" "$cl_name" start
fi
for _ in $(seq 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$port" >/dev/null || { echo "PostgreSQL did not come up on 127.0.0.1:$port" >&2; exit 1; }

# The role (with CREATEDB: tests/scale/ makes a database of its own per run) and the database.
# The password goes through the environment (psql's \getenv), not the command line.
as_user postgres env PGPASSWORD_FOR_ROLE="$TRACKER_DB_PASSWORD" \
  psql -q -X -v ON_ERROR_STOP=1 -p "$port" -d postgres \
  -v role="$TRACKER_DB_USER" -v db="$TRACKER_DB_NAME" <<'SQL'
\getenv password PGPASSWORD_FOR_ROLE
SELECT format('CREATE ROLE %I LOGIN', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
say "PostgreSQL ready: database $TRACKER_DB_NAME, role $TRACKER_DB_USER on 127.0.0.1:$port"

# --- Redis ---------------------------------------------------------------------------------
redis_ping() {
  REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG
}
if ! redis_ping; then
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  $SUDO install -d -o redis -g redis /var/lib/redis /var/log/redis
  # The configuration comes on standard input so that a password never shows in `ps`.
  {
    echo "daemonize yes"
    echo "bind 127.0.0.1"
    echo "port $REDIS_PORT"
    echo "protected-mode yes"
    echo "dir /var/lib/redis"
    echo "dbfilename rasa-$REDIS_PORT.rdb"
    echo "logfile /var/log/redis/redis-rasa-$REDIS_PORT.log"
    echo "pidfile /var/lib/redis/redis-rasa-$REDIS_PORT.pid"
    [ -z "$REDIS_PASSWORD" ] || echo "requirepass \"$REDIS_PASSWORD\""
  } | as_user redis redis-server -
  for _ in $(seq 40); do
    redis_ping && break
    sleep 0.25
  done
  redis_ping || { echo "Redis did not come up on 127.0.0.1:$REDIS_PORT" >&2; exit 1; }
fi
say "Redis ready on 127.0.0.1:$REDIS_PORT"
