import { randomBytes, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import amqp, { type ChannelModel, type ConfirmChannel } from "amqplib";
import pino, { type Logger } from "pino";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import type { Order } from "../../../lib/db/generated/client";
import { decodeEvent, encodeEvent } from "../../../lib/events/amqp-binding";
import type { AnyCloudEvent, CloudEvent, EventType } from "../../../lib/events/catalog";
import { topologyFor } from "../../../lib/messaging/topology";
import { orderName, type OrderSpec } from "../../../lib/orders/order-schema";
import { WorkerHost } from "../../../lib/worker/worker-host";
import { paymentsConsumer, setupClusterManager } from "../../../workers/cluster-manager/setup";
import {
  deleteBrokerNamespace,
  testAmqpUrl,
  uniqueBrokerPrefix,
} from "../../support/broker-namespace";

/**
 * Test harness of the cluster manager: real PostgreSQL and RabbitMQ, the
 * worker in this process, and probes that wait on conditions with a bounded
 * timeout instead of sleeping.
 */

/** Polls `probe` every 20 ms until it returns a value other than undefined or false. */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One JSON log line of the worker. */
export type LogLine = { msg: string; level: number } & Record<string, unknown>;

/** Collects the worker's log lines so a test can wait for one. */
export class LogCollector {
  readonly lines: LogLine[] = [];
  private readonly emitter = new EventEmitter();
  private readonly echo = process.env.TEST_LOG_LEVEL !== undefined;

  /** Stores one log line from pino; set TEST_LOG_LEVEL to also print the lines. */
  write(chunk: string): void {
    const line = JSON.parse(chunk) as LogLine;
    this.lines.push(line);
    this.emitter.emit("line", line);
    if (this.echo) process.stdout.write(chunk);
  }

  logger(): Logger {
    return pino(
      { level: process.env.TEST_LOG_LEVEL ?? "info", base: { service: "cluster-manager" } },
      this,
    );
  }

  /** Resolves with the first line, past or future, that matches. */
  waitForLine(
    description: string,
    match: (line: LogLine) => boolean,
    timeoutMs = 20_000,
  ): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.emitter.off("line", listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for log line: ${description}`));
      }, timeoutMs);
      const listener = (line: LogLine) => {
        if (!match(line)) return;
        clearTimeout(timer);
        this.emitter.off("line", listener);
        resolve(line);
      };
      this.emitter.on("line", listener);
    });
  }
}

/**
 * Receives every `swiftcloud.resource.*` event of a broker namespace through
 * its own exclusive queue, the way the web process would.
 */
export class EventCollector {
  readonly events: AnyCloudEvent[] = [];
  private readonly emitter = new EventEmitter();

  private constructor(private readonly connection: ChannelModel) {}

  static async start(prefix: string): Promise<EventCollector> {
    const connection = await amqp.connect(testAmqpUrl);
    const collector = new EventCollector(connection);
    const channel = await connection.createChannel();
    const topology = topologyFor(prefix);
    // Same arguments as the worker's declaration, so whichever runs first wins.
    await channel.assertExchange(topology.eventsExchange, "topic", { durable: true });
    const { queue } = await channel.assertQueue("", { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, topology.eventsExchange, "swiftcloud.resource.#");
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        const event = decodeEvent(message.properties.headers, message.content);
        collector.events.push(event);
        collector.emitter.emit("event", event);
      },
      { noAck: true },
    );
    return collector;
  }

  /** Events about one resource, in arrival order. */
  forResource(resourceId: string): AnyCloudEvent[] {
    return this.events.filter((event) => event.subject === resourceId);
  }

  /** Resolves once an event of `type` about `resourceId` has arrived. */
  waitForEvent<T extends EventType>(
    type: T,
    resourceId: string,
    timeoutMs = 20_000,
  ): Promise<CloudEvent<T>> {
    const matches = (event: AnyCloudEvent): event is AnyCloudEvent & CloudEvent<T> =>
      event.type === type && event.subject === resourceId;
    const seen = this.events.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.emitter.off("event", listener);
        const got = this.forResource(resourceId).map((event) => event.type);
        reject(
          new Error(
            `timed out waiting for ${type} of ${resourceId}; got ${got.join(", ") || "nothing"}`,
          ),
        );
      }, timeoutMs);
      const listener = (event: AnyCloudEvent) => {
        if (!matches(event)) return;
        clearTimeout(timer);
        this.emitter.off("event", listener);
        resolve(event);
      };
      this.emitter.on("event", listener);
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Publishes events straight to a namespace's exchange, as billing would. */
export class TestPublisher {
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
    private readonly exchange: string,
  ) {}

  static async start(prefix: string): Promise<TestPublisher> {
    const connection = await amqp.connect(testAmqpUrl);
    const channel = await connection.createConfirmChannel();
    const exchange = topologyFor(prefix).eventsExchange;
    await channel.assertExchange(exchange, "topic", { durable: true });
    return new TestPublisher(connection, channel, exchange);
  }

  /** Publishes a valid event and waits for the broker's confirm. */
  async publishEvent(event: CloudEvent): Promise<void> {
    const { headers, contentType, body } = encodeEvent(event);
    await this.publishRaw(event.type, body, { headers, contentType, messageId: event.id });
  }

  /** Publishes any bytes with any headers, for messages the worker must reject. */
  async publishRaw(
    routingKey: string,
    body: Buffer,
    options: { headers: Record<string, string>; contentType?: string; messageId?: string },
  ): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.channel.publish(
        this.exchange,
        routingKey,
        body,
        { persistent: true, ...options },
        (error: unknown) =>
          error ? reject(new Error("broker nacked the test message")) : resolve(),
      );
    });
  }

  /** Takes one message from `queue`, or returns false when it is empty. */
  get(queue: string) {
    return this.channel.get(queue, { noAck: true });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Creates a user with an order for `spec` in `status` and an invoice, PAID unless the order is not. */
export async function createPaidOrder(
  db: PrismaClient,
  spec: OrderSpec,
  status: Order["status"] = "PAID",
): Promise<Order & { invoiceId: string }> {
  const user = await db.user.create({
    data: {
      email: `cluster-${randomBytes(6).toString("hex")}@test.swiftcloud.example`,
      name: "Cluster Test",
      passwordHash: "not-a-real-hash",
      country: "DE",
    },
  });
  const order = await db.order.create({
    data: {
      userId: user.id,
      kind: spec.kind,
      name: orderName(spec),
      spec,
      quotedMonthlyMinor: 600,
      currency: "EUR",
      status,
      idempotencyKey: randomUUID(),
    },
  });
  const now = new Date();
  const invoice = await db.invoice.create({
    data: {
      orderId: order.id,
      userId: user.id,
      status: status === "PAID" ? "PAID" : "VOID",
      currency: "EUR",
      subtotalMinor: 600,
      taxMinor: 114,
      totalMinor: 714,
      taxName: "VAT",
      taxBasisPoints: 1900,
      dueAt: new Date(now.getTime() + 14 * 86_400_000),
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
      paidAt: status === "PAID" ? now : null,
    },
  });
  return { ...order, invoiceId: invoice.id };
}

/** Builds the `payment.succeeded` event that billing would publish for `order`. */
export function paymentSucceeded(
  order: Order & { invoiceId: string },
  id: string = randomUUID(),
): CloudEvent<"swiftcloud.payment.succeeded"> {
  const paymentId = randomUUID();
  return {
    specversion: "1.0",
    id,
    source: "/swiftcloud/billing",
    type: "swiftcloud.payment.succeeded",
    subject: paymentId,
    time: new Date().toISOString(),
    datacontenttype: "application/json",
    data: {
      userId: order.userId,
      orderId: order.id,
      invoiceId: order.invoiceId,
      paymentId,
      amountMinor: 714,
      currency: "EUR",
    },
  };
}

/** Returns a resource name no other test uses, like `vm-3fa9c1`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/**
 * One test file's world: a broker namespace, a database client, an event
 * collector, a publisher and the cluster manager hosts it started.
 */
export class ClusterManagerHarness {
  readonly prefix = uniqueBrokerPrefix();
  readonly logs = new LogCollector();
  readonly db: PrismaClient;
  events!: EventCollector;
  publisher!: TestPublisher;
  private readonly hosts = new Set<WorkerHost>();

  constructor(private readonly databaseUrl: string) {
    this.db = createPrismaClient(databaseUrl);
  }

  /** Connects the collector and publisher; call before starting a host. */
  async open(): Promise<void> {
    this.events = await EventCollector.start(this.prefix);
    this.publisher = await TestPublisher.start(this.prefix);
  }

  /** Starts a cluster manager in this process; `setupClusterManager` reads process.env. */
  async startHost(): Promise<WorkerHost> {
    // runWorker sets this in a real worker; enqueueEvent reads it for the events' source.
    process.env.SWIFTCLOUD_SERVICE = "cluster-manager";
    const host = new WorkerHost({
      service: "cluster-manager",
      databaseUrl: this.databaseUrl,
      amqpUrl: testAmqpUrl,
      brokerPrefix: this.prefix,
      logger: this.logs.logger(),
    });
    await host.start(setupClusterManager);
    this.hosts.add(host);
    return host;
  }

  async stopHost(host: WorkerHost): Promise<void> {
    this.hosts.delete(host);
    await host.stop();
  }

  /** Stops every host this harness started. */
  async stopAllHosts(): Promise<void> {
    await Promise.all([...this.hosts].map((host) => this.stopHost(host)));
  }

  /** Returns the name of the cluster manager's dead-letter queue. */
  deadLetterQueue(): string {
    return topologyFor(this.prefix).deadLetterQueue(paymentsConsumer);
  }

  async close(): Promise<void> {
    await this.stopAllHosts();
    await this.events?.close();
    await this.publisher?.close();
    await deleteBrokerNamespace(this.prefix, [paymentsConsumer]);
    await this.db.$disconnect();
  }
}
