import { randomUUID } from "node:crypto";
import amqp, {
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type ConsumeMessage,
} from "amqplib";
import type { Logger } from "pino";
import { encodeEvent } from "../events/amqp-binding";
import type { CloudEvent } from "../events/catalog";
import {
  attemptsHeader,
  copyIdHeader,
  deadLetteredAtHeader,
  deadLetterReasonHeader,
  originalRoutingKeyHeader,
  withoutBrokerHeaders,
} from "./retry-policy";
import { declareExchanges, topologyFor, type Topology } from "./topology";

/** Runs on every (re)connection with a fresh channel for consuming. */
export type SetupStep = (channel: Channel, topology: Topology) => Promise<void>;

export interface BrokerOptions {
  url: string;
  prefix: string;
  logger: Logger;
  /** Connection name shown in the RabbitMQ management UI. */
  name: string;
}

/**
 * One AMQP connection per process that reconnects by itself with backoff and,
 * after every reconnect, declares the topology again and restarts the
 * registered consumers: a broker restart keeps everything durable, but
 * a new connection has no channels or consumers.
 */
export class Broker {
  readonly topology: Topology;
  private connection: Awaited<ReturnType<typeof connectRecovering>> | undefined;
  private publishChannel: ConfirmChannel | undefined;
  private consumeChannel: Channel | undefined;
  private readonly setupSteps: SetupStep[] = [];
  private connectedWaiters: Array<() => void> = [];
  /** Ids of copies the broker returned as unroutable, until their confirm arrives. */
  private readonly returnedCopies = new Set<string>();
  private closing = false;

  constructor(private readonly options: BrokerOptions) {
    this.topology = topologyFor(options.prefix);
  }

  get connected(): boolean {
    return this.publishChannel !== undefined;
  }

  /** Registers a step run on every connection; call before `start`. */
  onConnect(step: SetupStep): void {
    this.setupSteps.push(step);
  }

  /** Connects, retrying with backoff until the broker accepts the connection. */
  async start(): Promise<void> {
    const { logger } = this.options;
    this.connection = await connectRecovering(this.options, async (model) => {
      await this.setup(model);
    });
    this.connection.on("disconnect", (error: Error) => {
      this.publishChannel = undefined;
      this.consumeChannel = undefined;
      if (!this.closing) logger.warn({ err: error }, "broker.disconnected");
    });
    this.connection.on("reconnect-scheduled", (info: { attempt: number; delay: number }) => {
      logger.info({ attempt: info.attempt, delayMs: info.delay }, "broker.reconnect_scheduled");
    });
    this.connection.on("error", (error: Error) => {
      logger.warn({ err: error }, "broker.connection_error");
    });
    await this.connection.waitForConnect();
  }

  private async setup(model: ChannelModel): Promise<void> {
    const { logger } = this.options;
    const publish = await model.createConfirmChannel();
    publish.on("error", (error: Error) =>
      logger.warn({ err: error }, "broker.publish_channel_error"),
    );
    // With confirms, RabbitMQ sends basic.return for an unroutable mandatory
    // message before its basic.ack, so the id is here when the confirm comes.
    publish.on("return", (message: { properties: { headers?: Record<string, unknown> } }) => {
      const copyId = message.properties.headers?.[copyIdHeader];
      if (typeof copyId === "string") this.returnedCopies.add(copyId);
    });
    await declareExchanges(publish, this.topology);
    const consume = await model.createChannel();
    consume.on("error", (error: Error) =>
      logger.warn({ err: error }, "broker.consume_channel_error"),
    );
    for (const step of this.setupSteps) await step(consume, this.topology);
    this.publishChannel = publish;
    this.consumeChannel = consume;
    logger.info({ prefix: this.options.prefix }, "broker.connected");
    const waiters = this.connectedWaiters;
    this.connectedWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once a connection is up, or after `timeoutMs`, with whether it is. */
  async waitUntilConnected(timeoutMs: number): Promise<boolean> {
    if (this.connected) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.connected), timeoutMs);
      this.connectedWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /**
   * Publishes a persistent event and resolves once the broker confirms it;
   * rejects when there is no connection or the broker nacks it.
   */
  async publish(event: CloudEvent): Promise<void> {
    const channel = this.publishChannel;
    if (!channel) throw new Error("broker is not connected");
    const { headers, contentType, body } = encodeEvent(event);
    await new Promise<void>((resolve, reject) => {
      channel.publish(
        this.topology.eventsExchange,
        event.type,
        body,
        {
          persistent: true,
          contentType,
          messageId: event.id,
          timestamp: Math.floor(Date.parse(event.time) / 1000),
          headers,
        },
        (error: unknown) =>
          error ? reject(new Error(`broker nacked event ${event.id}`)) : resolve(),
      );
    });
  }

  /**
   * Sends a message that cannot be processed to a consumer's dead-letter
   * queue, with the reason and the attempts made in its headers, and
   * resolves on the broker's confirm.
   */
  async deadLetter(
    consumer: string,
    message: ConsumeMessage,
    reason: string,
    attempts: number,
  ): Promise<void> {
    await this.sendCopy(this.topology.deadLetterQueue(consumer), message, {
      [deadLetterReasonHeader]: reason.slice(0, 1000),
      [attemptsHeader]: attempts,
      [deadLetteredAtHeader]: new Date().toISOString(),
      [originalRoutingKeyHeader]: message.fields.routingKey,
    });
  }

  /**
   * Sends a copy of `message` to `queue` through the default exchange, with
   * `extraHeaders` over its own, and resolves on the broker's confirm.
   * Rejects when there is no connection, when the broker nacks it, or when
   * no queue of that name exists: the default exchange would otherwise drop
   * the copy and still confirm it.
   */
  async sendCopy(
    queue: string,
    message: Pick<ConsumeMessage, "content" | "properties">,
    extraHeaders: Record<string, unknown>,
  ): Promise<void> {
    const channel = this.publishChannel;
    if (!channel) throw new Error("broker is not connected");
    const copyId = randomUUID();
    const headers = {
      ...withoutBrokerHeaders(message.properties.headers),
      ...extraHeaders,
      [copyIdHeader]: copyId,
    };
    // A TTL left over from the original publish would expire the copy early.
    const { expiration: _expiration, ...properties } = message.properties;
    await new Promise<void>((resolve, reject) => {
      channel.sendToQueue(
        queue,
        message.content,
        { ...properties, persistent: true, mandatory: true, headers },
        (error: unknown) => {
          if (this.returnedCopies.delete(copyId)) {
            reject(new Error(`queue ${queue} not found: the broker returned the copy`));
          } else if (error) {
            reject(new Error(`broker nacked a copy to ${queue}`));
          } else {
            resolve();
          }
        },
      );
    });
  }

  /** The channel consumers use; undefined while disconnected. */
  get channel(): Channel | undefined {
    return this.consumeChannel;
  }

  /** Closes the connection; no reconnect follows. */
  async close(): Promise<void> {
    this.closing = true;
    const connection = this.connection;
    this.connection = undefined;
    this.publishChannel = undefined;
    this.consumeChannel = undefined;
    if (connection) {
      await connection.close().catch(() => undefined);
    }
  }
}

function connectRecovering(options: BrokerOptions, setup: (model: ChannelModel) => Promise<void>) {
  return amqp.connect(options.url, {
    clientProperties: { connection_name: options.name },
    recovery: {
      initialDelay: 250,
      maxDelay: 10_000,
      setup,
      waitForConnect: false,
    },
  });
}
