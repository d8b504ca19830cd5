// The faults the suite injects while a batch of orders runs. Each fault
// starts with the batch and is stopped after it. Its `stop` returns how many
// times the fault was injected, and zero means it could not be injected.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import amqp from "amqplib";
import type pg from "pg";
import { topologyFor } from "../../lib/messaging/topology";
import type { Portal } from "./portal";

export interface FaultContext {
  portal: Portal;
  /** Connection of the suite itself, which pg_terminate_backend spares. */
  db: pg.Client;
  databaseName: string;
  amqpUrl: string;
  brokerPrefix: string;
  consumers: string[];
  /** Returns a number in [0, 1) from the run's seeded generator. */
  random: () => number;
  /** Orders placed so far in this batch and the batch size. */
  progress: () => { placed: number; total: number };
  log: (line: string) => void;
}

/** Injections of a repeated fault per batch: one per ten orders, at least three. */
function maxInjections(context: FaultContext): number {
  return Math.max(3, Math.ceil(context.progress().total / 10));
}

export interface RunningFault {
  /** Stops injecting and returns the number of injections. Throws if the fault's own check failed. */
  stop(): Promise<number>;
}

export interface Fault {
  name: string;
  /** Keep the fault running until the batch has settled, not only until every order is paid. */
  keepWhileSettling?: boolean;
  /** Returns why the fault cannot run against this setup, or undefined when it can. */
  skipReason?(amqpUrl: string): string | undefined;
  start(context: FaultContext): Promise<RunningFault>;
}

/**
 * Runs `inject` after random pauses of `minMs` to `maxMs` until stopped or
 * until it has succeeded `maxInjections(context)` times, so that a batch
 * can still settle while the fault keeps running.
 */
function repeatAtRandom(
  context: FaultContext,
  minMs: number,
  maxMs: number,
  inject: () => Promise<boolean>,
): RunningFault {
  let stopped = false;
  let injections = 0;
  // Caught here and raised by stop, so a failed injection is no unhandled rejection.
  const loop = (async () => {
    // The first pause is shorter, so a batch that pays quickly still meets the fault.
    let pauseMs = Math.floor(context.random() * minMs);
    while (!stopped && injections < maxInjections(context)) {
      await sleep(pauseMs);
      pauseMs = minMs + Math.floor(context.random() * (maxMs - minMs));
      if (stopped) break;
      if (await inject()) injections++;
    }
  })().then(
    () => undefined,
    (error: unknown) => error,
  );
  return {
    async stop() {
      stopped = true;
      const error = await loop;
      if (error !== undefined) throw error;
      return injections;
    },
  };
}

const billingKill: Fault = {
  name: "billing kill -9",
  keepWhileSettling: true,
  start: async (context) =>
    repeatAtRandom(context, 300, 2_500, async () => {
      await context.portal.restart("billing");
      return true;
    }),
};

const clusterManagerKill: Fault = {
  name: "cluster manager kill -9",
  keepWhileSettling: true,
  // Waits for a resource in PROVISIONING, so every kill lands mid-provisioning.
  start: async (context) =>
    repeatAtRandom(context, 500, 3_000, async () => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const result = await context.db.query(
          `select 1 from "Resource" where status = 'PROVISIONING' limit 1`,
        );
        if (result.rowCount) {
          await context.portal.restart("cluster-manager");
          return true;
        }
        await sleep(50);
      }
      return false;
    }),
};

const brokerRestart: Fault = {
  name: "broker restart",
  skipReason(amqpUrl) {
    const { hostname } = new URL(amqpUrl);
    const local = ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
    return local
      ? undefined
      : `the broker at ${hostname} is not local, so rabbitmqctl cannot restart it`;
  },
  async start(context) {
    const { port } = new URL(context.amqpUrl);
    const brokerPort = Number(port || 5672);
    let injections = 0;
    const restart = (async () => {
      // Mid-batch: once a third of the orders are placed.
      while (context.progress().placed < Math.ceil(context.progress().total / 3)) await sleep(100);
      context.log("broker restart: stopping RabbitMQ");
      const stopped = spawnSync("rabbitmqctl", ["stop"], { encoding: "utf8", timeout: 60_000 });
      if (stopped.status !== 0) throw new Error(`rabbitmqctl stop failed: ${stopped.stderr}`);
      // rabbitmqctl stop can return before the node is gone.
      await waitForPort(brokerPort, false, 60_000);
      // A process group of its own, so the node it leaves running outlives the suite's Ctrl-C.
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        const server = spawn("rabbitmq-server", ["-detached"], { detached: true, stdio: "ignore" });
        server.once("error", reject);
        server.once("exit", resolve);
      });
      if (exitCode !== 0) throw new Error(`rabbitmq-server -detached exited with ${exitCode}`);
      // RabbitMQ takes several seconds to accept connections after a detached start.
      await waitForPort(brokerPort, true, 120_000);
      context.log("broker restart: RabbitMQ accepts connections again");
      injections++;
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    return {
      async stop() {
        const error = await restart;
        if (error !== undefined) throw error;
        return injections;
      },
    };
  },
};

const duplicateDelivery: Fault = {
  name: "duplicate delivery",
  keepWhileSettling: true,
  async start(context) {
    const topology = topologyFor(context.brokerPrefix);
    const connection = await amqp.connect(context.amqpUrl);
    let failure: unknown;
    connection.on("error", (error: unknown) => (failure = error));
    const channel = await connection.createConfirmChannel();
    channel.on("error", (error: unknown) => (failure = error));
    const { queue } = await channel.assertQueue("", { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, topology.eventsExchange, "#");

    // The copy comes back through this queue too, so only the first delivery of an id is copied.
    const copied = new Set<string>();

    await channel.consume(queue, (message) => {
      if (!message) return;
      channel.ack(message);
      const headers = message.properties.headers ?? {};
      const id = String(headers["ce-id"] ?? "");
      if (id === "" || copied.has(id)) return;
      copied.add(id);
      channel.publish(
        topology.eventsExchange,
        message.fields.routingKey,
        message.content,
        {
          headers,
          contentType: message.properties.contentType as string | undefined,
          persistent: true,
        },
        (error) => {
          if (error) failure = error;
        },
      );
    });
    return {
      async stop() {
        await channel.waitForConfirms();
        await connection.close();
        if (failure) throw new Error(`duplicating events failed: ${String(failure)}`);
        return copied.size;
      },
    };
  },
};

const databaseDrop: Fault = {
  name: "database connection drop",
  keepWhileSettling: true,
  start: async (context) =>
    repeatAtRandom(context, 1_500, 5_000, async () => {
      const result = await context.db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid()`,
        [context.databaseName],
      );
      return (result.rowCount ?? 0) > 0;
    }),
};

const poisonMessages: Fault = {
  name: "poison message",
  async start(context) {
    const topology = topologyFor(context.brokerPrefix);
    const connection = await amqp.connect(context.amqpUrl);
    const channel = await connection.createConfirmChannel();
    const before = new Map<string, number>();
    for (const consumer of context.consumers) {
      const { messageCount } = await channel.checkQueue(topology.deadLetterQueue(consumer));
      before.set(consumer, messageCount);
    }
    for (const consumer of context.consumers) {
      channel.sendToQueue(topology.queue(consumer), Buffer.from("\u0000not a cloud event{"), {
        persistent: true,
        headers: { "ce-type": "swiftcloud.poison" },
      });
    }
    await channel.waitForConfirms();
    return {
      async stop() {
        const landed = new Set<string>();
        const deadline = Date.now() + 60_000;
        while (landed.size < context.consumers.length && Date.now() < deadline) {
          for (const consumer of context.consumers) {
            const { messageCount } = await channel.checkQueue(topology.deadLetterQueue(consumer));
            if (messageCount > (before.get(consumer) ?? 0)) landed.add(consumer);
          }
          if (landed.size < context.consumers.length) await sleep(250);
        }
        await connection.close();
        const missing = context.consumers.filter((consumer) => !landed.has(consumer));
        if (missing.length > 0) {
          throw new Error(
            `no poison message reached the dead-letter queue of ${missing.join(", ")}`,
          );
        }
        return landed.size;
      },
    };
  },
};

/** Every fault, in the order the suite injects them. */
export const faults: Fault[] = [
  billingKill,
  clusterManagerKill,
  brokerRestart,
  duplicateDelivery,
  databaseDrop,
  poisonMessages,
];

/** Waits until a TCP connection to 127.0.0.1:`port` succeeds (`open`) or is refused. */
async function waitForPort(port: number, open: boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await canConnect(port)) === open) return;
    await sleep(250);
  }
  throw new Error(`port ${port} did not ${open ? "open" : "close"} within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}
