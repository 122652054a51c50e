#!/usr/bin/env bash
# Durable-ingest benchmark against a real server on this machine (loopback only).
#
#   bench/scripts/ingest.sh sqlite|postgres [IngestLoad options, e.g. --events 200000 --threads 4]
#
# Builds nothing: run `./mvnw -q -B -pl app,bench package -DskipTests` first. Copies consento.jar and
# benchmarks.jar to a private temporary directory (a concurrent `mvn package` rewriting app/target/consento.jar
# would break a server running from it), starts the server on a fresh SQLite data directory or a freshly
# re-created PostgreSQL database `consento_bench`, runs IngestLoad, then stops the server.
# Environment: PORT (18181), SAMPLE=1 takes `jcmd Thread.print` samples of the server during the load into
# $WORK/stacks.txt, JFR=1 records the server with Java Flight Recorder during the load into $WORK/ingest.jfr
# and prints the hottest application frames (bench/scripts/jfr-hot.sh), REBUILD=1 restarts the server afterwards and prints the start-up index rebuild time,
# SERVER_JAVA_OPTS, PG_HOST (localhost), PG_USER/PG_PASSWORD (consento/consento).
set -euo pipefail
cd "$(dirname "$0")/../.."

db=${1:-sqlite}
shift || true
port=${PORT:-18181}
key=bench-admin-key
work=$(mktemp -d /tmp/consento-bench.XXXXXX)
cp app/target/consento.jar bench/target/benchmarks.jar "$work/"
echo "work dir $work; app ${APP_REV:-$(git rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree as built)}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

server_env=(CONSENTO_DATA_DIR="$work/data" CONSENTO_DEMO=false CONSENTO_ADMIN_KEY="$key" SERVER_PORT="$port")
case "$db" in
  sqlite) ;;
  postgres)
    pg_host=${PG_HOST:-localhost}
    export PGPASSWORD=${PG_PASSWORD:-consento}
    psql -q -h "$pg_host" -U "${PG_USER:-consento}" -d consento_test \
      -c 'DROP DATABASE IF EXISTS consento_bench' -c 'CREATE DATABASE consento_bench'
    server_env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:5432/consento_bench"
                 SPRING_DATASOURCE_USERNAME="${PG_USER:-consento}" SPRING_DATASOURCE_PASSWORD="$PGPASSWORD")
    ;;
  *) echo "usage: $0 sqlite|postgres [IngestLoad options]" >&2; exit 2 ;;
esac

pid=
start_server() {
  env "${server_env[@]}" java ${SERVER_JAVA_OPTS:-} -jar "$work/consento.jar" >>"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 120); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "server died; see $work/server.log" >&2; exit 1; fi
    sleep 1
  done
  echo "server did not come up in 120 s; see $work/server.log" >&2; exit 1
}
stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  pid=
}
sampler=
trap 'if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; fi; stop_server' EXIT

start_server
echo "server up (pid $pid, $db)"
if [ "${SAMPLE:-0}" = 1 ]; then
  ( sleep 20; for i in $(seq 12); do
      echo "=== sample $i $(date +%T)"; jcmd "$pid" Thread.print 2>/dev/null || true; sleep 3
    done ) >"$work/stacks.txt" 2>&1 &
  sampler=$!
fi
if [ "${JFR:-0}" = 1 ]; then
  jcmd "$pid" JFR.start name=bench settings=profile filename="$work/ingest.jfr" >/dev/null
fi
status=0
java -cp "$work/benchmarks.jar" com.consento.bench.IngestLoad --url "http://127.0.0.1:$port" --key "$key" --server-pid "$pid" "$@" \
  || status=$?
if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=; fi
if [ "${JFR:-0}" = 1 ]; then
  echo "--- server CPU seconds by thread group since start"
  for t in /proc/"$pid"/task/*; do
    st=$(cat "$t/stat" 2>/dev/null) || continue
    name=${st#*(}; name=${name%)*}; rest=${st##*) }
    set -- $rest
    echo "$name ${12} ${13}"
  done | sed -E 's/([A-Za-z-]|exec-)[0-9]+ ([0-9]+ [0-9]+)$/\1 \2/' \
    | awk '{k=$1; for (i = 2; i <= NF - 2; i++) k = k " " $i; a[k] += $(NF-1) + $NF}
           END {for (k in a) printf "%8.2f  %s\n", a[k] / 100, k}' \
    | sort -rn | head -12
  jcmd "$pid" JFR.stop name=bench >/dev/null
  bash bench/scripts/jfr-hot.sh "$work/ingest.jfr" | tee "$work/jfr-hot.txt"
fi
if [ "${REBUILD:-0}" = 1 ]; then
  stop_server
  start_server
  echo "restart: $(grep -E 'Decision index rebuilt|Started ConsentoApplication' "$work/server.log" | tail -2 | sed 's/^.*: //' | paste -sd';')"
fi
stop_server
echo "server stopped; log $work/server.log"
exit $status
