#!/usr/bin/env bash
# Runs every test: type check, lint, unit and integration tests (vitest,
# against the real PostgreSQL and RabbitMQ), the fault-injection suite
# (which restarts the local RabbitMQ once) and the browser tests
# (Playwright with Debian's Chromium). Each suite uses its own database and
# broker namespace, so development data is never touched. Prints one
# "N passed, N failed" line at the end and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/swiftcloud}"
export AMQP_URL="${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672}"
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-$DATABASE_URL}"
export TEST_AMQP_URL="${TEST_AMQP_URL:-$AMQP_URL}"

set -e
require_node
ensure_dependencies
ensure_chromium
ensure_postgres
ensure_rabbitmq
set +e

results=.run/test-results
rm -rf "$results" && mkdir -p "$results"
status=0
# Type check and lint failures count as failed tests in the closing line.
export FAILED_CHECKS=0

say "type check"
npx tsc --noEmit -p . || { status=1; FAILED_CHECKS=$((FAILED_CHECKS + 1)); }

say "lint"
npx eslint . || { status=1; FAILED_CHECKS=$((FAILED_CHECKS + 1)); }

say "unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json" || status=1

say "fault injection"
# A failed fault-injection run counts as one failed check, like the type check.
npx tsx tests/faults/run-faults.ts --orders 20 || { status=1; FAILED_CHECKS=$((FAILED_CHECKS + 1)); }

say "browser tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json || status=1

npx tsx scripts/summarize-tests.ts "$results/vitest.json" "$results/playwright.json" || status=1
exit "$status"
