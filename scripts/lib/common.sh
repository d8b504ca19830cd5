# Shared steps of scripts/start.sh and scripts/test.sh. Source it; do not run it.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Whether something accepts TCP connections on host $1, port $2.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Waits up to $3 seconds for host $1, port $2 to accept connections.
wait_for_port() {
  local deadline=$((SECONDS + $3))
  until port_open "$1" "$2"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

require_node() {
  command -v node >/dev/null || fail "Node.js 20 or later is needed: apt-get install -y nodejs npm"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || fail "Node.js 20 or later is needed; this is $(node -v)"
}

# Installs npm dependencies when node_modules is missing or older than the lockfile.
ensure_dependencies() {
  if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing npm dependencies"
    npm ci --no-audit --no-fund
  fi
  if [[ ! -f lib/db/generated/client.ts ]]; then
    say "generating the Prisma client"
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null
  fi
}

# Host and port of a postgresql:// or amqp:// URL, as "host port".
url_host_port() {
  node -e 'const u = new URL(process.argv[1]); console.log(u.hostname, u.port || process.argv[2])' "$1" "$2"
}

ensure_postgres() {
  local host port
  read -r host port < <(url_host_port "$DATABASE_URL" 5432)
  port_open "$host" "$port" && return 0
  if [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]] && command -v pg_ctlcluster >/dev/null; then
    say "starting the local PostgreSQL"
    local version
    version=$(ls /etc/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
      fail "PostgreSQL did not start; see /var/log/postgresql/"
    wait_for_port "$host" "$port" 30 || fail "PostgreSQL started but $host:$port does not accept connections"
    return 0
  fi
  fail "PostgreSQL is not reachable at $host:$port. Install it with 'apt-get install -y postgresql' (trust auth for user postgres on 127.0.0.1), or set DATABASE_URL."
}

ensure_rabbitmq() {
  local host port
  read -r host port < <(url_host_port "$AMQP_URL" 5672)
  port_open "$host" "$port" && return 0
  if [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]] && command -v rabbitmq-server >/dev/null; then
    say "starting the local RabbitMQ"
    rabbitmq-server -detached || true
    # The node takes several seconds to open its port after the detached start returns.
    wait_for_port "$host" "$port" 60 || fail "RabbitMQ did not open $host:$port within 60 s; see /var/log/rabbitmq/"
    return 0
  fi
  fail "RabbitMQ is not reachable at $host:$port. Install it with 'apt-get install -y rabbitmq-server', or set AMQP_URL."
}

ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  say "installing Chromium for the browser tests"
  command -v apt-get >/dev/null || fail "Chromium is needed at /usr/bin/chromium for the browser tests"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null || fail "could not install chromium"
}
