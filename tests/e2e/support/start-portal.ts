// Starts the portal for the browser tests: a fresh database, its own broker
// namespace, a production build, then the web process and both workers.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "../../support/test-database";
import { deleteBrokerNamespace } from "../../support/broker-namespace";
import { consumerNames } from "../../support/consumer-names";
import { e2eBrokerPrefix, e2eDatabaseName, e2ePort } from "./e2e-env";

const databaseUrl = await createTestDatabase(e2eDatabaseName);
// Queues left by an earlier run that was killed would hand this run stale events.
await deleteBrokerNamespace(e2eBrokerPrefix, consumerNames).catch(() => undefined);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  AMQP_URL: process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672",
  BROKER_PREFIX: e2eBrokerPrefix,
  HOST: "127.0.0.1",
  PORT: String(e2ePort),
  NEXTAUTH_URL: `http://127.0.0.1:${e2ePort}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  SIMULATED_STEP_MS: process.env.SIMULATED_STEP_MS ?? "300",
  // Every test signs up a fresh customer from the same address.
  SIGNUP_RATE_LIMIT_PER_HOUR: "100000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
};

const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
if (build.status !== 0) {
  process.stderr.write("next build failed; the browser tests cannot start the portal\n");
  process.exit(1);
}

const portal = spawn(process.execPath, ["--import", "tsx", "scripts/run-processes.ts"], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => portal.kill("SIGTERM"));
}
portal.on("exit", (code) => process.exit(code ?? 0));
