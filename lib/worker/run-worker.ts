import { baseEnvSchema, ConfigError, parseEnv } from "../config/env";
import { createLogger } from "../logger";
import { WorkerHost, type WorkerSetup } from "./worker-host";

export interface WorkerDefinition {
  /** Process name, used as CloudEvents source and log `service`. */
  service: string;
  setup: WorkerSetup;
  /** Milliseconds a shutdown may take before the process exits anyway. */
  shutdownTimeoutMs?: number;
}

/**
 * Runs a worker as its own process: validated config, one logger, a health
 * line every 30 s, and a SIGTERM/SIGINT handler that stops consuming,
 * finishes the messages in hand, drains the outbox and exits with code 0.
 */
export async function runWorker(definition: WorkerDefinition): Promise<void> {
  process.env.SWIFTCLOUD_SERVICE = definition.service;
  let env;
  try {
    env = parseEnv(baseEnvSchema);
  } catch (error: unknown) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${definition.service}: ${error.message}\n`);
    // 78 is EX_CONFIG from sysexits.h: a supervisor should not restart in a loop.
    process.exit(78);
  }
  const logger = createLogger(definition.service, env.LOG_LEVEL);
  const host = new WorkerHost({
    service: definition.service,
    databaseUrl: env.DATABASE_URL,
    amqpUrl: env.AMQP_URL,
    brokerPrefix: env.BROKER_PREFIX,
    logger,
  });
  const { db, broker } = host.context;

  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "worker.unhandled_rejection");
  });

  logger.info({ prefix: env.BROKER_PREFIX }, "worker.starting");
  await host.start(definition.setup);

  const health = setInterval(() => {
    void db.$queryRaw`select 1`
      .then(() => true)
      .catch(() => false)
      .then((database) => logger.info({ broker: broker.connected, database }, "worker.health"));
  }, 30_000);
  health.unref();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "worker.stopping");
    const deadline = setTimeout(() => {
      logger.error("worker.shutdown_timed_out");
      process.exit(1);
    }, definition.shutdownTimeoutMs ?? 20_000);
    deadline.unref();
    clearInterval(health);
    await host.stop();
    logger.info("worker.stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  logger.info("worker.started");
}
