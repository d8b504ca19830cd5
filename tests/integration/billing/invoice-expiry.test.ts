import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expiredBeforeSettlementReason } from "../../../lib/billing/check-payment";
import { checkoutExpiredReason, invoiceExpiredReason } from "../../../lib/billing/expire-invoice";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { DomainError } from "../../../lib/domain/errors";
import { wakeOutboxRelay } from "../../../lib/outbox/outbox-relay";
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
  rejectionOf,
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
  worker = await startBillingWorker(databaseUrl, prefix, logs, { invoiceExpiryIntervalMs: 100 });
  tap = await BrokerTap.open(prefix);
});

afterAll(async () => {
  await worker?.stop();
  await tap?.close();
  await db?.$disconnect();
  await deleteBrokerNamespace(prefix, billingConsumerNames);
});

describe("invoice expiry", () => {
  it("voids an expired invoice and cancels its order", async () => {
    const { user, order, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment } = await startPayment(db, {
      userId: user.id,
      invoiceId: invoice.id,
      appUrl: testAppUrl,
    });

    await db.invoice.update({
      where: { id: invoice.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const expired = await tap.waitForEvent(
      "swiftcloud.invoice.expired",
      (data) => data.invoiceId === invoice.id,
    );

    expect(expired.data).toEqual({ userId: user.id, orderId: order.id, invoiceId: invoice.id });
    const voided = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(voided.status).toBe("VOID");
    expect(voided.voidedAt).not.toBeNull();
    const cancelled = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancelReason).toBe(invoiceExpiredReason);
    const failedPayment = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(failedPayment.status).toBe("FAILED");
    expect(failedPayment.failureReason).toBe(checkoutExpiredReason);

    const orderCancelled = await tap.waitForEvent(
      "swiftcloud.order.cancelled",
      (data) => data.orderId === order.id,
    );
    expect(orderCancelled.data.reason).toBe(invoiceExpiredReason);
    await tap.waitForEvent("swiftcloud.payment.failed", (data) => data.paymentId === payment.id);

    const error = await rejectionOf(() =>
      startPayment(db, { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("conflict");
    await logs.waitFor("billing.invoice_expired", { invoiceId: invoice.id });
  });

  it("fails a processing payment at the invoice's expiry", async () => {
    const { user, invoice } = await invoicedOrder(db, tap, vmSpec());
    const expiresAt = new Date(Date.now() + 1_500);
    await db.invoice.update({ where: { id: invoice.id }, data: { expiresAt } });
    const { payment } = await startPayment(db, {
      userId: user.id,
      invoiceId: invoice.id,
      appUrl: testAppUrl,
    });
    // The slow card settles after 6 s, well after the invoice expires.
    await confirmSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4000 0000 0000 0077"),
    });
    wakeOutboxRelay();

    const failed = await tap.waitForEvent(
      "swiftcloud.payment.failed",
      (data) => data.paymentId === payment.id,
    );
    expect(failed.data.reason).toBe(expiredBeforeSettlementReason);
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("FAILED");
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());

    await tap.waitForEvent("swiftcloud.invoice.expired", (data) => data.invoiceId === invoice.id);
    const voided = await waitFor("the invoice to be void", async () => {
      const row = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
      return row.status === "VOID" ? row : undefined;
    });
    expect(voided.paidAt).toBeNull();
  });

  it("leaves an invoice that is not yet due open", async () => {
    const { invoice } = await invoicedOrder(db, tap, vmSpec());
    const later = await invoicedOrder(db, tap, vmSpec());
    await db.invoice.update({
      where: { id: later.invoice.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });

    // Once the later-created, already expired invoice is voided, the loop has
    // passed over the first one at least once.
    await tap.waitForEvent(
      "swiftcloud.invoice.expired",
      (data) => data.invoiceId === later.invoice.id,
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
  });
});
