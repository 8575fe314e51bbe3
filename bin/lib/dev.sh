# `bin/nova dev`: the whole platform on this machine, kept running until Ctrl-C or `bin/nova stop`.
# shellcheck shell=bash

start_nova_server() {
  local log="$STATE/log/nova.log"
  # Dev reads templates/ on each change; the credentials file carries first-run secrets to print_login.
  NOVA_CREDENTIALS_FILE="${NOVA_CREDENTIALS_FILE-$STATE/run/first-login}" NOVA_TEMPLATES_DIR="${NOVA_TEMPLATES_DIR-$NOVA_HOME/templates}" \
    nohup "$JAVA_HOME/bin/java" $JAVA_FLAGS -Xmx768m ${NOVA_SERVER_JAVA_OPTS:-} \
    -cp "$NOVA_HOME/web/target/nova-web.jar:$NOVA_HOME/web/target/lib/*" \
    nova.web.NovaApplication server "$NOVA_HOME/web/nova.yml" >>"$log" 2>&1 &
  echo $! >"$STATE/run/nova.pid"
  disown # the supervisor reports a crash itself; bash's job notice would only repeat it
}

wait_ready() {
  local port=${NOVA_HTTP_PORT:-8080} i
  for ((i = 0; i < 600; i++)); do
    alive "$STATE/run/nova.pid" || return 1
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

print_login() {
  local port=${NOVA_HTTP_PORT:-8080}
  say "Nova is ready at http://localhost:$port"
  if [ -f "$STATE/run/first-login" ]; then
    # Generated secrets are shown once, then only their hashes remain.
    sed 's/^/     /' "$STATE/run/first-login"
    rm -f "$STATE/run/first-login"
  else
    say "log in at http://localhost:$port/login as admin, with the password of the first run (NOVA_ADMIN_PASSWORD, or the one printed then)"
  fi
  say "logs: $STATE/log/nova.log · stop: Ctrl-C or bin/nova stop"
}

supervise() { # polls, so Ctrl-C and `bin/nova stop` are seen within half a second
  local started restarts=0
  while true; do
    sleep 0.5
    [ -f "$STATE/run/stopping" ] && return 0
    revive_temporal
    alive "$STATE/run/nova.pid" && continue
    restarts=$((restarts + 1))
    say "the Nova server stopped unexpectedly; restarting it (restart $restarts, log: $STATE/log/nova.log)"
    started=$SECONDS
    start_nova_server
    wait_ready || die "the Nova server did not come back (log: $STATE/log/nova.log)"
    say "Nova is back at http://localhost:${NOVA_HTTP_PORT:-8080} after $((SECONDS - started)) s; its workflows went on in Temporal"
  done
}

# Temporal and its Web UI, when bin/nova started them and they died: started again on the same
# state file, so the Nova server (which answers 503 meanwhile) goes on with every run it had.
revive_temporal() {
  [ -n "${NOVA_STARTED_TEMPORAL:-}" ] || return 0
  if ! alive "$STATE/run/temporal.pid"; then
    say "Temporal stopped unexpectedly; starting it again on $STATE/temporal/temporal.db (log: $STATE/log/temporal.log)"
    unset TEMPORAL_ADDRESS
    start_temporal
  elif [ -f "$STATE/run/temporal-ui.pid" ] && ! alive "$STATE/run/temporal-ui.pid"; then
    say "Temporal's Web UI stopped unexpectedly; starting it again (log: $STATE/log/temporal-ui.log)"
    start_temporal_ui
  fi
}

nova_dev() {
  use_state dev
  local t0=$SECONDS
  provision_base
  [ -n "${TEMPORAL_ADDRESS:-}" ] || provision_temporal_cli
  build_nova
  alive "$STATE/run/nova.pid" && die "Nova is already running (pid $(cat "$STATE/run/nova.pid")); bin/nova stop first"
  rm -f "$STATE/run/stopping"
  # A closed terminal or pipe must not kill this script before it has stopped what it started,
  # and neither may a failure after the first service is up.
  trap '' PIPE
  trap 'touch "$STATE/run/stopping"; say "stopping" 2>/dev/null || true; stop_all; exit 0' INT TERM HUP
  trap 'status=$?; [ "$status" -eq 0 ] || { touch "$STATE/run/stopping"; stop_all; }' EXIT
  start_postgres
  start_redis
  start_temporal
  start_conductor "${NOVA_CONDUCTOR_PORT:-51055}"
  start_nova_server
  say "starting the Nova server"
  wait_ready || { tail -30 "$STATE/log/nova.log" >&2; stop_all; die "the Nova server did not start (log: $STATE/log/nova.log)"; }
  print_login
  say "ready in $((SECONDS - t0)) s"
  supervise
  say "stopped by bin/nova stop"
}
