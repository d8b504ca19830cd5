// Fault-injection suite: starts the portal on its own database and broker
// namespace, runs a batch of orders through the HTTP API under each fault,
// and checks the portal's guarantees in PostgreSQL. Prints one line per
// fault and exits non-zero when a guarantee is broken or a fault could not
// be injected.
//
//   npx tsx tests/faults/run-faults.ts [--orders 20] [--seed N] [--only "broker restart"]
import { spawnSync } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { deleteBrokerNamespace, testAmqpUrl } from "../support/broker-namespace";
import { consumerNames } from "../support/consumer-names";
import { createTestDatabase } from "../support/test-database";
import { CustomerClient } from "./customer-client";
import { faults, type Fault, type RunningFault } from "./faults";
import { checkInvariants, formatCounts, invariantsHold, isSettled } from "./invariants";
import { placeAndPayOrder, slowCard, successCard } from "./order-flow";
import { Portal } from "./portal";

const databaseName = "swiftcloud_test_faults";
const brokerPrefix = "swiftcloud-test-faults";
const port = 3300;
const logDirectory = ".run/faults";
/** Customers per batch, who share the batch's orders. */
const customersPerBatch = 3;
/** Orders in flight at once. */
const concurrency = 8;
/** Maximum wait, after the last payment, for every order of a batch to become final. */
const settleTimeoutMs = 180_000;

const { values: options } = parseArgs({
  options: {
    orders: { type: "string", default: "20" },
    seed: { type: "string" },
    only: { type: "string" },
  },
});
const orderCount = Number(options.orders);
if (!Number.isInteger(orderCount) || orderCount < 1) {
  throw new Error(`--orders must be a positive integer, got "${options.orders}"`);
}
const seed = options.seed === undefined ? randomInt(2 ** 31) : Number(options.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${options.seed}"`);
const selected = options.only?.split(",").map((name) => name.trim());
const unknown = selected?.filter((name) => !faults.some((fault) => fault.name === name)) ?? [];
if (unknown.length > 0) {
  throw new Error(
    `unknown fault ${unknown.join(", ")}; faults are: ${faults.map((f) => f.name).join(", ")}`,
  );
}

/** Mulberry32: a small seeded generator, so a failing run's kill moments can be replayed. */
function seededRandom(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

log(`seed ${seed} (replay with --seed ${seed}), ${orderCount} orders per fault`);
const random = seededRandom(seed);

const databaseUrl = await createTestDatabase(databaseName);
// Queues left by an earlier run that was killed would hand this run stale events.
await deleteBrokerNamespace(brokerPrefix, consumerNames).catch(() => undefined);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  AMQP_URL: testAmqpUrl,
  BROKER_PREFIX: brokerPrefix,
  HOST: "127.0.0.1",
  PORT: String(port),
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  SIMULATED_STEP_MS: "100",
  // Every batch signs customers up from the same address.
  SIGNUP_RATE_LIMIT_PER_HOUR: "1000000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
};

// `next build` deletes BUILD_ID while it runs, and another suite (the browser
// tests) may be building, so a `.next` without BUILD_ID gets time to finish first.
const buildWaitDeadline = Date.now() + (existsSync(".next") ? 120_000 : 0);
while (!existsSync(".next/BUILD_ID") && Date.now() < buildWaitDeadline) await sleep(1_000);
if (!existsSync(".next/BUILD_ID")) {
  log("no production build in .next; running next build");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) throw new Error("next build failed; the suite cannot start the portal");
}

rmSync(logDirectory, { recursive: true, force: true });
const portal = new Portal(env, logDirectory);
process.on("exit", () => portal.killAllNow());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the portal`);
    void portal.stopAll().finally(() => process.exit(130));
  });
}

const db = new pg.Client({ connectionString: databaseUrl });
const failures: string[] = [];
const lines: string[] = [];
const started = Date.now();
try {
  await portal.startAll();
  await db.connect();
  log(`portal started on port ${port}, logs in ${logDirectory}/`);
  for (const fault of faults) {
    if (selected && !selected.includes(fault.name)) continue;
    const skipReason = fault.skipReason?.(testAmqpUrl);
    if (skipReason !== undefined) {
      lines.push(`${fault.name}: skipped, ${skipReason}`);
      log(lines.at(-1) ?? "");
      continue;
    }
    const line = await runFault(fault);
    lines.push(line);
    log(line);
  }
} catch (error: unknown) {
  failures.push(
    `suite aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
} finally {
  await db.end().catch(() => undefined);
  await portal.stopAll();
}

failures.push(...portal.unexpectedExits.map((exit) => `a portal process crashed: ${exit}`));
process.stdout.write(`\n${lines.join("\n")}\n`);
for (const failure of failures) process.stdout.write(`FAILED: ${failure}\n`);
const seconds = Math.round((Date.now() - started) / 1000);
process.stdout.write(
  `${failures.length === 0 ? "fault injection passed" : "fault injection FAILED"}: ` +
    `seed ${seed}, ${orderCount} orders per fault, ${seconds} s\n`,
);
process.exit(failures.length === 0 ? 0 : 1);

/** Runs one batch of orders under `fault`, waits for it to settle and returns the report line. */
async function runFault(fault: Fault): Promise<string> {
  log(`${fault.name}: starting a batch of ${orderCount} orders`);
  const customers = Array.from(
    { length: customersPerBatch },
    () => new CustomerClient(env.NEXTAUTH_URL ?? ""),
  );
  for (const customer of customers) await customer.signUpAndSignIn();

  const orderIds: string[] = [];
  let running: RunningFault | undefined;
  try {
    running = await fault.start({
      portal,
      db,
      databaseName,
      amqpUrl: testAmqpUrl,
      brokerPrefix,
      consumers: consumerNames,
      random,
      progress: () => ({ placed: orderIds.length, total: orderCount }),
      log,
    });
  } catch (error: unknown) {
    failures.push(`${fault.name}: could not be injected: ${String(error)}`);
  }

  const tag = randomBytes(3).toString("hex");
  let next = 0;
  const worker = async () => {
    while (next < orderCount) {
      const index = next++;
      const customer = customers[index % customers.length] as CustomerClient;
      // Every fifth order uses the card that stays PROCESSING for a while.
      const card = index % 5 === 4 ? slowCard : successCard;
      try {
        await placeAndPayOrder(customer, `faults-${tag}-${index}`, card, (id) => orderIds.push(id));
      } catch (error: unknown) {
        failures.push(`${fault.name}: order ${index}: ${String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  log(`${fault.name}: ${orderIds.length} orders placed and paid`);

  if (running && !fault.keepWhileSettling) running = await stopFault(fault, running);
  let counts = await waitUntilSettled(orderIds);
  if (running) {
    await stopFault(fault, running);
    // Copies published just before the stop may still be in flight.
    counts = await waitUntilSettled(orderIds);
  }

  if (!isSettled(counts))
    failures.push(`${fault.name}: not settled within ${settleTimeoutMs / 1000} s`);
  if (!invariantsHold(counts)) failures.push(`${fault.name}: a guarantee is broken`);
  if (orderIds.length < orderCount)
    failures.push(`${fault.name}: only ${orderIds.length} of ${orderCount} orders placed`);
  return formatCounts(fault.name, counts);
}

/** Stops `running` and records a fault that was never injected. Returns undefined to mark it stopped. */
async function stopFault(fault: Fault, running: RunningFault): Promise<undefined> {
  try {
    const injections = await running.stop();
    log(`${fault.name}: injected ${injections} times`);
    if (injections === 0) failures.push(`${fault.name}: could not be injected`);
  } catch (error: unknown) {
    failures.push(`${fault.name}: injection failed: ${String(error)}`);
  }
  return undefined;
}

/** Polls the invariant counts until the batch has settled or the settle timeout passes. */
async function waitUntilSettled(orderIds: string[]) {
  const deadline = Date.now() + settleTimeoutMs;
  let counts = await checkInvariants(db, orderIds);
  while (!isSettled(counts) && Date.now() < deadline) {
    await sleep(1_000);
    counts = await checkInvariants(db, orderIds);
  }
  return counts;
}
