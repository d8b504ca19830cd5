import {
  eventSchemas,
  isEventType,
  type AnyCloudEvent,
  type CloudEvent,
  type EventType,
} from "./catalog";

/**
 * Encodes and decodes CloudEvents in binary content mode, the way Knative
 * Eventing's RabbitMQ broker carries them: each attribute is a `ce-` message
 * header and `data` is the JSON message body.
 */
export interface AmqpMessageParts {
  headers: Record<string, string>;
  contentType: string;
  body: Buffer;
}

/** Raised when a message is not a valid event of the catalog; its message gives the reason. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedEventError";
  }
}

export function encodeEvent(event: CloudEvent): AmqpMessageParts {
  return {
    headers: {
      "ce-specversion": event.specversion,
      "ce-id": event.id,
      "ce-source": event.source,
      "ce-type": event.type,
      "ce-subject": event.subject,
      "ce-time": event.time,
    },
    contentType: event.datacontenttype,
    body: Buffer.from(JSON.stringify(event.data)),
  };
}

function header(headers: Record<string, unknown>, name: string): string {
  const value = headers[name];
  if (typeof value === "string" && value !== "") return value;
  if (Buffer.isBuffer(value) && value.length > 0) return value.toString("utf8");
  throw new MalformedEventError(`missing header ${name}`);
}

/** Decodes and validates a message; throws MalformedEventError on any problem. */
export function decodeEvent(
  headers: Record<string, unknown> | undefined,
  body: Buffer,
): AnyCloudEvent {
  const source = headers ?? {};
  const specversion = header(source, "ce-specversion");
  if (specversion !== "1.0") {
    throw new MalformedEventError(`unsupported ce-specversion ${specversion}, expected 1.0`);
  }
  const type = header(source, "ce-type");
  if (!isEventType(type)) throw new MalformedEventError(`unknown ce-type ${type}`);
  const time = header(source, "ce-time");
  if (Number.isNaN(Date.parse(time))) throw new MalformedEventError(`invalid ce-time ${time}`);

  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new MalformedEventError("body is not valid JSON");
  }
  const parsed = eventSchemas[type].safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join(".") || "data";
    throw new MalformedEventError(
      `invalid data for ${type}: ${where}: ${first?.message ?? "invalid"}`,
    );
  }
  return {
    specversion: "1.0",
    id: header(source, "ce-id"),
    source: header(source, "ce-source"),
    type: type as EventType,
    subject: header(source, "ce-subject"),
    time,
    datacontenttype: "application/json",
    data: parsed.data,
  } as AnyCloudEvent;
}
