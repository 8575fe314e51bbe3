# `bin/nova test`: every test, against fresh private PostgreSQL, Redis and Temporal processes
# (Temporal: the CLI's development server, as in dev; the ITs find its binaries in TEMPORAL_CLI
# and TEMPORAL_UI_SERVER).
# shellcheck shell=bash

nova_test() {
  use_state test
  local t0=$SECONDS
  # Tests always get fresh private services, whatever this shell points dev at.
  unset DATABASE_URL REDIS_URL TEMPORAL_ADDRESS TEMPORAL_NAMESPACE TEMPORAL_UI_URL NOVA_TEMPORAL_RETENTION NOVA_CONDUCTOR_URL
  provision_base
  provision_browser
  provision_openai_node
  provision_temporal_cli
  touch "$STATE/run/stopping"
  stop_all
  rm -rf "$STATE"
  use_state test
  trap 'stop_all' EXIT
  PG_FSYNC=off start_postgres
  start_redis
  start_temporal ephemeral
  say "running every test (unit, workflow, replay, integration, browser); Maven prints each module's summary"
  # The ITs start the Nova server from web/nova.yml; these point it at the services above.
  NOVA_TEST_CHROMEDRIVER=$(command -v chromedriver) NOVA_TEST_CHROMIUM=$(command -v chromium) \
    mvn -B -ntp "$@" verify </dev/null
  say "all tests passed in $((SECONDS - t0)) s"
}
