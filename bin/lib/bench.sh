# `bin/nova bench NAME`: a benchmark against a stack like bin/nova dev's, under var/bench so dev data stays untouched.
# shellcheck shell=bash

nova_bench() {
  local name=${1:-}
  shift || true
  case "$name" in
    lifecycle) ;;
    *) die "usage: bin/nova bench lifecycle [TASKS] [CONCURRENCY]  (defaults 200 and 16)" ;;
  esac
  use_state bench
  PG_PORT=55452 REDIS_PORT=56399 TEMPORAL_PORT=7253
  provision_base
  build_nova
  local cp="$NOVA_HOME/var/bench.classpath"
  if build_stale_for "$cp"; then
    say "compiling the benchmark"
    mvn_quiet -q -DskipTests test-compile dependency:build-classpath -pl tests -am \
      -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
  fi
  touch "$STATE/run/stopping"; stop_all; rm -rf "$STATE"; use_state bench
  PG_PORT=55452 REDIS_PORT=56399 TEMPORAL_PORT=7253
  start_postgres
  start_redis
  start_temporal
  trap 'stop_all' EXIT
  local secret port=8090
  secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  NOVA_HTTP_PORT=$port NOVA_ADMIN_SECRET=$secret NOVA_CREDENTIALS_FILE= NOVA_TEMPLATES_DIR= start_nova_server
  NOVA_HTTP_PORT=$port wait_ready || die "the Nova server did not start (log: $STATE/log/nova.log)"
  say "Nova server up on :$port; running $name"
  "$JAVA_HOME/bin/java" $JAVA_FLAGS -Dnova.bench.state="$STATE" -cp "$NOVA_HOME/tests/target/test-classes:$(cat "$cp")" \
    nova.tests.bench.LifecycleBench "http://127.0.0.1:$port" "$secret" "$TEMPORAL_ADDRESS" "$@"
}

build_stale_for() { # the benchmark's classpath file is older than any test source
  [ -s "$1" ] || return 0
  [ -n "$(find "$NOVA_HOME/tests/src" "$NOVA_HOME/tests/pom.xml" -newer "$1" -print -quit)" ]
}
