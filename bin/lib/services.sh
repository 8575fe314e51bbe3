# Private PostgreSQL, Redis and Temporal instances under $STATE (var/dev or var/test), each on its own port.
# shellcheck shell=bash

wait_port() { # host port seconds name
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  die "$4 did not listen on $1:$2 within $3 s (log: $STATE/log)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

run_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A random secret generated once under $STATE/secrets (mode 700; each file 600) and printed:
# the private PostgreSQL and Redis ask for a password instead of trusting every local user.
secret() { # NAME
  local dir="$STATE/secrets"
  mkdir -p "$dir" && chmod 700 "$dir"
  [ -s "$dir/$1" ] || (umask 077 && head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' >"$dir/$1")
  cat "$dir/$1"
}

start_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then say "PostgreSQL: using DATABASE_URL"; return 0; fi
  local data="$STATE/pg/data" bin
  bin=$(pg_bindir)
  mkdir -p "$STATE/pg" "$STATE/log"
  [ "$(id -u)" -eq 0 ] && chown postgres "$STATE/pg" "$STATE/log" && chmod o+x "$NOVA_HOME/var" "$STATE"
  local password
  password=$(secret postgres-password)
  export PGPASSWORD="$password" # for psql and createdb below; Nova gets it in DATABASE_URL
  if [ ! -f "$data/PG_VERSION" ]; then
    say "PostgreSQL: creating a private cluster in $data (password in $STATE/secrets)"
    # the password reaches initdb in a file only its user reads, for that moment, never on a command line
    local pwfile="$STATE/pg/initdb-password"
    printf '%s\n' "$password" | run_as_pg sh -c 'umask 077 && cat >"$1"' sh "$pwfile"
    run_as_pg "$bin/initdb" -D "$data" -U nova --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 \
      >"$STATE/log/initdb.log" 2>&1 || { rm -f "$pwfile"; die "initdb failed: $STATE/log/initdb.log"; }
    rm -f "$pwfile"
  fi
  if ! run_as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    run_as_pg "$bin/pg_ctl" -D "$data" -l "$STATE/log/postgres.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STATE/pg -c fsync=${PG_FSYNC:-on}" start >/dev/null ||
      die "PostgreSQL did not start: $STATE/log/postgres.log"
  fi
  require_pg_password "$data" "$password"
  run_as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U nova -d postgres -tAc "select 1 from pg_database where datname='nova'" | grep -q 1 ||
    run_as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U nova nova
  say "PostgreSQL: 127.0.0.1:$PG_PORT"
  export DATABASE_URL="postgresql://nova:$password@127.0.0.1:$PG_PORT/nova"
}

# A cluster made before passwords (trust for everyone): give nova the password and ask for it from now on.
require_pg_password() { # DATA PASSWORD
  grep -qE '^[^#]*[[:space:]]trust([[:space:]]|$)' "$1/pg_hba.conf" || return 0
  say "PostgreSQL: this cluster trusted every local user; it asks for the password in $STATE/secrets from now on"
  printf "ALTER ROLE nova PASSWORD '%s';\n" "$2" | run_as_pg "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U nova -d postgres -q ||
    die "could not set the PostgreSQL password"
  run_as_pg sed -i -E 's/^([^#]*[[:space:]])trust([[:space:]]|$)/\1scram-sha-256\2/' "$1/pg_hba.conf"
  run_as_pg "$(pg_bindir)/pg_ctl" -D "$1" reload >/dev/null
}

stop_postgres() {
  local data="$STATE/pg/data"
  [ -f "$data/postmaster.pid" ] && run_as_pg "$(pg_bindir)/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1
  return 0
}

start_redis() {
  if [ -n "${REDIS_URL:-}" ]; then say "Redis: using REDIS_URL"; return 0; fi
  mkdir -p "$STATE/run" "$STATE/log"
  local password
  password=$(secret redis-password)
  if alive "$STATE/run/redis.pid" && redis_without_password "$REDIS_PORT"; then
    say "Redis: the running one was started before passwords; starting it again with one"
    stop_pidfile "$STATE/run/redis.pid"
  fi
  if ! alive "$STATE/run/redis.pid"; then
    # the password in a config file of mode 600, not on the command line where ps shows it
    (umask 077 && printf 'requirepass %s\n' "$password" >"$STATE/secrets/redis.conf")
    redis-server "$STATE/secrets/redis.conf" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$STATE/run/redis.pid" --logfile "$STATE/log/redis.log" >/dev/null
    wait_port 127.0.0.1 "$REDIS_PORT" 10 Redis
  fi
  say "Redis: 127.0.0.1:$REDIS_PORT (password in $STATE/secrets)"
  export REDIS_URL="redis://:$password@127.0.0.1:$REDIS_PORT"
}

redis_without_password() { # PORT: whether the Redis there answers PING without AUTH
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == +PONG* ]]
}

stop_pidfile() {
  local f="$1"
  alive "$f" || { rm -f "$f"; return 0; }
  local pid
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"
}

stop_all() {
  stop_pidfile "$STATE/run/nova.pid"
  stop_pidfile "$STATE/run/conductor.pid" # its agents exit with it
  local model # bin/nova bench gateway's baselines
  for model in "$STATE"/run/local-model-*.pid; do [ -e "$model" ] && stop_pidfile "$model"; done
  stop_pidfile "$STATE/run/temporal-ui.pid"
  stop_pidfile "$STATE/run/temporal.pid"
  stop_pidfile "$STATE/run/redis.pid"
  stop_postgres
}
