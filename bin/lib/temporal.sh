# Temporal for bin/nova: the Temporal CLI's development server (a real Temporal server on SQLite)
# with Temporal's Web UI beside it, built once per machine from the Go module proxy.
# shellcheck shell=bash

# The one pin. v1.5.1 is the newest release that `go install` builds from the module proxy: from
# v1.6.0 on, the CLI's go.mod replaces its cliext module with a folder that the module's zip leaves
# out, `go install` refuses a module with replace directives, and the proxy serves no cliext module.
TEMPORAL_CLI_VERSION=v1.5.1
TEMPORAL_RETENTION=${NOVA_TEMPORAL_RETENTION:-720h}

# Outside the clone, so every clone on the machine (and every `rm -rf var`) reuses the build.
nova_cache() { echo "${NOVA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/nova}"; }
temporal_cache() { echo "$(nova_cache)/temporal-$TEMPORAL_CLI_VERSION"; }

# A machine without Go 1.21 (Debian 12 has 1.19, which cannot read the CLI's go.mod) gets this
# Go, the toolchain module that GOTOOLCHAIN would fetch, from the same proxy, checked against
# its pinned sha256.
GO_FALLBACK=go1.26.8
GO_FALLBACK_SHA256=30c2b1bf7dcc88d3eb0a1364e47ddd9128edb3110a30e8a0ef61cd5856b31de7

provision_go() {
  local minor
  minor=$({ go env GOVERSION 2>/dev/null || true; } | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
  [ "${minor:-0}" -ge 21 ] && return 0
  local dir module
  dir="$(nova_cache)/$GO_FALLBACK" module="golang.org/toolchain@v0.0.1-$GO_FALLBACK.linux-amd64"
  if [ ! -x "$dir/bin/go" ]; then
    [ "$(uname -m)" = x86_64 ] || die "the Temporal CLI is built with Go 1.21 or newer: install one (Nova fetches one itself on amd64 only)"
    command -v unzip >/dev/null || apt_install unzip
    say "Go: none here, or older than 1.21; fetching $GO_FALLBACK from the Go module proxy (64 MB)"
    rm -rf "$dir.fetch" && mkdir -p "$dir.fetch"
    curl -fsSL -o "$dir.fetch/go.zip" "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-$GO_FALLBACK.linux-amd64.zip" ||
      die "could not fetch $GO_FALLBACK from proxy.golang.org"
    echo "$GO_FALLBACK_SHA256  $dir.fetch/go.zip" | sha256sum -c --quiet - || die "$GO_FALLBACK's zip does not match its pinned sha256"
    unzip -q -d "$dir.fetch" "$dir.fetch/go.zip"
    # a module zip keeps no file modes
    chmod +x "$dir.fetch/$module"/bin/* "$dir.fetch/$module"/pkg/tool/*/*
    rm -rf "$dir" && mv "$dir.fetch/$module" "$dir" && rm -rf "$dir.fetch"
  fi
  export PATH="$dir/bin:$PATH" GOTOOLCHAIN=local
}

# Sets TEMPORAL_CLI and TEMPORAL_UI_SERVER, building both the first time on this machine.
provision_temporal_cli() {
  local dir
  dir=$(temporal_cache)
  TEMPORAL_CLI="$dir/temporal" TEMPORAL_UI_SERVER="$dir/temporal-ui-server"
  export TEMPORAL_CLI TEMPORAL_UI_SERVER
  [ -x "$TEMPORAL_CLI" ] && [ -x "$TEMPORAL_UI_SERVER" ] && return 0
  mkdir -p "$(dirname "$dir")"
  # bin/nova dev and bin/nova test started at once build it once: the second waits here
  exec 8>"$dir.lock"
  flock 8
  if ! { [ -x "$TEMPORAL_CLI" ] && [ -x "$TEMPORAL_UI_SERVER" ]; }; then
    provision_go
    build_temporal_cli "$dir"
  fi
  flock -u 8
  exec 8>&-
}

build_temporal_cli() { # DIR
  local dir=$1 work="$1.building" started=$SECONDS ui_version mod
  # Go's caches of its own, deleted once both are built: 3.4 GB that nothing else here needs
  local -x GOMODCACHE="$work/gomod" GOCACHE="$work/gocache"
  if [ -d "$GOMODCACHE" ]; then go clean -modcache 2>/dev/null || true; fi # an interrupted build's; read-only files
  rm -rf "$work" && mkdir -p "$work"
  say "Temporal CLI $TEMPORAL_CLI_VERSION: building it from the Go module proxy into $dir, once for this machine (about 5 minutes on 2 cores)"
  go_install "$work" "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" "the CLI" $started
  # The Web UI the CLI itself bundles, as its own server: only that one can refuse write actions.
  mod="$GOMODCACHE/cache/download/github.com/temporalio/cli/@v/$TEMPORAL_CLI_VERSION.mod"
  [ -f "$mod" ] && ui_version=$(sed -n 's#^[[:space:]]*github.com/temporalio/ui-server/v2 \(v[^ ]*\).*#\1#p' "$mod")
  [ -n "${ui_version:-}" ] || die "could not read the Web UI's version from the CLI's go.mod ($mod)"
  go_install "$work" "github.com/temporalio/ui-server/v2/cmd/server@$ui_version" "its Web UI $ui_version" $started
  mv "$work/server" "$work/temporal-ui-server"
  go clean -modcache
  rm -rf "$GOCACHE"
  rm -rf "$dir" && mv "$work" "$dir"
  say "Temporal CLI $TEMPORAL_CLI_VERSION and Web UI $ui_version built in $((SECONDS - started)) s"
}

go_install() { # GOBIN MODULE@VERSION WHAT STARTED: shows progress every 15 s
  local log="$1/build.log" pid next=$((SECONDS + 15))
  GOBIN="$1" GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" go install -v -trimpath -ldflags='-s -w' "$2" >>"$log" 2>&1 </dev/null &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next" ]; then
      # -v names each package as it is compiled
      say "  building $3: $((SECONDS - $4)) s, $(grep -c '^go: downloading' "$log") modules fetched, $(grep -vc '^go: ' "$log") packages compiled"
      next=$((SECONDS + 15))
    fi
  done
  wait "$pid" || { tail -20 "$log" >&2; die "go install $2 failed (log: $log)"; }
}

# The development server. dev: its state in a SQLite file (workflows and their histories survive a
# restart of everything) and Temporal's Web UI beside it, with write actions disabled.
# ephemeral (tests, benchmarks): in-memory SQLite, no Web UI.
start_temporal() { # [ephemeral]
  if [ -n "${TEMPORAL_ADDRESS:-}" ]; then say "Temporal: using TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"; return 0; fi
  mkdir -p "$STATE/run" "$STATE/log" "$STATE/temporal"
  provision_temporal_cli
  NOVA_STARTED_TEMPORAL=1 # bin/nova dev starts it again should it die
  if alive "$STATE/run/temporal.pid" && grep -q DevTemporalServer "/proc/$(cat "$STATE/run/temporal.pid")/cmdline" 2>/dev/null; then
    say "Temporal: the in-memory server of an earlier Nova is replaced by the development server (Nova re-creates its open tasks' workflows)"
    stop_pidfile "$STATE/run/temporal.pid"
  fi
  local state=(--db-filename "$STATE/temporal/temporal.db") kept="state in $STATE/temporal/temporal.db"
  [ "${1:-}" = ephemeral ] && state=() kept="state in memory"
  if ! alive "$STATE/run/temporal.pid"; then
    port_free "$TEMPORAL_PORT" || die "port $TEMPORAL_PORT is taken by another process; bin/nova dev takes another with NOVA_TEMPORAL_PORT"
    "$TEMPORAL_CLI" server start-dev --headless --ip 127.0.0.1 --port "$TEMPORAL_PORT" "${state[@]}" --log-level warn \
      >>"$STATE/log/temporal.log" 2>&1 </dev/null &
    echo $! >"$STATE/run/temporal.pid"
    disown # bin/nova reports its death itself; bash's job notice would only repeat it
    wait_port 127.0.0.1 "$TEMPORAL_PORT" 30 Temporal
    alive "$STATE/run/temporal.pid" || die "Temporal exited at once (log: $STATE/log/temporal.log)"
  fi
  # the dev server's namespace keeps a closed run one day; Nova's runs are its audit trail
  "$TEMPORAL_CLI" operator namespace update --address "127.0.0.1:$TEMPORAL_PORT" -n default --retention "$TEMPORAL_RETENTION" \
    >>"$STATE/log/temporal.log" 2>&1 || die "could not set the namespace's retention to $TEMPORAL_RETENTION (a Go duration such as 720h; log: $STATE/log/temporal.log)"
  say "Temporal: 127.0.0.1:$TEMPORAL_PORT (development server $TEMPORAL_CLI_VERSION, $kept)"
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  [ "${1:-}" = ephemeral ] || start_temporal_ui
}

start_temporal_ui() {
  local config="$STATE/temporal/ui/config"
  mkdir -p "$config"
  cat >"$config/development.yaml" <<YAML
temporalGrpcAddress: $TEMPORAL_ADDRESS
host: 127.0.0.1
port: $TEMPORAL_UI_PORT
enableUi: true
defaultNamespace: ${TEMPORAL_NAMESPACE:-default}
notifyOnNewVersion: false
# No login guards this UI: it reads, and Nova alone acts on its workflows, with its checks and audit.
disableWriteActions: true
cors:
  cookieInsecure: true
YAML
  if ! alive "$STATE/run/temporal-ui.pid"; then
    port_free "$TEMPORAL_UI_PORT" || die "port $TEMPORAL_UI_PORT is taken by another process; bin/nova dev takes another with NOVA_TEMPORAL_UI_PORT"
    "$TEMPORAL_UI_SERVER" --root "$STATE/temporal/ui" --config config --env development start \
      >>"$STATE/log/temporal-ui.log" 2>&1 </dev/null &
    echo $! >"$STATE/run/temporal-ui.pid"
    disown
    wait_port 127.0.0.1 "$TEMPORAL_UI_PORT" 30 "Temporal's Web UI"
    alive "$STATE/run/temporal-ui.pid" || die "Temporal's Web UI exited at once (log: $STATE/log/temporal-ui.log)"
  fi
  export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://127.0.0.1:$TEMPORAL_UI_PORT}"
  say "Temporal Web UI: $TEMPORAL_UI_URL (read-only: cancel, terminate, reset, signal and the like are disabled)"
}
