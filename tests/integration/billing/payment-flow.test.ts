import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { wakeOutboxRelay } from "../../../lib/outbox/outbox-relay";
import { cancelSandboxCheckout } from "../../../lib/payments/sandbox/cancel-checkout";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { startPayment } from "../../../lib/payments/start-payment";
import type { WorkerHost } from "../../../lib/worker/worker-host";
import { billingConsumerNames } from "../../../workers/billing/setup";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { testAppUrl, vmSpec } from "./fixtures";
import {
  BrokerTap,
  cardForm,
  invoicedOrder,
  LogCapture,
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

/** Starts a payment of `invoiceId` and submits `cardNumber` on its sandbox checkout. */
async function pay(userId: string, invoiceId: string, cardNumber: string) {
  const { payment, created } = await startPayment(db, { userId, invoiceId, appUrl: testAppUrl });
  expect(created).toBe(true);
  const result = await confirmSandboxCheckout(db, {
    userId,
    providerRef: payment.providerRef,
    ...cardForm(cardNumber),
  });
  wakeOutboxRelay();
  return { payment, result };
}

describe("sandbox payments", () => {
  it("pays the invoice with the success card", async () => {
    const { user, order, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment, result } = await pay(user.id, invoice.id, "4242 4242 4242 4242");
    expect(result).toEqual({ invoiceId: invoice.id, redirectUrl: `/invoices/${invoice.id}` });
    expect(payment.checkoutUrl).toBe(`${testAppUrl}/sandbox/checkout/${payment.providerRef}`);
    expect(payment.amountMinor).toBe(invoice.totalMinor);

    const succeeded = await tap.waitForEvent(
      "swiftcloud.payment.succeeded",
      (data) => data.paymentId === payment.id,
    );
    expect(succeeded.data).toEqual({
      userId: user.id,
      orderId: order.id,
      invoiceId: invoice.id,
      paymentId: payment.id,
      amountMinor: invoice.totalMinor,
      currency: "USD",
    });
    const initiated = tap.eventsOf(
      "swiftcloud.payment.initiated",
      (d) => d.paymentId === payment.id,
    );
    expect(initiated).toHaveLength(1);

    const storedPayment = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(storedPayment.status).toBe("SUCCEEDED");
    expect(storedPayment.settledAt).not.toBeNull();
    expect(storedPayment.checkLeaseUntil).toBeNull();
    expect(storedPayment.nextCheckAt).toBeNull();
    const storedInvoice = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(storedInvoice.status).toBe("PAID");
    expect(storedInvoice.paidAt).not.toBeNull();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");

    const checkout = await db.sandboxCheckout.findUniqueOrThrow({
      where: { id: payment.providerRef },
    });
    expect(checkout.cardLast4).toBe("4242");
    expect(logs.linesMentioning("4242424242424242")).toEqual([]);
    expect(logs.linesMentioning("4242 4242 4242 4242")).toEqual([]);
    await logs.waitFor("billing.payment_succeeded", { paymentId: payment.id });
  });

  it("fails a declined card and pays on retry", async () => {
    const { user, order, invoice } = await invoicedOrder(db, tap, vmSpec());
    const declined = await pay(user.id, invoice.id, "4000 0000 0000 0002");

    const failed = await tap.waitForEvent(
      "swiftcloud.payment.failed",
      (data) => data.paymentId === declined.payment.id,
    );
    expect(failed.data.reason).toBe("Your card was declined.");
    expect(failed.data.orderId).toBe(order.id);
    const failedPayment = await db.payment.findUniqueOrThrow({
      where: { id: declined.payment.id },
    });
    expect(failedPayment.status).toBe("FAILED");
    expect(failedPayment.failureReason).toBe("Your card was declined.");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("INVOICED");

    const retry = await pay(user.id, invoice.id, "4242424242424242");
    expect(retry.payment.id).not.toBe(declined.payment.id);
    await tap.waitForEvent(
      "swiftcloud.payment.succeeded",
      (data) => data.paymentId === retry.payment.id,
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
  });

  it("reports insufficient funds as the reason", async () => {
    const { user, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment } = await pay(user.id, invoice.id, "4000 0000 0000 9995");

    const failed = await tap.waitForEvent(
      "swiftcloud.payment.failed",
      (data) => data.paymentId === payment.id,
    );
    expect(failed.data.reason).toBe("Your card has insufficient funds.");
    const checkout = await db.sandboxCheckout.findUniqueOrThrow({
      where: { id: payment.providerRef },
    });
    expect(checkout.declineCode).toBe("insufficient_funds");
  });

  it("keeps the slow card processing, then pays", async () => {
    const { user, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment } = await pay(user.id, invoice.id, "4000 0000 0000 0077");

    const checked = await waitFor("a check that found the payment processing", async () => {
      const row = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
      return row.checkAttempts >= 1 ? row : undefined;
    });
    expect(checked.status).toBe("PROCESSING");
    expect(checked.nextCheckAt).not.toBeNull();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");

    await tap.waitForEvent(
      "swiftcloud.payment.succeeded",
      (data) => data.paymentId === payment.id,
      20_000,
    );
    const settled = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    const checkout = await db.sandboxCheckout.findUniqueOrThrow({
      where: { id: payment.providerRef },
    });
    expect(settled.status).toBe("SUCCEEDED");
    expect(settled.settledAt!.getTime()).toBeGreaterThanOrEqual(checkout.settlesAt!.getTime());
    expect(settled.checkAttempts).toBeGreaterThanOrEqual(2);
    expect(await outboxRows(db, "swiftcloud.payment.succeeded", payment.id)).toHaveLength(1);
  });

  it("fails a payment whose checkout is cancelled", async () => {
    const { user, order, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment } = await startPayment(db, {
      userId: user.id,
      invoiceId: invoice.id,
      appUrl: testAppUrl,
    });

    const result = await cancelSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
    });
    wakeOutboxRelay();
    expect(result.invoiceId).toBe(invoice.id);

    const failed = await tap.waitForEvent(
      "swiftcloud.payment.failed",
      (data) => data.paymentId === payment.id,
    );
    expect(failed.data).toMatchObject({ orderId: order.id, reason: "Checkout cancelled" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
      "FAILED",
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");

    // Leaving the same checkout again changes nothing and enqueues nothing.
    await cancelSandboxCheckout(db, { userId: user.id, providerRef: payment.providerRef });
    expect(await outboxRows(db, "swiftcloud.payment.failed", payment.id)).toHaveLength(1);
  });
});
