import { describe, expect, it } from "vitest";
import { decodeEvent, encodeEvent, MalformedEventError } from "../../../lib/events/amqp-binding";
import type { CloudEvent } from "../../../lib/events/catalog";

const event: CloudEvent<"swiftcloud.order.submitted"> = {
  specversion: "1.0",
  id: "0b5c3c5e-6f5a-4f57-a2a4-0c8c6f7a7e01",
  source: "/swiftcloud/web",
  type: "swiftcloud.order.submitted",
  subject: "5d0d6a0e-5a0c-4a55-9f2e-2f9f1f6f7a11",
  time: "2026-12-04T10:00:00.000Z",
  datacontenttype: "application/json",
  data: {
    userId: "8f1f8c3a-2a4b-4c4e-9a55-1f2e3d4c5b6a",
    orderId: "5d0d6a0e-5a0c-4a55-9f2e-2f9f1f6f7a11",
    kind: "VIRTUAL_MACHINE",
  },
};

describe("CloudEvents AMQP binding", () => {
  it("carries attributes as ce- headers and data as the body", () => {
    const parts = encodeEvent(event);
    expect(parts.headers["ce-id"]).toBe(event.id);
    expect(parts.headers["ce-type"]).toBe(event.type);
    expect(parts.headers["ce-specversion"]).toBe("1.0");
    expect(parts.contentType).toBe("application/json");
    expect(JSON.parse(parts.body.toString())).toEqual(event.data);
  });

  it("decodes what it encodes", () => {
    const parts = encodeEvent(event);
    expect(decodeEvent(parts.headers, parts.body)).toEqual(event);
  });

  it("decodes header values that arrive as buffers", () => {
    const parts = encodeEvent(event);
    const buffers = Object.fromEntries(
      Object.entries(parts.headers).map(([k, v]) => [k, Buffer.from(v)]),
    );
    expect(decodeEvent(buffers, parts.body).id).toBe(event.id);
  });

  it.each([
    ["missing id", { "ce-id": undefined }, undefined, /missing header ce-id/],
    ["unknown type", { "ce-type": "swiftcloud.order.exploded" }, undefined, /unknown ce-type/],
    ["wrong spec version", { "ce-specversion": "0.3" }, undefined, /specversion/],
    ["bad time", { "ce-time": "yesterday" }, undefined, /ce-time/],
    ["body not JSON", {}, Buffer.from("{not json"), /not valid JSON/],
    [
      "data missing userId",
      {},
      Buffer.from(JSON.stringify({ orderId: event.data.orderId, kind: "VIRTUAL_MACHINE" })),
      /userId/,
    ],
  ])("rejects a message with %s", (_case, headerChanges, body, reason) => {
    const parts = encodeEvent(event);
    const headers: Record<string, unknown> = { ...parts.headers, ...headerChanges };
    expect(() => decodeEvent(headers, body ?? parts.body)).toThrow(MalformedEventError);
    expect(() => decodeEvent(headers, body ?? parts.body)).toThrow(reason);
  });
});
