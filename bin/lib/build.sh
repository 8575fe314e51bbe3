# Builds only when a source changed since the last build, so a second `bin/nova dev` starts in seconds.
# shellcheck shell=bash

mvn_quiet() { # shows one line per module instead of Maven's full log
  local log="$STATE/log/build.log"
  if ! mvn -B -ntp -Dstyle.color=never "$@" >"$log" 2>&1 < /dev/null; then
    grep -E '\[ERROR\]' "$log" | head -30 >&2
    die "build failed (full log: $log)"
  fi
}

build_stale() {
  local stamp="$NOVA_HOME/var/build.stamp"
  [ -f "$stamp" ] && [ -f "$NOVA_HOME/web/target/nova-web.jar" ] || return 0
  [ -n "$(find "$NOVA_HOME" -path "$NOVA_HOME/var" -prune -o -path '*/target' -prune -o \
    \( -name '*.java' -o -name 'pom.xml' -o -name '*.jte' -o -name '*.sql' -o -name '*.yml' -o -path '*/resources/*' \) \
    -newer "$stamp" -print -quit)" ]
}

build_nova() {
  if build_stale; then
    say "building Nova (log: $STATE/log/build.log)"
    local started=$SECONDS
    rm -rf "$NOVA_HOME/web/target/lib" # the server's classpath is lib/*: no jar of an older version may linger
    mvn_quiet -DskipTests -Dspotless.check.skip=true install # format is checked by bin/nova test
    touch "$NOVA_HOME/var/build.stamp"
    say "built in $((SECONDS - started)) s"
  fi
}
