#!/usr/bin/env bash
# Starts the whole portal: dependencies, PostgreSQL and RabbitMQ, migrations,
# the catalog, a production build, then the web process and both workers with
# their logs in this terminal. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/swiftcloud}"
export AMQP_URL="${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672}"
export PORT="${PORT:-3000}"

require_node
if port_open 127.0.0.1 "$PORT"; then
  fail "port $PORT is in use, perhaps by a portal started earlier. Stop it, or start this one with PORT=3001 npm start."
fi
ensure_dependencies

# A session secret kept in .env.local (ignored by git), so sessions survive restarts.
if [[ -z "${NEXTAUTH_SECRET:-}" ]]; then
  if ! grep -qs '^NEXTAUTH_SECRET=' .env.local; then
    echo "NEXTAUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" >>.env.local
  fi
  NEXTAUTH_SECRET=$(grep '^NEXTAUTH_SECRET=' .env.local | tail -1 | cut -d= -f2-)
  export NEXTAUTH_SECRET
fi
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"

ensure_postgres
ensure_rabbitmq

say "migrating the database"
npx tsx scripts/db/migrate.ts deploy
say "seeding the catalog"
npx tsx prisma/seed.ts

say "building the web app"
NODE_ENV=production npx next build

export NODE_ENV=production
exec npx tsx scripts/run-processes.ts
