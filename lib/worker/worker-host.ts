import type { Logger } from "pino";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { Broker } from "../messaging/broker";
import { registerConsumer, type ConsumerOptions } from "../messaging/consumer";
import { OutboxRelay } from "../outbox/outbox-relay";

/** Services a worker's setup builds its consumers and loops with. */
export interface WorkerContext {
  db: PrismaClient;
  broker: Broker;
  logger: Logger;
  relay: OutboxRelay;
  /** Registers a consumer; it starts on every connection to the broker. */
  consume(options: Omit<ConsumerOptions, "logger">): void;
  /** Registers a function awaited on shutdown, after the consumers stop. */
  onShutdown(stop: () => Promise<void>): void;
}

export type WorkerSetup = (context: WorkerContext) => Promise<void> | void;

export interface WorkerHostOptions {
  service: string;
  databaseUrl: string;
  amqpUrl: string;
  brokerPrefix: string;
  logger: Logger;
}

/**
 * The parts of a worker process without the process: the real worker entry
 * points and the integration tests both run a worker's setup through this.
 */
export class WorkerHost {
  readonly context: WorkerContext;
  private readonly consumerStops: Array<() => Promise<void>> = [];
  private readonly stoppers: Array<() => Promise<void>> = [];

  constructor(private readonly options: WorkerHostOptions) {
    const { logger } = options;
    // enqueueEvent reads the CloudEvents source from here. A test process that
    // hosts several workers publishes under the name of the last one created.
    process.env.SWIFTCLOUD_SERVICE = options.service;
    const db = createPrismaClient(options.databaseUrl);
    const broker = new Broker({
      url: options.amqpUrl,
      prefix: options.brokerPrefix,
      logger,
      name: options.service,
    });
    const relay = new OutboxRelay({ db, broker, logger });
    this.context = {
      db,
      broker,
      logger,
      relay,
      consume: (consumer) => {
        this.consumerStops.push(registerConsumer(broker, { ...consumer, logger }));
      },
      onShutdown: (stop) => {
        this.stoppers.push(stop);
      },
    };
  }

  /** Runs `setup`, then connects to the broker and starts the outbox relay. */
  async start(setup: WorkerSetup): Promise<void> {
    await setup(this.context);
    await this.context.broker.start();
    this.context.relay.start();
  }

  /** Stops consuming, waits for messages in hand, drains the outbox and disconnects. */
  async stop(): Promise<void> {
    const { logger, relay, broker, db } = this.context;
    await Promise.allSettled(this.consumerStops.map((stop) => stop()));
    await Promise.allSettled(this.stoppers.map((stop) => stop()));
    await relay
      .stop()
      .catch((error: unknown) => logger.warn({ err: error }, "worker.outbox_drain_failed"));
    await broker.close();
    await db.$disconnect();
  }
}
