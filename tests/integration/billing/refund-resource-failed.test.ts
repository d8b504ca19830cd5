import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import type { CloudEvent } from "../../../lib/events/catalog";
import { topologyFor } from "../../../lib/messaging/topology";
import { wakeOutboxRelay } from "../../../lib/outbox/outbox-relay";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { startPayment } from "../../../lib/payments/start-payment";
import type { WorkerHost } from "../../../lib/worker/worker-host";
import { billingConsumerNames } from "../../../workers/billing/setup";
import { resourcesConsumerName } from "../../../workers/billing/handlers/resource-failed";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { testAppUrl, vmSpec } from "./fixtures";
import {
  BrokerTap,
  cardForm,
  createInvoiceRow,
  createUser,
  invoicedOrder,
  LogCapture,
  outboxRows,
  startBillingWorker,
} from "./helpers";

const databaseUrl = inject("databaseUrl");
const prefix = uniqueBrokerPrefix();
const logs = new LogCapture();
let db: PrismaClient;
let tap: BrokerTap;
let worker: WorkerHost;

beforeAll(async () => {
  db = createPrismaClient(databaseUrl);
  tap = await BrokerTap.open(prefix);
  worker = await startBillingWorker(databaseUrl, prefix, logs);
});

afterAll(async () => {
  await worker?.stop();
  await tap?.close();
  await db?.$disconnect();
  await deleteBrokerNamespace(prefix, billingConsumerNames);
});

/** Builds the `resource.failed` event the cluster manager publishes for `order`. */
function resourceFailedEvent(order: {
  id: string;
  userId: string;
}): CloudEvent<"swiftcloud.resource.failed"> {
  const resourceId = randomUUID();
  return {
    specversion: "1.0",
    id: randomUUID(),
    source: "/swiftcloud/cluster-manager",
    type: "swiftcloud.resource.failed",
    subject: resourceId,
    time: new Date().toISOString(),
    datacontenttype: "application/json",
    data: { userId: order.userId, orderId: order.id, resourceId, reason: "Driver gave up" },
  };
}

/** Has the running worker invoice an order and settle a success-card payment for it. */
async function paidOrder() {
  const { user, order, invoice } = await invoicedOrder(db, tap, vmSpec());
  const { payment } = await startPayment(db, {
    userId: user.id,
    invoiceId: invoice.id,
    appUrl: testAppUrl,
  });
  await confirmSandboxCheckout(db, {
    userId: user.id,
    providerRef: payment.providerRef,
    ...cardForm("4242 4242 4242 4242"),
  });
  wakeOutboxRelay();
  await tap.waitForEvent("swiftcloud.payment.succeeded", (data) => data.paymentId === payment.id);
  return { user, order, invoice, payment };
}

describe("billing.resources consumer", () => {
  it("refunds once when resource.failed arrives twice", async () => {
    const { order, invoice, payment } = await paidOrder();
    const event = resourceFailedEvent(order);

    await tap.publishEvent(event);
    await tap.publishEvent(event);

    const refunded = await tap.waitForEvent(
      "swiftcloud.payment.refunded",
      (data) => data.paymentId === payment.id,
    );
    await logs.waitFor("billing.duplicate_event_skipped", { eventId: event.id });

    expect(refunded.data).toMatchObject({
      userId: order.userId,
      orderId: order.id,
      invoiceId: invoice.id,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      reason: "RESOURCE_FAILED",
    });
    const refunds = await db.refund.findMany({ where: { paymentId: payment.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.id).toBe(refunded.data.refundId);
    expect(refunds[0]?.status).toBe("SUCCEEDED");
    expect(refunds[0]?.completedAt).not.toBeNull();
    expect(refunds[0]?.providerRefundRef).toMatch(/^sbr_/);
    expect(await outboxRows(db, "swiftcloud.payment.refunded", payment.id)).toHaveLength(1);
    expect(await db.sandboxRefund.count({ where: { checkoutId: payment.providerRef } })).toBe(1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
      "SUCCEEDED",
    );
  });

  it("refunds once for two resource.failed events of one order", async () => {
    const { order, payment } = await paidOrder();
    const first = resourceFailedEvent(order);
    const second = resourceFailedEvent(order);

    await tap.publishEvent(first);
    await tap.waitForEvent("swiftcloud.payment.refunded", (data) => data.paymentId === payment.id);
    await tap.publishEvent(second);
    await logs.waitFor("billing.refund_exists", { eventId: second.id });

    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await outboxRows(db, "swiftcloud.payment.refunded", payment.id)).toHaveLength(1);
    expect(
      tap.eventsOf("swiftcloud.payment.refunded", (data) => data.paymentId === payment.id),
    ).toHaveLength(1);
  });

  it("records no refund for an order without a payment", async () => {
    const user = await createUser(db);
    const invoice = await createInvoiceRow(db, user.id, vmSpec());
    const event = resourceFailedEvent({ id: invoice.orderId, userId: user.id });

    await tap.publishEvent(event);
    await logs.waitFor("billing.refund_not_needed", { eventId: event.id });

    expect(await db.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("dead-letters an event naming another owner", async () => {
    const { order, payment } = await paidOrder();
    const stranger = await createUser(db);
    const event = resourceFailedEvent({ id: order.id, userId: stranger.id });

    await tap.publishEvent(event);
    const dead = await tap.nextMessage(topologyFor(prefix).deadLetterQueue(resourcesConsumerName));

    expect(dead.properties.headers?.["ce-id"]).toBe(event.id);
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(0);
  });
});
