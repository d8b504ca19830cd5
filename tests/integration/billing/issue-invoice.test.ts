import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import type { WorkerHost } from "../../../lib/worker/worker-host";
import { billingConsumerNames } from "../../../workers/billing/setup";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { vmSpec } from "./fixtures";
import {
  BrokerTap,
  createOrder,
  createUser,
  LogCapture,
  orderSubmittedEvent,
  outboxRows,
  startBillingWorker,
  waitFor,
} from "./helpers";

const databaseUrl = inject("databaseUrl");
const prefix = uniqueBrokerPrefix();
const logs = new LogCapture();
let db: PrismaClient;
let worker: WorkerHost;
let tap: BrokerTap;

beforeAll(async () => {
  db = createPrismaClient(databaseUrl);
  worker = await startBillingWorker(databaseUrl, prefix, logs);
  tap = await BrokerTap.open(prefix);
});

afterAll(async () => {
  await worker?.stop();
  await tap?.close();
  await db?.$disconnect();
  await deleteBrokerNamespace(prefix, billingConsumerNames);
});

describe("billing.orders", () => {
  it("issues an invoice with tax and line items", async () => {
    const user = await createUser(db, "DE");
    const order = await createOrder(db, user.id, vmSpec({ name: "invoice-me" }));

    await tap.publishEvent(orderSubmittedEvent(order));
    const issued = await tap.waitForEvent(
      "swiftcloud.invoice.issued",
      (data) => data.orderId === order.id,
    );

    const invoice = await db.invoice.findUniqueOrThrow({
      where: { orderId: order.id },
      include: { lineItems: { orderBy: { position: "asc" } } },
    });
    expect(invoice.status).toBe("OPEN");
    expect(invoice.userId).toBe(user.id);
    expect(invoice.currency).toBe("USD");
    expect(invoice.subtotalMinor).toBe(2400);
    expect(invoice.taxName).toBe("VAT");
    expect(invoice.taxBasisPoints).toBe(1900);
    expect(invoice.taxMinor).toBe(456);
    expect(invoice.totalMinor).toBe(2856);
    expect(invoice.lineItems).toHaveLength(1);
    expect(invoice.lineItems[0]).toMatchObject({
      position: 1,
      quantity: 1,
      unitPriceMinor: 2400,
      amountMinor: 2400,
    });
    expect(invoice.lineItems[0]?.description).toContain("invoice-me");

    const hour = 60 * 60 * 1000;
    expect(invoice.dueAt.getTime() - invoice.issuedAt.getTime()).toBe(72 * hour);
    expect(invoice.expiresAt.getTime() - invoice.issuedAt.getTime()).toBe(72 * hour);

    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.status).toBe("INVOICED");

    expect(issued.subject).toBe(invoice.id);
    expect(issued.data).toEqual({
      userId: user.id,
      orderId: order.id,
      invoiceId: invoice.id,
      number: `INV-${String(invoice.sequence).padStart(6, "0")}`,
      totalMinor: 2856,
      currency: "USD",
      dueAt: invoice.dueAt.toISOString(),
    });
    await logs.waitFor("billing.invoice_issued", { orderId: order.id, invoiceId: invoice.id });
  });

  it("charges no tax in a country without a rate", async () => {
    const user = await createUser(db, "JP");
    const order = await createOrder(db, user.id, vmSpec());

    await tap.publishEvent(orderSubmittedEvent(order));
    await tap.waitForEvent("swiftcloud.invoice.issued", (data) => data.orderId === order.id);

    const invoice = await db.invoice.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(invoice.taxName).toBe("Tax");
    expect(invoice.taxMinor).toBe(0);
    expect(invoice.totalMinor).toBe(2400);
  });

  it("applies an event delivered twice once", async () => {
    const user = await createUser(db);
    const order = await createOrder(db, user.id, vmSpec());
    const event = orderSubmittedEvent(order);

    await tap.publishEvent(event);
    await tap.publishEvent(event);
    await logs.waitFor("billing.duplicate_event_skipped", { eventId: event.id });
    await tap.waitForEvent("swiftcloud.invoice.issued", (data) => data.orderId === order.id);

    const invoices = await db.invoice.findMany({ where: { orderId: order.id } });
    expect(invoices).toHaveLength(1);
    const invoiceId = invoices[0]?.id ?? "";
    expect(await outboxRows(db, "swiftcloud.invoice.issued", invoiceId)).toHaveLength(1);
    expect(
      tap.eventsOf("swiftcloud.invoice.issued", (data) => data.orderId === order.id),
    ).toHaveLength(1);
  });

  it("gives an order one invoice for two distinct events", async () => {
    const user = await createUser(db);
    const order = await createOrder(db, user.id, vmSpec());
    const first = orderSubmittedEvent(order);
    const second = orderSubmittedEvent(order);

    await Promise.all([tap.publishEvent(first), tap.publishEvent(second)]);
    await logs.waitFor("billing.order_skipped", { orderId: order.id });

    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
    const processed = await db.processedEvent.count({
      where: { consumer: "billing.orders", eventId: { in: [first.id, second.id] } },
    });
    expect(processed).toBe(2);
  });

  it("cancels an order whose plan left the catalog", async () => {
    const user = await createUser(db);
    const order = await createOrder(db, user.id, vmSpec({ planId: "vm-retired" }));

    await tap.publishEvent(orderSubmittedEvent(order));
    const cancelled = await tap.waitForEvent(
      "swiftcloud.order.cancelled",
      (data) => data.orderId === order.id,
    );

    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.status).toBe("CANCELLED");
    expect(stored.cancelReason).toContain("vm-retired");
    expect(cancelled.data.reason).toBe(stored.cancelReason);
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("dead-letters an event for an order that does not exist", async () => {
    const user = await createUser(db);
    const event = orderSubmittedEvent({
      id: "00000000-0000-4000-8000-000000000000",
      userId: user.id,
    });

    await tap.publishEvent(event);
    await logs.waitFor("consumer.permanent_failure", { eventId: event.id });

    const processed = await db.processedEvent.count({ where: { eventId: event.id } });
    expect(processed).toBe(0);
  });

  it("publishes the outbox row it committed", async () => {
    const user = await createUser(db);
    const order = await createOrder(db, user.id, vmSpec());

    await tap.publishEvent(orderSubmittedEvent(order));
    const issued = await tap.waitForEvent(
      "swiftcloud.invoice.issued",
      (data) => data.orderId === order.id,
    );
    const row = await waitFor("outbox row published", async () => {
      const rows = await outboxRows(db, "swiftcloud.invoice.issued", issued.data.invoiceId);
      return rows[0]?.publishedAt ? rows[0] : undefined;
    });
    expect(row.id).toBe(issued.id);
  });
});
