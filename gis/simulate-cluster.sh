#!/usr/bin/env bash
# A national deployment of Proxima simulated on one machine, loopback only (issue 16, docs/scaling.md):
# PostgreSQL primary + one streaming replica (two clusters of their own, Debian's binaries), pgbouncer in transaction
# mode in front of both, two Proxima instances sharing one road-graph folder, HAProxy in front with health checks.
#
#   gis/simulate-cluster.sh up                # start everything, print CLUSTER READY, run until stdin closes or ^C
#   gis/simulate-cluster.sh replica-stop      # (from another shell) stop the replica / start it again
#   gis/simulate-cluster.sh replica-start
#   gis/simulate-cluster.sh kill 2            # kill -9 Proxima instance 2
#   gis/simulate-cluster.sh balance 1|2       # HAProxy sends traffic to instance 1 only, or to both again
#   gis/simulate-cluster.sh start 2           # start Proxima instance 2 again (after kill), with the same settings
#
# `up` stops everything it started when it ends (trap), and removes its folder unless SIM_KEEP=1.
# Settings (environment): SIM_DIR (state folder, default /tmp/proxima-cluster), SIM_BASE_PORT (default 26000: primary
# +0, replica +1, pgbouncer +2, instances +10 and +11, HAProxy +20, HAProxy admin +21), SIM_DATA_DIR (open data imported
# by instance 1 at first start, default ../shared/data), SIM_OSM_FILE (default ../shared/data/04_osm/andorra.osm.pbf),
# SIM_PRECOMPUTE (false: no travel-time refresh at all; distributed: both instances are workers of the distributed
# precompute, started by POST /api/admin/cluster/precompute, with 1 s heartbeats), SIM_JAVA_OPTS, PROXIMA_CLASSPATH (run `java -cp` with it; default: java -jar target/proxima.jar), SIM_ADMIN_TOKEN.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SIM_DIR=${SIM_DIR:-/tmp/proxima-cluster}
BASE=${SIM_BASE_PORT:-26000}
PG_BIN=${PROXIMA_PG_BIN:-/usr/lib/postgresql/15/bin}
P_PRIMARY=$BASE P_REPLICA=$((BASE + 1)) P_BOUNCER=$((BASE + 2))
P_APP1=$((BASE + 10)) P_APP2=$((BASE + 11)) P_LB=$((BASE + 20)) P_LB_ADMIN=$((BASE + 21))
ADMIN_TOKEN=${SIM_ADMIN_TOKEN:-simulation-admin-token}

log() { echo "[simulate-cluster] $*" >&2; }

# PostgreSQL and pgbouncer refuse to run as root (CI runs as root): run them as the postgres user
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg() { as_pg "$PG_BIN/$1" "${@:2}"; }

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  log "$what did not come up within ${seconds}s"; return 1
}

healthy() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health" | grep -q '"UP"'; }

lb_admin() { # one command to HAProxy's admin socket (TCP on loopback)
  exec 3<>"/dev/tcp/127.0.0.1/$P_LB_ADMIN"; echo "$1" >&3; timeout 2 cat <&3 || true; exec 3>&-
}

start_postgres() {
  mkdir -p "$SIM_DIR/sock"
  chmod 755 "$SIM_DIR"; chown postgres: "$SIM_DIR" 2>/dev/null || true
  chown postgres: "$SIM_DIR/sock" 2>/dev/null || true
  pg initdb -D "$SIM_DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C >"$SIM_DIR/initdb.log"
  cat >>"$SIM_DIR/primary/postgresql.conf" <<EOF
port = $P_PRIMARY
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SIM_DIR/sock'
wal_level = replica
max_wal_senders = 4
hot_standby = on
max_connections = 100
shared_buffers = 64MB
# a throw-away simulation: no fsync (say so when reading its figures)
fsync = off
synchronous_commit = off
EOF
  pg pg_ctl -D "$SIM_DIR/primary" -l "$SIM_DIR/primary.log" -w -t 60 start >/dev/null
  as_pg "$PG_BIN/psql" -q -h 127.0.0.1 -p "$P_PRIMARY" -U postgres -v ON_ERROR_STOP=1 <<'SQL'
CREATE ROLE proxima LOGIN PASSWORD 'proxima';
CREATE DATABASE proxima OWNER proxima;
\c proxima
CREATE EXTENSION postgis;
SQL
  pg pg_basebackup -h 127.0.0.1 -p "$P_PRIMARY" -U postgres -D "$SIM_DIR/replica" -R -X stream -c fast
  echo "port = $P_REPLICA" >>"$SIM_DIR/replica/postgresql.conf"
  pg pg_ctl -D "$SIM_DIR/replica" -l "$SIM_DIR/replica.log" -w -t 60 start >/dev/null
  log "PostgreSQL primary on $P_PRIMARY, streaming replica on $P_REPLICA"
}

start_pgbouncer() {
  mkdir -p "$SIM_DIR/pgbouncer"
  echo '"proxima" "proxima"' >"$SIM_DIR/pgbouncer/users.txt"
  cat >"$SIM_DIR/pgbouncer/pgbouncer.ini" <<EOF
[databases]
proxima = host=127.0.0.1 port=$P_PRIMARY dbname=proxima
proxima_replica = host=127.0.0.1 port=$P_REPLICA dbname=proxima
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $P_BOUNCER
unix_socket_dir =
auth_type = trust
auth_file = $SIM_DIR/pgbouncer/users.txt
pool_mode = transaction
max_client_conn = 500
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
server_login_retry = 1
query_wait_timeout = 5
logfile = $SIM_DIR/pgbouncer/pgbouncer.log
pidfile = $SIM_DIR/pgbouncer/pgbouncer.pid
EOF
  chown -R postgres: "$SIM_DIR/pgbouncer" 2>/dev/null || true
  as_pg pgbouncer -d "$SIM_DIR/pgbouncer/pgbouncer.ini"
  wait_for pgbouncer 20 bash -c "echo >/dev/tcp/127.0.0.1/$P_BOUNCER"
  log "pgbouncer (transaction mode) on $P_BOUNCER"
}

start_instance() { # n port
  local n=$1 port=$2 jdbc="jdbc:postgresql://127.0.0.1:$P_BOUNCER"
  local -a run
  if [ -n "${PROXIMA_CLASSPATH:-}" ]; then run=(java ${SIM_JAVA_OPTS:-} -cp "$PROXIMA_CLASSPATH" fr.proxima.ProximaApplication)
  else run=(java ${SIM_JAVA_OPTS:-} -jar "$ROOT/target/proxima.jar"); fi
  # pgbouncer 1.18 in transaction mode keeps no prepared statement across transactions: prepareThreshold=0
  (
    cd "$SIM_DIR"
    export PROXIMA_DB_URL="$jdbc/proxima?prepareThreshold=0" PROXIMA_DB_USER=proxima PROXIMA_DB_PASSWORD=proxima
    export PROXIMA_DB_READ_URLS="$jdbc/proxima_replica?prepareThreshold=0"
    export PROXIMA_RATE_LIMIT_STORE=database PROXIMA_SESSIONS_STORE=database PROXIMA_ADMIN_TOKEN="$ADMIN_TOKEN" PROXIMA_INSTANCE="proxima-$n"
    # clients are told apart by HAProxy's X-Forwarded-For (rate limits per client, not per balancer)
    export SERVER_FORWARD_HEADERS_STRATEGY=native
    export PROXIMA_GRAPH_DIR="$SIM_DIR/graph-cache" PROXIMA_OSM_FILE="$OSM" PROXIMA_TILES_CACHE_DIR="$SIM_DIR/tiles-$n"
    if [ "$n" = 1 ]; then export PROXIMA_DATA_DIR="$DATA"; else export PROXIMA_DATA_DIR=""; fi
    # one instance refreshes the whole precompute, or (distributed) both compute its partitions as db-scheduler jobs
    if [ "$n" != 1 ] || [ "${SIM_PRECOMPUTE:-true}" != true ]; then export PROXIMA_ROUTING_AUTOREFRESH=false; fi
    if [ "${SIM_PRECOMPUTE:-true}" = distributed ]; then
      export PROXIMA_PRECOMPUTE_DISTRIBUTED=true PROXIMA_PRECOMPUTE_PLANONCHANGE=false
      # short times, so that a killed worker's partition moves within seconds
      export PROXIMA_PRECOMPUTE_HEARTBEAT=1s PROXIMA_PRECOMPUTE_MISSEDHEARTBEATS=4 PROXIMA_PRECOMPUTE_POLLINTERVAL=500ms
    fi
    exec "${run[@]}" --server.port="$port" >"$SIM_DIR/proxima-$n.log" 2>&1
  ) &
  echo $! >"$SIM_DIR/proxima-$n.pid"
  wait_for "Proxima instance $n" 240 healthy "$port"
  log "Proxima instance $n on $port (pid $(cat "$SIM_DIR/proxima-$n.pid"))"
}

start_haproxy() {
  cat >"$SIM_DIR/haproxy.cfg" <<EOF
global
  maxconn 2000
  stats socket ipv4@127.0.0.1:$P_LB_ADMIN level admin
defaults
  mode http
  option forwardfor
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout 502 503
frontend web
  bind 127.0.0.1:$P_LB
  default_backend proxima
backend proxima
  balance roundrobin
  option httpchk GET /actuator/health
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  server p1 127.0.0.1:$P_APP1 check
  server p2 127.0.0.1:$P_APP2 check
EOF
  haproxy -f "$SIM_DIR/haproxy.cfg" -db >"$SIM_DIR/haproxy.log" 2>&1 &
  echo $! >"$SIM_DIR/haproxy.pid"
  wait_for HAProxy 20 healthy "$P_LB"
  log "HAProxy on $P_LB (admin socket $P_LB_ADMIN)"
}

stop_pid() { # pidfile
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}

down() {
  set +e
  log "stopping everything it started"
  stop_pid "$SIM_DIR/haproxy.pid"
  stop_pid "$SIM_DIR/proxima-1.pid"
  stop_pid "$SIM_DIR/proxima-2.pid"
  stop_pid "$SIM_DIR/pgbouncer/pgbouncer.pid"
  for c in replica primary; do
    [ -f "$SIM_DIR/$c/postmaster.pid" ] && pg pg_ctl -D "$SIM_DIR/$c" -m immediate -w stop >/dev/null 2>&1
  done
  [ "${SIM_KEEP:-0}" = 1 ] || rm -rf "$SIM_DIR"
}

up() {
  if [ -e "$SIM_DIR" ]; then log "$SIM_DIR exists: another simulation runs, or remove it"; exit 1; fi
  DATA=$(realpath "${SIM_DATA_DIR:-$ROOT/../shared/data}")
  OSM=$(realpath "${SIM_OSM_FILE:-$ROOT/../shared/data/04_osm/andorra.osm.pbf}")
  mkdir -p "$SIM_DIR"
  # what `start N` needs to start an instance again with the same settings
  declare -p DATA OSM >"$SIM_DIR/instance.env"
  for v in SIM_PRECOMPUTE SIM_JAVA_OPTS PROXIMA_CLASSPATH SIM_ADMIN_TOKEN; do
    [ -n "${!v:-}" ] && declare -p "$v" >>"$SIM_DIR/instance.env"
  done
  trap down EXIT
  trap 'exit 130' INT TERM
  start_postgres
  start_pgbouncer
  start_instance 1 "$P_APP1"
  start_instance 2 "$P_APP2"
  start_haproxy
  cat >"$SIM_DIR/ports.env" <<EOF
SIM_LB=$P_LB
SIM_APP1=$P_APP1
SIM_APP2=$P_APP2
SIM_PRIMARY=$P_PRIMARY
SIM_REPLICA=$P_REPLICA
SIM_BOUNCER=$P_BOUNCER
SIM_ADMIN_TOKEN=$ADMIN_TOKEN
EOF
  echo "CLUSTER READY http://127.0.0.1:$P_LB/"
  # a background command reads /dev/null unless given another descriptor: wait for stdin to close (or a signal)
  exec 7<&0
  cat <&7 >/dev/null &
  wait $! || true
}

case "${1:-up}" in
  up) up ;;
  replica-stop) pg pg_ctl -D "$SIM_DIR/replica" -m fast -w stop ;;
  replica-start) pg pg_ctl -D "$SIM_DIR/replica" -l "$SIM_DIR/replica.log" -w -t 60 start ;;
  kill) kill -9 "$(cat "$SIM_DIR/proxima-${2:?instance 1 or 2}.pid")" ;;
  start)
    n=${2:?instance 1 or 2}
    # shellcheck disable=SC1091
    source "$SIM_DIR/instance.env"; ADMIN_TOKEN=${SIM_ADMIN_TOKEN:-simulation-admin-token}
    [ "$n" = 1 ] && DATA=""  # the store is filled already
    start_instance "$n" $((BASE + 9 + n)) ;;
  balance)
    if [ "${2:-2}" = 1 ]; then lb_admin "disable server proxima/p2"; else lb_admin "enable server proxima/p2"; fi ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
