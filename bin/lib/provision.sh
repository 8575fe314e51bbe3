# Installs what Nova needs on a fresh Debian/Ubuntu machine; each step is skipped when already done.
# shellcheck shell=bash

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pick_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-2[1-9]-jdk-* /usr/lib/jvm/java-2[1-9]-openjdk-*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${major:-0}" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      # JDK 23+ warns about sun.misc.Unsafe, used by Maven's Guava and by gRPC's Netty; the flag only exists there.
      JAVA_FLAGS="--enable-native-access=ALL-UNNAMED"
      [ "$major" -ge 23 ] && JAVA_FLAGS="$JAVA_FLAGS --sun-misc-unsafe-memory-access=allow"
      export JAVA_FLAGS MAVEN_OPTS="${MAVEN_OPTS:-} $([ "$major" -ge 23 ] && echo --sun-misc-unsafe-memory-access=allow)"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  apt_install openjdk-21-jdk-headless 2>/dev/null || die "Nova needs a JDK 21 or newer under /usr/lib/jvm"
  export JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64 JAVA_FLAGS="--enable-native-access=ALL-UNNAMED" PATH="/usr/lib/jvm/java-21-openjdk-amd64/bin:$PATH"
}

pg_bindir() { echo /usr/lib/postgresql/15/bin; }

provision_pgvector() {
  [ -f /usr/share/postgresql/15/extension/vector.control ] && return 0
  apt_install postgresql-server-dev-15 dpkg-dev build-essential
  # bookworm has no pgvector for PostgreSQL 15: build Debian's own trixie source package, through a
  # private sources list and state dir so the machine's apt setup is left untouched.
  local apt_dir="$NOVA_HOME/var/apt" src="$NOVA_HOME/var/build/pgvector"
  mkdir -p "$apt_dir/lists/partial" "$src"
  echo "deb-src http://deb.debian.org/debian trixie main" >"$apt_dir/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$apt_dir/lists" -o APT::Sandbox::User=root)
  say "building pgvector from Debian's trixie source package"
  apt-get "${opts[@]}" update -qq >/dev/null
  (cd "$src" && apt-get "${opts[@]}" source -qq pgvector >/dev/null 2>&1) || die "could not fetch the pgvector source package"
  local dir
  dir=$(find "$src" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  make -s -C "$dir" PG_CONFIG="$(pg_bindir)/pg_config" OPTFLAGS="" >/dev/null 2>&1 || die "pgvector build failed"
  as_root make -s -C "$dir" PG_CONFIG="$(pg_bindir)/pg_config" OPTFLAGS="" install >/dev/null
}

provision_base() {
  say "checking the machine"
  command -v curl >/dev/null || apt_install curl
  pick_java
  command -v mvn >/dev/null || apt_install maven
  [ -n "${DATABASE_URL:-}" ] || { apt_install postgresql-15 postgresql-contrib; provision_pgvector; }
  [ -n "${REDIS_URL:-}" ] || command -v redis-server >/dev/null || apt_install redis-server
  provision_capnp
}

# OpenAI's Node SDK, the real client OpenAiNodeSdkIT runs against /v1; the lockfile pins it.
provision_openai_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  [ -d "$NOVA_HOME/tests/openai-node/node_modules/openai" ] && return 0
  say "installing OpenAI's Node SDK for the client tests (npm ci, tests/openai-node)"
  npm ci --prefix "$NOVA_HOME/tests/openai-node" --no-audit --no-fund --loglevel=error || die "npm ci failed in tests/openai-node"
}

# Debian's reference Cap'n Proto: the conductor's native mock agent is built on its C++ library
# (libcapnp-dev, with make, g++ and pkg-config), and the interop tests encode and decode with its tool.
provision_capnp() {
  apt_install capnproto libcapnp-dev g++ make pkg-config
}

provision_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
  apt_install chromium chromium-driver
}
