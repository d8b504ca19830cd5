import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import amqp, {
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type GetMessage,
} from "amqplib";
import pino, { type Logger } from "pino";
import type { PrismaClient } from "../../../lib/db/client";
import { decodeEvent, encodeEvent } from "../../../lib/events/amqp-binding";
import type { AnyCloudEvent, CloudEvent, EventData } from "../../../lib/events/catalog";
import { topologyFor } from "../../../lib/messaging/topology";
import type { VirtualMachineSpec } from "./fixtures";
import { WorkerHost } from "../../../lib/worker/worker-host";
import { createBillingSetup, type BillingSetupOptions } from "../../../workers/billing/setup";
import { testAmqpUrl } from "../../support/broker-namespace";

/**
 * Polls `probe` until it returns something other than undefined, null or
 * false, and returns that. Fails after `timeoutMs` with `description` in the message.
 */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Log lines of a worker under test, parsed, for waiting on a log event. */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];
  readonly logger: Logger;

  constructor() {
    const stream = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString("utf8").split("\n")) {
          if (line.trim() !== "") this.lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    this.logger = pino({ level: "debug", base: { service: "billing-test" } }, stream);
  }

  /** Waits for a line whose `msg` is `message` and whose fields include `fields`. */
  waitFor(message: string, fields: Record<string, unknown>, timeoutMs?: number) {
    return waitFor(
      `log ${message} ${JSON.stringify(fields)}`,
      () =>
        this.lines.find(
          (line) =>
            line.msg === message &&
            Object.entries(fields).every(([key, value]) => line[key] === value),
        ),
      timeoutMs,
    );
  }

  /** Lines that mention `text` anywhere, to check that it never reached a log. */
  linesMentioning(text: string): Record<string, unknown>[] {
    return this.lines.filter((line) => JSON.stringify(line).includes(text));
  }
}

/** Starts a billing worker in this process, against the test database and prefix. */
export async function startBillingWorker(
  databaseUrl: string,
  prefix: string,
  logs: LogCapture,
  options: BillingSetupOptions = {},
): Promise<WorkerHost> {
  const host = new WorkerHost({
    service: "billing",
    databaseUrl,
    amqpUrl: testAmqpUrl,
    brokerPrefix: prefix,
    logger: logs.logger,
  });
  await host.start(createBillingSetup({ invoiceExpiryHours: 72, ...options }));
  return host;
}

/**
 * A test's own connection to the broker: publishes events as the web
 * process would, and records every event on the exchange through an
 * exclusive queue bound to all routing keys.
 */
export class BrokerTap {
  readonly events: AnyCloudEvent[] = [];
  private constructor(
    private readonly connection: ChannelModel,
    private readonly publisher: ConfirmChannel,
    private readonly reader: Channel,
    readonly prefix: string,
  ) {}

  static async open(prefix: string): Promise<BrokerTap> {
    const connection = await amqp.connect(testAmqpUrl);
    const publisher = await connection.createConfirmChannel();
    const reader = await connection.createChannel();
    const topology = topologyFor(prefix);
    await publisher.assertExchange(topology.eventsExchange, "topic", { durable: true });
    const tap = new BrokerTap(connection, publisher, reader, prefix);
    const { queue } = await reader.assertQueue("", { exclusive: true, autoDelete: true });
    await reader.bindQueue(queue, topology.eventsExchange, "#");
    await reader.consume(
      queue,
      (message) => {
        if (!message) return;
        try {
          tap.events.push(decodeEvent(message.properties.headers, message.content));
        } catch {
          // Malformed messages that tests publish on purpose are not events to record.
        }
      },
      { noAck: true },
    );
    return tap;
  }

  /** Publishes an event the way the outbox relay does, and waits for the confirm. */
  async publishEvent(event: CloudEvent): Promise<void> {
    const { headers, contentType, body } = encodeEvent(event);
    await this.publishRaw(event.type, headers, body, contentType);
  }

  /** Publishes any bytes with any headers, for malformed-message tests. */
  async publishRaw(
    routingKey: string,
    headers: Record<string, string>,
    body: Buffer,
    contentType = "application/json",
  ): Promise<void> {
    const exchange = topologyFor(this.prefix).eventsExchange;
    this.publisher.publish(exchange, routingKey, body, { persistent: true, contentType, headers });
    await this.publisher.waitForConfirms();
  }

  /** Waits for an event of `type` that `match` accepts. */
  waitForEvent<T extends AnyCloudEvent["type"]>(
    type: T,
    match: (data: EventData<T>) => boolean,
    timeoutMs?: number,
  ): Promise<CloudEvent<T>> {
    return waitFor(
      `event ${type}`,
      () =>
        this.events.find(
          (event): event is CloudEvent<T> & AnyCloudEvent =>
            event.type === type && match(event.data as EventData<T>),
        ) as CloudEvent<T> | undefined,
      timeoutMs,
    );
  }

  /** Events of `type` seen so far that `match` accepts. */
  eventsOf<T extends AnyCloudEvent["type"]>(
    type: T,
    match: (data: EventData<T>) => boolean,
  ): CloudEvent<T>[] {
    return this.events.filter(
      (event) => event.type === type && match(event.data as EventData<T>),
    ) as CloudEvent<T>[];
  }

  /** Takes the next message from a queue, waiting up to `timeoutMs` for one. */
  nextMessage(queue: string, timeoutMs?: number): Promise<GetMessage> {
    return waitFor(
      `a message on ${queue}`,
      () => this.reader.get(queue, { noAck: true }),
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Builds an `order.submitted` event for `order`, as the web process would publish it. */
export function orderSubmittedEvent(order: {
  id: string;
  userId: string;
}): CloudEvent<"swiftcloud.order.submitted"> {
  return {
    specversion: "1.0",
    id: randomUUID(),
    source: "/swiftcloud/web",
    type: "swiftcloud.order.submitted",
    subject: order.id,
    time: new Date().toISOString(),
    datacontenttype: "application/json",
    data: { userId: order.userId, orderId: order.id, kind: "VIRTUAL_MACHINE" },
  };
}

/** Creates a customer billed in `country`. */
export async function createUser(db: PrismaClient, country = "DE") {
  const id = randomUUID();
  return db.user.create({
    data: {
      id,
      email: `billing-${id}@example.test`,
      name: "Billing Test",
      passwordHash: "not-a-real-hash",
      country,
    },
  });
}

/** Creates a SUBMITTED virtual machine order, as the web process stores it. */
export async function createOrder(db: PrismaClient, userId: string, spec: VirtualMachineSpec) {
  return db.order.create({
    data: {
      userId,
      kind: "VIRTUAL_MACHINE",
      name: spec.name,
      spec,
      quotedMonthlyMinor: 2400,
      currency: "USD",
      idempotencyKey: randomUUID(),
    },
  });
}

/**
 * Creates a customer and an order, has the running worker invoice it through
 * the broker, and returns the three rows.
 */
export async function invoicedOrder(db: PrismaClient, tap: BrokerTap, spec: VirtualMachineSpec) {
  const user = await createUser(db);
  const order = await createOrder(db, user.id, spec);
  await tap.publishEvent(orderSubmittedEvent(order));
  const issued = await tap.waitForEvent(
    "swiftcloud.invoice.issued",
    (data) => data.orderId === order.id,
  );
  const invoice = await db.invoice.findUniqueOrThrow({ where: { id: issued.data.invoiceId } });
  return { user, order, invoice };
}

/** Returns the card form fields of a sandbox test card, with a valid expiry and CVC. */
export function cardForm(cardNumber: string) {
  return { cardNumber, expiry: "12/40", cvc: "123", cardholderName: "Ada Lovelace" };
}

/** Outbox rows of `type` about `subject`; one per state change announced. */
export function outboxRows(db: PrismaClient, type: string, subject: string) {
  return db.outboxEvent.findMany({ where: { type, subject } });
}

/**
 * Writes an INVOICED order and its OPEN invoice straight to the database,
 * for tests of the payment operations that need no worker.
 */
export async function createInvoiceRow(
  db: PrismaClient,
  userId: string,
  spec: VirtualMachineSpec,
  expiresAt = new Date(Date.now() + 72 * 60 * 60 * 1000),
) {
  const order = await createOrder(db, userId, spec);
  await db.order.update({ where: { id: order.id }, data: { status: "INVOICED" } });
  return db.invoice.create({
    data: {
      orderId: order.id,
      userId,
      currency: "USD",
      subtotalMinor: 2400,
      taxMinor: 456,
      totalMinor: 2856,
      taxName: "VAT",
      taxBasisPoints: 1900,
      dueAt: expiresAt,
      expiresAt,
      lineItems: {
        create: [
          {
            position: 1,
            description: "test",
            quantity: 1,
            unitPriceMinor: 2400,
            amountMinor: 2400,
          },
        ],
      },
    },
  });
}

/** Runs `operation` and returns the error it throws, failing the test when it does not throw. */
export async function rejectionOf(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    await operation();
  } catch (error: unknown) {
    return error;
  }
  throw new Error("expected the operation to throw, but it returned");
}
