# `bin/nova bench NAME`: a benchmark against a stack like bin/nova dev's, under var/bench so dev data stays untouched.
# shellcheck shell=bash

nova_bench() {
  local name=${1:-}
  shift || true
  case "$name" in
    lifecycle | gateway | memory) ;;
    conductor) bench_conductor "$@"; return ;;
    *) die "usage: bin/nova bench lifecycle [TASKS] [CONCURRENCY]  (defaults 200 and 16)
       bin/nova bench gateway [SECONDS_EACH_WAY] [FIRST_TOKEN_MS] [TOKENS_PER_SECOND]  (defaults 12, 0 and unpaced)
       bin/nova bench memory [DOCUMENTS] [QUERIES]  (defaults: every Debian package description, 500)
       bin/nova bench conductor [SECONDS_EACH]  (default 5)" ;;
  esac
  bench_stack
  local cp="$NOVA_HOME/var/bench.classpath"
  local secret port=8090
  secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  # the gateway benchmark measures Nova's overhead, not its per-caller limit
  NOVA_LLM_KEY_RPM=100000000 NOVA_HTTP_PORT=$port NOVA_ADMIN_SECRET=$secret NOVA_CREDENTIALS_FILE= NOVA_TEMPLATES_DIR= start_nova_server
  NOVA_HTTP_PORT=$port wait_ready || die "the Nova server did not start (log: $STATE/log/nova.log)"
  say "Nova server up on :$port; running $name"
  local classpath="$NOVA_HOME/tests/target/test-classes:$(cat "$cp")"
  case "$name" in
    lifecycle)
      "$JAVA_HOME/bin/java" $JAVA_FLAGS -Dnova.bench.state="$STATE" -cp "$classpath" \
        nova.tests.bench.LifecycleBench "http://127.0.0.1:$port" "$secret" "$TEMPORAL_ADDRESS" "$@" ;;
    gateway) bench_gateway "http://127.0.0.1:$port" "$secret" "$classpath" "$@" ;;
    memory) bench_memory "http://127.0.0.1:$port" "$secret" "$classpath" "$@" ;;
  esac
}

# The conductor stands alone: no PostgreSQL, Redis, Temporal or Nova server, only its module's classes.
bench_conductor() { # [SECONDS_EACH]
  use_state bench
  provision_base
  local cp="$NOVA_HOME/var/bench-conductor.classpath"
  say "compiling the conductor and its benchmark"
  mvn_quiet -q -DskipTests package dependency:build-classpath -pl conductor -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
  (cd "$NOVA_HOME/conductor" && "$JAVA_HOME/bin/java" $JAVA_FLAGS -Xmx1g \
    -cp "target/test-classes:target/classes:$(cat "$cp")" nova.conductor.bench.ConductorBench "${1:-5}")
}

bench_memory() { # NOVA_URL SECRET CLASSPATH [DOCUMENTS] [QUERIES]
  local corpus="$NOVA_HOME/var/corpus"
  debian_corpus "$corpus"
  # "env:": the database URL (with its password) reaches the benchmark in the environment, not on a command line
  "$JAVA_HOME/bin/java" $JAVA_FLAGS -cp "$3" nova.tests.bench.MemoryBench "$1" "$2" "env:DATABASE_URL" \
    "$corpus/Packages" "$corpus/Translation-en" "${4:-2147483647}" "${5:-500}"
}

# The machine's Packages lists carry only the one-line summaries; the long descriptions are in
# Translation-en, which this machine's apt does not fetch. It is fetched (and verified) through a
# private sources list and state dir, leaving the system's apt setup untouched.
debian_corpus() { # DIR
  [ -s "$1/Packages" ] && [ -s "$1/Translation-en" ] && return 0
  local lists=(/var/lib/apt/lists/*_Packages*)
  [ -e "${lists[0]}" ] || die "no Packages lists under /var/lib/apt/lists; run apt-get update first"
  mkdir -p "$1/apt/lists/partial"
  say "building the corpus: the machine's Packages lists, and Translation-en fetched through a private apt state dir"
  for f in "${lists[@]}"; do /usr/lib/apt/apt-helper cat-file "$f"; echo; done >"$1/Packages"
  grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null >"$1/apt/sources.list" || true
  [ -s "$1/apt/sources.list" ] || echo "deb http://deb.debian.org/debian $(. /etc/os-release && echo "$VERSION_CODENAME") main" >"$1/apt/sources.list"
  apt-get -o "Dir::Etc::SourceList=$1/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$1/apt/lists" \
    -o APT::Sandbox::User=root -o Acquire::Languages=en update -qq >/dev/null || die "could not fetch Translation-en"
  local translations=("$1"/apt/lists/*_i18n_Translation-en*)
  [ -e "${translations[0]}" ] || die "apt fetched no Translation-en"
  for f in "${translations[@]}"; do /usr/lib/apt/apt-helper cat-file "$f"; echo; done >"$1/Translation-en"
}

bench_gateway() { # NOVA_URL SECRET CLASSPATH [SECONDS] [FIRST_TOKEN_MS] [TOKENS_PER_SECOND]
  # two local models as their own processes, so the direct path is a real network hop like
  # Nova's: one unpaced (what Nova costs when the model costs nothing), one at a fast hosted
  # model's pace (what a caller sees)
  start_local_model "$3" 8091 0 1000000000 unpaced
  start_local_model "$3" 8092 "${5:-50}" "${6:-400}" paced
  "$JAVA_HOME/bin/java" $JAVA_FLAGS -cp "$3" nova.tests.bench.GatewayBench "$1" "$2" "${4:-12}" \
    "unpaced=http://127.0.0.1:8091/v1" "paced (first token ${5:-50} ms, ${6:-400} tokens/s)=http://127.0.0.1:8092/v1"
}

start_local_model() { # CLASSPATH PORT FIRST_TOKEN_MS TOKENS_PER_SECOND NAME
  "$JAVA_HOME/bin/java" $JAVA_FLAGS -Xmx256m -cp "$1" nova.activities.llm.local.LocalModelServer "$2" "$3" "$4" \
    >"$STATE/log/local-model-$5.log" 2>&1 &
  echo $! >"$STATE/run/local-model-$5.pid"
  local i
  for ((i = 0; i < 100; i++)); do
    curl -fs "http://127.0.0.1:$2/v1/models" >/dev/null 2>&1 && { say "local model ($5) up on :$2"; return 0; }
    sleep 0.1
  done
  die "the local model did not start (log: $STATE/log/local-model-$5.log)"
}

build_stale_for() { # the benchmark's classpath file is older than any test source
  [ -s "$1" ] || return 0
  [ -n "$(find "$NOVA_HOME/tests/src" "$NOVA_HOME/tests/pom.xml" -newer "$1" -print -quit)" ]
}

# `bin/nova chaos`: lifecycles while the Nova server is killed -9 and started again and PostgreSQL,
# Redis and Temporal are each stopped and started; the benchmark owns all these processes (under
# var/bench/log/chaos-parts), so it can stop them.
nova_chaos() { # [LIFECYCLES] [CONCURRENCY] [KILLS] [OUTAGE_SECONDS] [LOGINS]
  bench_build
  provision_temporal_cli # ChaosBench runs the CLI's development server as its Temporal
  trap 'stop_all' EXIT
  local cp="$NOVA_HOME/var/bench.classpath"
  say "running chaos: the benchmark starts, kills and restarts the Nova server, PostgreSQL, Redis and Temporal itself"
  # From tests/, where the server processes find web/'s jar as the ITs' do.
  (cd "$NOVA_HOME/tests" && "$JAVA_HOME/bin/java" $JAVA_FLAGS -Dnova.bench.state="$STATE/log" \
    -cp "$NOVA_HOME/tests/target/test-classes:$(cat "$cp")" nova.tests.ChaosBench "$@")
}

# The benchmarks' stack: Nova and the benchmark classes built, fresh PostgreSQL, Redis and Temporal
# under var/bench on their own ports, stopped when the shell exits.
bench_stack() {
  bench_build
  start_postgres
  start_redis
  start_temporal ephemeral
  trap 'stop_all' EXIT
}

# Nova and the benchmark classes built, var/bench emptied (its services stopped).
bench_build() {
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
}
