# The LPU conductor: `bin/nova conductor ARGS` in the foreground, and the dev stack's conductor with mock agents.
# shellcheck shell=bash

conductor_command() { # the conductor's java command line on the built jar, into the array CONDUCTOR
  # shellcheck disable=SC2206 # JAVA_FLAGS is a list of flags
  CONDUCTOR=("$JAVA_HOME/bin/java" $JAVA_FLAGS -Xmx512m -cp "$NOVA_HOME/conductor/target/nova-conductor.jar:$NOVA_HOME/conductor/target/lib/*"
    nova.conductor.ConductorMain)
}

nova_conductor() { # bin/nova conductor -c ... -d ... -m ... --allocation ... --instance-model-name ... [--mock-agents] [--http-port N]
  use_state dev
  pick_java
  build_nova
  conductor_command
  exec "${CONDUCTOR[@]}" "$@"
}

# The dev stack gets a conductor with mock agents; while no provider is enabled the gateway routes
# there, in place of the built-in local model (NOVA_CONDUCTOR=off leaves it out).
start_conductor() { # PORT
  [ "${NOVA_CONDUCTOR:-on}" = off ] && return 0
  if [ -n "${NOVA_CONDUCTOR_URL:-}" ]; then say "conductor: using NOVA_CONDUCTOR_URL=$NOVA_CONDUCTOR_URL"; return 0; fi
  local port=$1 configs="$NOVA_HOME/conductor/configs" log="$STATE/log/conductor.log"
  # /admin (deploy, scale, drain) asks for this token; the Nova server started next gets it too
  NOVA_CONDUCTOR_ADMIN_TOKEN=$(secret conductor-admin-token)
  export NOVA_CONDUCTOR_ADMIN_TOKEN
  if ! alive "$STATE/run/conductor.pid"; then
    conductor_command
    nohup "${CONDUCTOR[@]}" -c "$configs/app_config.toml" -d "$configs/datacenter.toml" -m "$configs/single_model_config.toml" \
      --allocation c1r1 --instance-model-name nova-lpu --mock-agents --http-port "$port" </dev/null >>"$log" 2>&1 &
    echo $! >"$STATE/run/conductor.pid"
    local i
    for ((i = 0; i < 300; i++)); do
      alive "$STATE/run/conductor.pid" || { tail -20 "$log" >&2; die "the conductor did not start (log: $log)"; }
      curl -fs "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
      sleep 0.1
    done
    [ "$i" -lt 300 ] || die "the conductor did not get ready within 30 s (log: $log)"
  fi
  say "conductor: http://127.0.0.1:$port/status (mock agents on c1r1, model nova-lpu)"
  export NOVA_CONDUCTOR_URL="http://127.0.0.1:$port"
}
