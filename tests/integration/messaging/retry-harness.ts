import { randomUUID } from "node:crypto";
import amqp, { type ChannelModel, type ConfirmChannel, type GetMessage } from "amqplib";
import pino from "pino";
import { encodeEvent } from "../../../lib/events/amqp-binding";
import type { AnyCloudEvent, CloudEvent } from "../../../lib/events/catalog";
import { Broker } from "../../../lib/messaging/broker";
import { registerConsumer, type DeliveryInfo } from "../../../lib/messaging/consumer";
import { topologyFor } from "../../../lib/messaging/topology";
import { testAmqpUrl } from "../../support/broker-namespace";

/**
 * Polls `probe` every 25 ms until it returns something other than
 * undefined, null or false, and returns that. Fails after `timeoutMs`.
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
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One call of the handler under test: which event, which attempt, when. */
export interface Delivery {
  eventId: string;
  attempt: number;
  receivedAt: number;
}

export type TestHandler = (event: AnyCloudEvent, delivery: DeliveryInfo) => Promise<void>;

/**
 * A consumer under test in this process, with a handler each test replaces,
 * plus a connection of the test's own for publishing events and reading queues.
 */
export class ConsumerUnderTest {
  readonly deliveries: Delivery[] = [];
  handler: TestHandler = async () => undefined;
  private stopConsumer: (() => Promise<void>) | undefined;

  private constructor(
    readonly prefix: string,
    readonly consumer: string,
    private readonly broker: Broker,
    private readonly connection: ChannelModel,
    private readonly publisher: ConfirmChannel,
  ) {}

  static async start(options: {
    prefix: string;
    consumer: string;
    retryDelaysMs: readonly number[];
    maxAttempts: number;
  }): Promise<ConsumerUnderTest> {
    const logger = pino({ level: "silent" });
    const broker = new Broker({ url: testAmqpUrl, prefix: options.prefix, logger, name: "test" });
    const connection = await amqp.connect(testAmqpUrl);
    const publisher = await connection.createConfirmChannel();
    const harness = new ConsumerUnderTest(
      options.prefix,
      options.consumer,
      broker,
      connection,
      publisher,
    );
    harness.stopConsumer = registerConsumer(broker, {
      name: options.consumer,
      types: ["swiftcloud.order.submitted"],
      prefetch: 4,
      logger,
      maxAttempts: options.maxAttempts,
      retryDelaysMs: options.retryDelaysMs,
      handle: async (event, _log, delivery) => {
        harness.deliveries.push({
          eventId: event.id,
          attempt: delivery.attempt,
          receivedAt: Date.now(),
        });
        await harness.handler(event, delivery);
      },
    });
    await broker.start();
    return harness;
  }

  /** Publishes a new `order.submitted` event to the exchange and waits for the confirm. */
  async publishEvent(): Promise<CloudEvent<"swiftcloud.order.submitted">> {
    const event = this.buildEvent();
    await this.republish(event);
    return event;
  }

  private buildEvent(): CloudEvent<"swiftcloud.order.submitted"> {
    const orderId = randomUUID();
    return {
      specversion: "1.0",
      id: randomUUID(),
      source: "/swiftcloud/test",
      type: "swiftcloud.order.submitted",
      subject: orderId,
      time: new Date().toISOString(),
      datacontenttype: "application/json",
      data: { userId: randomUUID(), orderId, kind: "DOMAIN" },
    };
  }

  /** Publishes `event` again, as a redelivery from the producer would. */
  async republish(event: CloudEvent): Promise<void> {
    const { headers, contentType, body } = encodeEvent(event);
    this.publisher.publish(topologyFor(this.prefix).eventsExchange, event.type, body, {
      persistent: true,
      contentType,
      headers,
    });
    await this.publisher.waitForConfirms();
  }

  /** Publishes `body` with the headers of a valid event, for malformed-message tests. */
  async publishRaw(body: Buffer): Promise<void> {
    const event = this.buildEvent();
    const { headers, contentType } = encodeEvent(event);
    this.publisher.publish(topologyFor(this.prefix).eventsExchange, event.type, body, {
      persistent: true,
      contentType,
      headers,
    });
    await this.publisher.waitForConfirms();
  }

  /** Deliveries of `eventId` so far, in order. */
  deliveriesOf(eventId: string): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.eventId === eventId);
  }

  /** Takes the next message of the consumer's dead-letter queue, waiting for one. */
  nextDeadLetter(timeoutMs?: number): Promise<GetMessage> {
    const queue = topologyFor(this.prefix).deadLetterQueue(this.consumer);
    return waitFor(
      `a message on ${queue}`,
      () => this.publisher.get(queue, { noAck: true }),
      timeoutMs,
    );
  }

  /** Messages ready in `queue` now. */
  async messageCount(queue: string): Promise<number> {
    return (await this.publisher.checkQueue(queue)).messageCount;
  }

  /** Deletes `queue`, to take a part of the topology away under a running consumer. */
  async deleteQueue(queue: string): Promise<void> {
    await this.publisher.deleteQueue(queue);
  }

  async stop(): Promise<void> {
    await this.stopConsumer?.();
    await this.broker.close();
    await this.connection.close();
  }
}
